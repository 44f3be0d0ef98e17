import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { createRunner } from '../../db/query.ts';
import { createHlc } from '../../electron/core/changes/hlc.ts';
import { createWritePath } from '../../electron/core/changes/write.ts';
import { type GeneratedGuest, generateGuestStream } from '../../electron/core/demo/generate.ts';
import { importGuests } from '../../electron/core/demo/import.ts';
import { createSearchIndex } from '../../electron/core/guests/search-index.ts';
import { loadOrCreateNodeId } from '../../electron/core/node-identity.ts';

// Builds the benchmark's databases fast, and caches them under .bench/ (gitignored).
// `demo.load` would keep the search index row by row (tens of millions of random B-tree inserts at 1M);
// here the guests go through the same write path with no hooks (rows + change log, exactly as the app
// writes them), and the index is built once at the end in key order by rebuild(), which a property
// test proves equal to the incremental index.

/** Bump when the generated data or the way it is built changes, so cached databases are rebuilt. */
export const BENCH_DATA_VERSION = 1;
export const SEED = 20_261_123;
/** A fixed "now" for the generator: the same seed then gives the same guests on every run. */
export const GENERATED_AT = Date.UTC(2026, 0, 1);
/** Guests per transaction: big enough to amortise commits, small enough to keep the WAL modest. */
const BATCH = 20_000;

export const BENCH_DIR = path.resolve(import.meta.dirname, '../../.bench');

// The sources that decide the stored bytes: a change to any of them (a new family name, another
// search key) invalidates the cache even if nobody remembers to bump BENCH_DATA_VERSION.
const SOURCES = [
  'electron/core/demo/generate.ts',
  'electron/core/demo/names.ts',
  'electron/core/demo/import.ts',
  'electron/core/guests/search-keys.ts',
];

function dataVersion(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) hash.update(readFileSync(path.resolve(import.meta.dirname, '../..', source)));
  return `s${LATEST_VERSION}-d${BENCH_DATA_VERSION}-${hash.digest('hex').slice(0, 8)}`;
}

export function databaseFile(size: number): string {
  return path.join(BENCH_DIR, `guests-${size}-${dataVersion()}.sqlite`);
}

function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * Batches of generated guests with companion indexes rebased to the batch. A companion always names
 * the guest generated just before it, so a batch only ends before a guest that is not a companion:
 * every link then stays inside one importGuests call, as it would in one big import.
 */
function* batches(stream: Iterable<GeneratedGuest>, size: number): Generator<GeneratedGuest[]> {
  let batch: GeneratedGuest[] = [];
  let start = 0;
  let index = 0;
  for (const guest of stream) {
    if (batch.length >= size && !guest.companion) {
      yield batch;
      batch = [];
      start = index;
    }
    const { companion } = guest;
    batch.push(companion ? { ...guest, companion: { ...companion, of: companion.of - start } } : guest);
    index++;
  }
  if (batch.length > 0) yield batch;
}

export type BuildResult = { file: string; built: boolean; seconds: number; bytes: number };

/** The cached database of `size` guests, built first if missing (or if `rebuild`). */
export function ensureDatabase(size: number, options: { rebuild: boolean; log: (line: string) => void }) {
  const file = databaseFile(size);
  if (existsSync(file) && !options.rebuild) {
    return { file, built: false, seconds: 0, bytes: statSync(file).size } satisfies BuildResult;
  }
  // Older versions of this size are stale now: remove them rather than let .bench/ grow.
  for (const name of existsSync(BENCH_DIR) ? readdirSync(BENCH_DIR) : []) {
    if (name.startsWith(`guests-${size}-`)) rmSync(path.join(BENCH_DIR, name), { force: true });
  }
  const started = performance.now();
  const building = `${file}.building`; // renamed only when complete: an interrupted build is never reused
  removeDatabase(building);
  const db = openDatabase(building);
  // Build-only settings: a 1 GiB page cache, no fsync (a crash just means building again), and the
  // scratch table and sort of rebuild() in memory.
  db.pragma('cache_size = -1048576');
  db.pragma('synchronous = OFF');
  db.pragma('temp_store = MEMORY');

  const nodeId = loadOrCreateNodeId(db);
  const writes = createWritePath(db, createRunner(db), createHlc(nodeId, Date.now), nodeId, Date.now);
  // A staff member, written like staff.create, so the guests' change-log entries name someone.
  const staffId = uuidv7();
  writes.transact(null, (session) => {
    const now = session.now();
    session.writeRow('staff', staffId, {
      name: '女将 山田',
      reading: 'やまだ',
      active: true,
      created_at: now,
      updated_at: now,
    });
  });

  let done = 0;
  for (const batch of batches(generateGuestStream(size, { seed: SEED, now: GENERATED_AT }), BATCH)) {
    writes.transact(staffId, (session) => importGuests(session, batch));
    done += batch.length;
    if (done % 200_000 < batch.length) options.log(`  ${done.toLocaleString('en')} guests written`);
  }
  const indexStarted = performance.now();
  db.transaction(() => createSearchIndex(db).rebuild())();
  options.log(`  search index built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  removeDatabase(file);
  renameSync(building, file);
  removeDatabase(building); // an empty -wal/-shm left by close
  return { file, built: true, seconds: (performance.now() - started) / 1000, bytes: statSync(file).size };
}
