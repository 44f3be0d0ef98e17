// Import-boundary check for the architecture's layers (run by `npm run lint`).
//
//   shared/**            only relative files inside shared/ and the packages zod, wanakana, uuid
//   db/**, electron/core/**, electron/core-host/**, electron/http/**, electron/launch/**
//                        never `electron` (nor electron/main or electron/preload, which import it)
//   db/**, electron/core/**, electron/core-host/**
//                        never renderer/
//   renderer/**          only relative files inside renderer/ or shared/, and packages other than
//                        electron, Node builtins and better-sqlite3
//
// Specifiers are found by a small tokenizer (comments, strings, templates and regex literals are
// recognised, so an import-looking comment or a glob string is not mistaken for an import). Every
// `… from 'x'`, `import 'x'`, `import('x')` and `require('x')` counts, type-only imports included.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

export interface ImportRef {
  specifier: string;
  line: number;
}

const SCANNED_DIRS = ['shared', 'db', 'electron', 'renderer'];
const SOURCE_FILE = /\.(?:ts|tsx|cts|mts)$/;
const SHARED_PACKAGES = new Set(['zod', 'wanakana', 'uuid']);
const RENDERER_FORBIDDEN_PACKAGES = new Set(['electron', 'better-sqlite3']);
const NO_ELECTRON_DIRS = [
  'db/',
  'electron/core/',
  'electron/core-host/',
  'electron/http/',
  'electron/launch/',
  'electron/sheets/',
];
const ELECTRON_ONLY_DIRS = ['electron/main/', 'electron/preload/'];
const NO_RENDERER_DIRS = ['db/', 'electron/core/', 'electron/core-host/'];

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

type Token = { kind: 'id' | 'str' | 'punct'; value: string; index: number };

const TOKEN =
  /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\[\s\S])*`|[A-Za-z_$][\w$]*|\s+|[\s\S]/y;
const REGEX_LITERAL = /\/(?:[^/\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+\/[a-z]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const prev = tokens[tokens.length - 1];
    if (source[i] === '/' && source[i + 1] !== '/' && source[i + 1] !== '*' && regexAllowedAfter(prev)) {
      REGEX_LITERAL.lastIndex = i;
      const m = REGEX_LITERAL.exec(source);
      if (m) {
        tokens.push({ kind: 'punct', value: 'regex', index: i });
        i += m[0].length;
        continue;
      }
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(source);
    const text = m ? m[0] : (source[i] ?? '');
    const first = text[0] ?? '';
    if (text.startsWith('//') || text.startsWith('/*') || /^\s/.test(first)) {
      // comment or whitespace: skipped
    } else if (first === "'" || first === '"') {
      tokens.push({ kind: 'str', value: unquote(text.slice(1, -1)), index: i });
    } else if (first === '`') {
      // a template without substitutions is a plain string; one with `${` is not a static specifier
      tokens.push({ kind: text.includes('${') ? 'punct' : 'str', value: text.slice(1, -1), index: i });
    } else if (/[A-Za-z_$]/.test(first)) {
      tokens.push({ kind: 'id', value: text, index: i });
    } else {
      tokens.push({ kind: 'punct', value: text, index: i });
    }
    i += text.length || 1;
  }
  return tokens;
}

function regexAllowedAfter(prev: Token | undefined): boolean {
  if (!prev) return true;
  if (prev.kind === 'str') return false;
  if (prev.kind === 'id') return REGEX_PRECEDERS.has(prev.value);
  return prev.value !== ')' && prev.value !== ']' && prev.value !== 'regex';
}

function unquote(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}

/** Every static module specifier in a source text, with its 1-based line. */
export function findImports(source: string): ImportRef[] {
  const tokens = tokenize(source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const refs: ImportRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'str') continue;
    const p1 = tokens[i - 1];
    const p2 = tokens[i - 2];
    const beforeP2 = tokens[i - 3];
    const notMember = (tok: Token | undefined) => tok?.value !== '.' && tok?.value !== '?.';
    const isImport =
      (p1?.kind === 'id' && p1.value === 'from') ||
      (p1?.kind === 'id' && p1.value === 'import' && notMember(p2)) ||
      (p1?.value === '(' &&
        p2?.kind === 'id' &&
        (p2.value === 'import' || p2.value === 'require') &&
        notMember(beforeP2));
    if (isImport) refs.push({ specifier: t.value, line: lineOf(t.index) });
  }
  return refs;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || isBuiltin(specifier);
}

