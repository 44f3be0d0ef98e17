// Synced-table write check (run by `npm run lint`): a row of a synced table is written only through the
// write path and the apply path, which append the change log; anything else is a write that history, audit
// and sync never see.
//
//   synced tables   SYNCED_TABLES in db/schema.ts (imported, so the list has one home)
//   allowed in      electron/core/changes/** (write path, apply path) and db/migrations/** (schema, seeds),
//                   plus the temporary, named exceptions in TEMPORARY_ALLOWED below
//   scanned         shared/, db/, electron/, renderer/ (tests/ may build fixtures however they like)
//
// A write is found in two forms:
//   SQL text        INSERT [OR …] INTO t, REPLACE INTO t, UPDATE [OR …] t … SET, DELETE FROM t, in any string
//                   or template literal, case-insensitive, `main.` or quotes around the name allowed. Each
//                   form must be followed by what SQL puts there (a column list or VALUES/SELECT, SET, WHERE
//                   or the end…), so prose such as 'Update guests in bulk' is not a write.
//   Kysely          .insertInto('t'), .replaceInto('t'), .updateTable('t'), .deleteFrom('t'), .mergeInto('t')
//                   ('t as x' and lists of names included).
// A table named at run time (`UPDATE ${table} SET`, .deleteFrom(name)) cannot be told apart from a synced one,
// so it counts as a write to an unknown table and is refused outside the allowed paths too.
//
// Comments, strings and templates (with their `${…}` substitutions, nested to any depth) and regex literals
// are recognised by a small lexer, so SQL in a comment is not a write. Not seen: SQL glued from pieces with `+`
// and names read from variables that hold a literal; the rule is a tripwire, the write path's tests are the proof.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYNCED_TABLES } from '../../db/schema.ts';
import { listSourceFiles, type Violation } from './boundaries.ts';

export type { Violation };

/** Where synced tables may be written directly. */
export const ALLOWED_PATHS = ['electron/core/changes/', 'db/migrations/'];

export type AllowEntry = {
  /** Root-relative file, forward slashes. */
  file: string;
  /** The synced table written there, or '*' for a table named at run time. */
  table: string;
};

/**
 * Temporary exceptions: each names a file and a table and says, in a `// TODO(sync): …` comment, why it
 * writes outside the write path and what has to happen before the entry can go. An entry that no longer
 * matches a write is reported, so the list only shrinks. An entry looks like
 *
 *   // TODO(sync): the CSV importer inserts stays in bulk; move it onto session.writeRow when imports land.
 *   { file: 'electron/core/imports/stays.ts', table: 'stays' },
 *
 * (None today: every write to a synced table outside electron/core/changes/ and db/migrations/ already goes
 * through session.writeRow.)
 */
export const TEMPORARY_ALLOWED: readonly AllowEntry[] = [];

export interface Write {
  /** Lower-cased table name without schema or quotes; null when the name is computed at run time. */
  table: string | null;
  line: number;
  /** The text that was recognised, for the message. */
  text: string;
}

// ---------------------------------------------------------------------------------------------------------
// Lexer: code tokens (identifiers, punctuation, string values) and the text of every string and template,
// with `${…}` replaced by DYNAMIC and each character's position in the source kept for line numbers.

const DYNAMIC = '\u0001';

type Token = { kind: 'id' | 'str' | 'punct'; value: string; index: number };
type Text = { chars: string; at: number[] };

