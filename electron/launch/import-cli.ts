import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FILE_CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../../shared/contract/files.ts';
import { IMPORT_FIELDS, type ImportField } from '../../shared/contract/imports.ts';
import type { CallError } from '../../shared/contract/result.ts';
import { openCore } from '../core-host/open-core.ts';
import { DATABASE_FILE, defaultDataDir } from './data-dir.ts';
import { importWords } from './import-words.ts';
import { launcherLanguage } from './messages.ts';
import { lockOrExit } from './open-locked.ts';

// `npm run import -- FILE`: imports a ledger into this PC's register from a terminal, through the same
// contract as the import screen (files.upload, imports.preview, imports.run), so other systems and tests can
// drive it. --dry-run shows what would be recorded and writes nothing; --json prints the call's answer as
// JSON for another program. The database is locked like the app's: while the app has it open, this waits
// for nothing and says which program holds it.

const USAGE_EXIT = 2;
const FAILED_EXIT = 1;

const { values, positionals } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    data: { type: 'string' },
    staff: { type: 'string' },
    pin: { type: 'string' },
    map: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const words = importWords[launcherLanguage()];

if (values.help || positionals.length !== 1) {
  console.error(words.usage);
  process.exit(values.help ? 0 : USAGE_EXIT);
}

const path = resolve(positionals[0] as string);
let size: number;
try {
  size = statSync(path).size;
} catch {
  console.error(words.noFile(path));
  process.exit(USAGE_EXIT);
}
if (size > MAX_UPLOAD_BYTES) {
  console.error(words.tooLarge(MAX_UPLOAD_BYTES / 1024 / 1024));
  process.exit(USAGE_EXIT);
}

const dataFile = values.data ? resolve(values.data) : join(defaultDataDir(), DATABASE_FILE);
const lock = lockOrExit(dataFile, { ownFolder: !values.data, lock: { door: 'import' } });
const opened = openCore({
  file: dataFile,
  ownFolder: !values.data,
  logger: { info() {}, warn() {}, error: console.error },
});
const core = opened.core;

/** Ends the command: a throw, not process.exit, so what was printed (a large --json answer) reaches a pipe whole. */
class Finished extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`finished with ${code}`);
    this.code = code;
  }
}
const finish = (code: number): never => {
  throw new Finished(code);
};

try {
  await main();
} catch (error) {
  if (!(error instanceof Finished)) throw error;
  process.exitCode = error.code;
} finally {
  opened.close();
  lock.release();
}

async function main(): Promise<void> {
  async function call<T>(name: string, input: unknown): Promise<T> {
    const result = await core.call(name, input);
    if (result.ok) return result.value as T;
    fail(result.error);
  }

  function fail(error: CallError): never {
    if (values.json) console.log(JSON.stringify({ ok: false, error }, null, 2));
    else console.error(words.failed(error));
    return finish(FAILED_EXIT);
  }

  if (!values.json && process.stderr.isTTY) {
    core.onProgress((progress) => {
      const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
      process.stderr.write(`\r${words.step(progress.step ?? progress.kind)} ${percent}%   `);
      if (progress.state !== 'running') process.stderr.write('\n');
    });
  }

  async function upload(file: Buffer, name: string): Promise<string> {
    let id: string | undefined;
    for (let offset = 0; offset < file.length || id === undefined; offset += FILE_CHUNK_BYTES) {
      const answer = await call<{ upload: string }>('files.upload', {
        ...(id ? { upload: id } : {}),
        name,
        size: file.length,
        offset,
        chunk: file.subarray(offset, offset + FILE_CHUNK_BYTES).toString('base64'),
      });
      id = answer.upload;
      if (file.length === 0) break;
    }
    return id as string;
  }

  /** `--map "電話番号=phone,備考="`: header cell = field (empty: not imported), over the guessed mapping. */
  function overrideMapping(header: string[], mapping: (ImportField | null)[], text: string) {
    const next = [...mapping];
    for (const pair of text.split(',')) {
      const [cell, field = ''] = pair.split('=').map((part) => part.trim());
      const column = header.indexOf(cell ?? '');
      if (column < 0 || (field !== '' && !(IMPORT_FIELDS as readonly string[]).includes(field))) {
        console.error(words.badMap(pair, IMPORT_FIELDS.join(', ')));
        finish(USAGE_EXIT);
      }
      next[column] = field === '' ? null : (field as ImportField);
    }
    return next;
  }

  type Preview = {
    header: string[];
    mapping: (ImportField | null)[];
    mappingIssues: string[];
    counts: Record<string, number>;
    setAside: Array<{ line: number; reason: string; value: string | null }>;
  };

  // Who the import reads and records as, chosen before the file is sent: reading a ledger needs the import
  // permission of someone chosen (docs/roles.md), and with PINs required, their PIN (--pin). A new register
  // has nobody yet: its first member is made from --staff when the import is recorded, below.
  const staff = await call<{
    staff: Array<{ id: string; name: string; active: boolean }>;
    currentStaffId: string | null;
  }>('staff.list', {});
  const active = staff.staff.filter((person) => person.active);
  if (values.staff && active.length > 0) {
    const wanted = values.staff.replace(/\s+/g, '');
    const member = active.find((person) => person.name.replace(/\s+/g, '') === wanted);
    if (!member) {
      console.error(
        words.noSuchStaff(
          values.staff,
          active.map((p) => p.name),
        ),
      );
      finish(USAGE_EXIT);
    }
    await call('staff.setCurrent', { id: (member as { id: string }).id, ...(values.pin ? { pin: values.pin } : {}) });
  } else if (active.length > 0 && !staff.currentStaffId) {
    console.error(words.needStaff(active.map((p) => p.name)));
    finish(USAGE_EXIT);
  }

  const uploadId = await upload(readFileSync(path), path.split(/[\\/]/).pop() as string);
  let preview = await call<Preview>('imports.preview', { upload: uploadId });
  if (values.map) {
    const mapping = overrideMapping(preview.header, preview.mapping, values.map);
    preview = await call<Preview>('imports.preview', { upload: uploadId, mapping });
  }

  if (values['dry-run']) {
    if (values.json) console.log(JSON.stringify({ ok: true, value: preview }, null, 2));
    else console.log(words.preview(preview));
    finish(preview.mappingIssues.length > 0 ? FAILED_EXIT : 0);
  }
  if (preview.mappingIssues.length > 0) {
    if (values.json) console.log(JSON.stringify({ ok: true, value: preview }, null, 2));
    else console.log(words.preview(preview));
    finish(FAILED_EXIT);
  }

  if (values.staff && active.length === 0) {
    // A new register has nobody yet: the person running the first import is its first staff member.
    console.error(words.firstStaff(values.staff));
    const created = await call<{ id: string }>('staff.create', { name: values.staff });
    await call('staff.setCurrent', { id: created.id });
  } else if (!values.staff && !staff.currentStaffId) {
    console.error(words.needStaff(active.map((p) => p.name)));
    finish(USAGE_EXIT);
  }

  const written = await call<{ import: string; counts: Record<string, number> }>('imports.run', {
    upload: uploadId,
    mapping: preview.mapping,
  });
  if (values.json) console.log(JSON.stringify({ ok: true, value: written }, null, 2));
  else console.log(words.written(written.counts, written.import));
  finish(0);
}