const under = (rel: string, dirs: string[]): boolean => dirs.some((d) => rel.startsWith(d));

/** Violations of the boundary rules for one file (`file` is root-relative with forward slashes). */
export function checkFile(file: string, source: string): Violation[] {
  const violations: Violation[] = [];
  const report = (line: number, message: string) => violations.push({ file, line, message });

  for (const { specifier: raw, line } of findImports(source)) {
    const specifier = raw.replace(/[?#].*$/, '');
    const relative = isRelative(specifier) || specifier.startsWith('/');
    const target = relative
      ? path.posix.normalize(
          specifier.startsWith('/') ? specifier.slice(1) : path.posix.join(path.posix.dirname(file), specifier),
        )
      : '';
    const targetDir = `${target}/`;
    const pkg = relative ? '' : packageName(specifier);
    const builtin = !relative && isNodeBuiltin(specifier);

    if (file.startsWith('shared/')) {
      if (relative && !targetDir.startsWith('shared/')) {
        report(line, `shared/ may import only files inside shared/: '${raw}' resolves to ${target}`);
      } else if (builtin) {
        report(line, `shared/ must not import the Node builtin '${raw}'`);
      } else if (!relative && !SHARED_PACKAGES.has(pkg)) {
        report(line, `shared/ may import only the packages zod, wanakana and uuid, not '${raw}'`);
      }
    }

    if (under(file, NO_ELECTRON_DIRS)) {
      if (!relative && pkg === 'electron') {
        report(line, `${topDir(file)} must not import 'electron' (it must run in plain Node)`);
      } else if (relative && under(targetDir, ELECTRON_ONLY_DIRS)) {
        report(line, `${topDir(file)} must not import ${target} (Electron-only code)`);
      }
    }

    if (under(file, NO_RENDERER_DIRS) && relative && targetDir.startsWith('renderer/')) {
      report(line, `${topDir(file)} must not import from renderer/: '${raw}'`);
    }

    if (file.startsWith('renderer/')) {
      if (relative && !targetDir.startsWith('renderer/') && !targetDir.startsWith('shared/')) {
        report(line, `renderer/ may import only files inside renderer/ or shared/: '${raw}' resolves to ${target}`);
      } else if (builtin) {
        report(line, `renderer/ must not import the Node builtin '${raw}'`);
      } else if (!relative && RENDERER_FORBIDDEN_PACKAGES.has(pkg)) {
        report(line, `renderer/ must not import '${pkg}'`);
      }
    }
  }
  return violations;
}

function topDir(file: string): string {
  return file.startsWith('electron/') ? `${file.split('/').slice(0, 2).join('/')}/` : `${file.split('/')[0]}/`;
}

function walk(root: string, dir: string, out: string[]): void {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return;
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, rel, out);
    else out.push(rel);
  }
}

/** Git-tracked plus untracked, non-ignored files under the scanned folders; a plain walk outside a git work tree. */
export function listSourceFiles(root: string): string[] {
  let files: string[];
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    if (path.resolve(top.trim()) !== path.resolve(root)) throw new Error('root is not the top of a git work tree');
    const out = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...SCANNED_DIRS],
      { cwd: root, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
    );
    files = [...new Set(out.split('\0').filter(Boolean))];
  } catch {
    files = [];
    for (const dir of SCANNED_DIRS) walk(root, dir, files);
  }
  return files
    .filter((f) => SOURCE_FILE.test(f))
    .filter((f) => {
      const abs = path.join(root, f);
      return existsSync(abs) && statSync(abs).isFile();
    })
    .sort();
}

/** Check every source file under `root`; returns the violations, sorted by file and line. */
export function checkBoundaries(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root)) {
    violations.push(...checkFile(file, readFileSync(path.join(root, file), 'utf8')));
  }
  return violations;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: ${v.message}`;
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const violations = checkBoundaries(root);
  for (const v of violations) console.error(formatViolation(v));
  if (violations.length > 0) {
    console.error(`boundaries: ${violations.length} import boundary violation(s)`);
    process.exit(1);
  }
  console.log(`boundaries: ${listSourceFiles(root).length} files checked, no violations`);
}