const REGEX_PRECEDERS = new Set([
  'return',
  'typeof',
  'instanceof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

function regexAllowedAfter(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'str') return false;
  if (prev.kind === 'id') return REGEX_PRECEDERS.has(prev.value);
  return prev.value !== ')' && prev.value !== ']' && prev.value !== 'regex';
}

const REGEX_LITERAL = /\/(?:[^/\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[a-z]*/y;
const IDENT = /[A-Za-z_$][\w$]*/y;

function lex(source: string): { tokens: Token[]; texts: Text[] } {
  const tokens: Token[] = [];
  const texts: Text[] = [];

  // Lexes code from `i`; with `inTemplate`, stops after the `}` that closes a `${`. Returns the index after it.
  const code = (start: number, inTemplate: boolean): number => {
    let i = start;
    let depth = 0;
    while (i < source.length) {
      const c = source[i] ?? '';
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        i = end < 0 ? source.length : end;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        i = end < 0 ? source.length : end + 2;
      } else if (c === '/' && regexAllowedAfter(tokens.at(-1))) {
        REGEX_LITERAL.lastIndex = i;
        const m = REGEX_LITERAL.exec(source);
        tokens.push({ kind: 'punct', value: m ? 'regex' : '/', index: i });
        i += m ? m[0].length : 1;
      } else if (c === "'" || c === '"') {
        i = quoted(i, c);
      } else if (c === '`') {
        i = template(i);
      } else if (/[A-Za-z_$]/.test(c)) {
        IDENT.lastIndex = i;
        const id = IDENT.exec(source)?.[0] ?? c;
        tokens.push({ kind: 'id', value: id, index: i });
        i += id.length;
      } else if (/\s/.test(c)) {
        i++;
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (inTemplate && depth === 0) return i + 1;
          depth--;
        }
        const value = c === '?' && next === '.' ? '?.' : c;
        tokens.push({ kind: 'punct', value, index: i });
        i += value.length;
      }
    }
    return i;
  };

  // A '…' or "…" string; an unterminated one ends at the line's end (an apostrophe in JSX text).
  const quoted = (start: number, quote: string): number => {
    const text: Text = { chars: '', at: [] };
    let i = start + 1;
    while (i < source.length && source[i] !== quote && source[i] !== '\n') {
      if (source[i] === '\\') i++;
      text.chars += source[i] ?? '';
      text.at.push(i);
      i++;
    }
    texts.push(text);
    tokens.push({ kind: 'str', value: text.chars, index: start });
    return source[i] === quote ? i + 1 : i;
  };

  const template = (start: number): number => {
    const text: Text = { chars: '', at: [] };
    let i = start + 1;
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '$' && source[i + 1] === '{') {
        text.chars += DYNAMIC;
        text.at.push(i);
        i = code(i + 2, true);
        continue;
      }
      if (source[i] === '\\') i++;
      text.chars += source[i] ?? '';
      text.at.push(i);
      i++;
    }
    texts.push(text);
    const dynamic = text.chars.includes(DYNAMIC);
    tokens.push({ kind: dynamic ? 'punct' : 'str', value: dynamic ? 'template' : text.chars, index: start });
    return i + 1;
  };

  code(0, false);
  tokens.sort((a, b) => a.index - b.index);
  return { tokens, texts };
}

// ---------------------------------------------------------------------------------------------------------
// What counts as a write.

const CONFLICT = String.raw`(?:\s+OR\s+(?:ROLLBACK|ABORT|REPLACE|FAIL|IGNORE))?`;
// A table name: optionally schema-qualified, optionally quoted; DYNAMIC stands for a `${…}`.
const NAME = String.raw`(?:[\w${DYNAMIC}]+\.)?(?:"[^"]+"|\[[^\]]+\]|\x60[^\x60]+\x60|[\w${DYNAMIC}]+)(?![\w${DYNAMIC}])`;
const SQL_WRITES = [
  new RegExp(
    String.raw`\b(?:INSERT${CONFLICT}|REPLACE)\s+INTO\s+(${NAME})(?=\s*(?:\(|VALUES\b|SELECT\b|DEFAULT\s+VALUES\b|AS\b|WITH\b|${DYNAMIC}|;|$))`,
    'gi',
  ),
  new RegExp(
    String.raw`\bUPDATE${CONFLICT}\s+(${NAME})(?=\s+(?:AS\s+\w+\s+)?(?:INDEXED\s+BY\s+\w+\s+|NOT\s+INDEXED\s+)?SET\b)`,
    'gi',
  ),
  new RegExp(
    String.raw`\bDELETE\s+FROM\s+(${NAME})(?=\s*(?:AS\b|INDEXED\b|NOT\s+INDEXED\b|WHERE\b|RETURNING\b|ORDER\b|LIMIT\b|${DYNAMIC}|;|\)|$))`,
    'gi',
  ),
];
const KYSELY_WRITES = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);

/** `main."Guests"` → guests; a name with a `${…}` in it → null (known only at run time). */
function tableName(raw: string): string | null {
  if (raw.includes(DYNAMIC)) return null;
  const bare = raw.replace(/^(?:[\w]+\.)/, '').replace(/^["[`]|["\]`]$/g, '');
  return bare.toLowerCase();
}

function lineCounter(source: string): (index: number) => number {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Every write (SQL text or Kysely builder call) in a source text, in source order, to any table. */
export function findWrites(source: string): Write[] {
  const { tokens, texts } = lex(source);
  const lineOf = lineCounter(source);
  const writes: Array<Write & { index: number }> = [];
  const add = (table: string | null, index: number, text: string) =>
    writes.push({ table, line: lineOf(index), text: text.replaceAll(DYNAMIC, '${…}').replace(/\s+/g, ' '), index });

  for (const text of texts) {
    for (const pattern of SQL_WRITES) {
      for (const m of text.chars.matchAll(pattern)) add(tableName(m[1] ?? ''), text.at[m.index] ?? 0, m[0]);
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const dot = tokens[i - 1];
    if (t?.kind !== 'id' || !KYSELY_WRITES.has(t.value) || (dot?.value !== '.' && dot?.value !== '?.')) continue;
    if (tokens[i + 1]?.value !== '(') continue;
    const arg = tokens[i + 2];
    const names: Token[] = [];
    let dynamic = arg?.kind !== 'str';
    if (arg?.value === '[') {
      dynamic = false;
      for (let j = i + 3; j < tokens.length && tokens[j]?.value !== ']'; j++) {
        const item = tokens[j];
        if (item?.kind === 'str') names.push(item);
        else if (item?.value !== ',') dynamic = true;
      }
    } else if (arg?.kind === 'str') {
      names.push(arg);
    }
    for (const name of names)
      add(tableName(name.value.trim().split(/\s+/)[0] ?? ''), t.index, `${t.value}('${name.value}')`);
    if (dynamic) add(null, t.index, `${t.value}(…)`);
  }

  return writes.sort((a, b) => a.index - b.index).map(({ index: _, ...write }) => write);
}

// ---------------------------------------------------------------------------------------------------------
// The rule.

export type Options = {
  /** The synced tables; SYNCED_TABLES of db/schema.ts unless given. */
  synced?: readonly string[];
  /** The temporary exceptions; TEMPORARY_ALLOWED unless given. */
  allowed?: readonly AllowEntry[];
};

const allowedPath = (file: string): boolean => ALLOWED_PATHS.some((dir) => file.startsWith(dir));

/** Writes in one file that the rule cares about, each with the exception that covers it, if any. */
function scanFile(file: string, source: string, options: Options) {
  if (allowedPath(file)) return [];
  const synced = new Set(options.synced ?? SYNCED_TABLES);
  const allowed = options.allowed ?? TEMPORARY_ALLOWED;
  return findWrites(source)
    .filter((write) => write.table === null || synced.has(write.table))
    .map((write) => ({
      write,
      entry: allowed.find((entry) => entry.file === file && entry.table === (write.table ?? '*')),
    }));
}

function violationOf(file: string, write: Write): Violation {
  const what =
    write.table === null
      ? `writes a table named at run time (\`${write.text}\`), which may be synced`
      : `writes the synced table ${write.table} directly (\`${write.text}\`)`;
  return {
    file,
    line: write.line,
    message: `${what}: go through the write path (session.writeRow in electron/core/changes/write.ts)`,
  };
}

/** Writes to synced (or run-time named) tables in one file that no allowed path or exception covers. */
export function checkFile(file: string, source: string, options: Options = {}): Violation[] {
  return scanFile(file, source, options)
    .filter(({ entry }) => !entry)
    .map(({ write }) => violationOf(file, write));
}

/** Check every source file under `root`, and that every temporary exception still covers a write. */
export function checkSyncedWrites(root: string, options: Options = {}): Violation[] {
  const violations: Violation[] = [];
  const used = new Set<AllowEntry>();
  for (const file of listSourceFiles(root)) {
    for (const { write, entry } of scanFile(file, readFileSync(path.join(root, file), 'utf8'), options)) {
      if (entry) used.add(entry);
      else violations.push(violationOf(file, write));
    }
  }
  for (const entry of options.allowed ?? TEMPORARY_ALLOWED) {
    if (used.has(entry)) continue;
    violations.push({
      file: entry.file,
      line: 0,
      message: `stale exception in TEMPORARY_ALLOWED: no direct write to ${entry.table} left here, remove the entry`,
    });
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: ${v.message}`;
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const violations = checkSyncedWrites(root);
  for (const v of violations) console.error(formatViolation(v));
  if (violations.length > 0) {
    console.error(`synced-writes: ${violations.length} direct write(s) to synced tables outside the write path`);
    process.exit(1);
  }
  const exceptions = TEMPORARY_ALLOWED.length;
  console.log(
    `synced-writes: ${listSourceFiles(root).length} files checked, no direct writes to synced tables` +
      (exceptions ? ` (${exceptions} temporary exception(s))` : ''),
  );
}
