import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type GeneratedGuest, generateGuestStream } from '../../electron/core/demo/generate.ts';
import { importGuests } from '../../electron/core/demo/import.ts';
import { createSearchIndex } from '../../electron/core/guests/search-index.ts';
import { loadServiceData } from './service-data.ts';
import { benchWrites } from './writes.ts';

// Builds the benchmark's databases fast, and caches them under .bench/ (gitignored), in two layers:
// guests-<size>-… (guests, their change log and search index: 9 minutes at 1M) and service-<size>-… (a
// copy of it migrated to the latest schema, with stays, allergies, requests, dishes and served rows:
// see service-data.ts). The guests layer's key ignores the service layer and the later, additive
// migrations, so changing those rebuilds only the service layer.
// `demo.load` would keep the search index row by row (tens of millions of random B-tree inserts at 1M);
// here the guests go through the same write path with no hooks (rows + change log, exactly as the app
// writes them), and the index is built once at the end in key order by rebuild(), which a property
// test proves equal to the incremental index.

/** Bump when the generated data or the way it is built changes, so cached databases are rebuilt. */
export const BENCH_DATA_VERSION = 1;
/** The same for the service layer. */
export const SERVICE_DATA_VERSION = 1;
/**
 * The schema the guests layer's tables come from. Migrations after it are additive (new tables), and
 * are applied to the copy the service layer is built on; bump this only if a migration changes the
 * guests tables themselves.
 */
const GUESTS_LAYER_SCHEMA = 1;
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

// What decides the service layer's bytes, besides the guests layer it is built on.
const SERVICE_SOURCES = [
  'tests/bench/service-data.ts',
  'tests/bench/service-common.ts',
  'tests/bench/service-menu.ts',
  'tests/bench/service-indexes.ts',
  'tests/bench/service-stays.ts',
  'tests/bench/service-allergies-requests.ts',
  'tests/bench/service-bench-day.ts',
  'electron/core/demo/service-catalogue.ts',
  'db/migrations/0002-service.ts',
];

function sourcesHash(sources: string[], salt = ''): string {
  const hash = createHash('sha256').update(salt);
  for (const source of sources) hash.update(readFileSync(path.resolve(import.meta.dirname, '../..', source)));
  return hash.digest('hex').slice(0, 8);
}

const guestsVersion = () => `s${GUESTS_LAYER_SCHEMA}-d${BENCH_DATA_VERSION}-${sourcesHash(SOURCES)}`;

export function guestsFile(size: number): string {
  return path.join(BENCH_DIR, `guests-${size}-${guestsVersion()}.sqlite`);
}

/** The database the benchmark runs on: the guests layer plus the service layer. */
export function databaseFile(size: number): string {
  const version = `s${LATEST_VERSION}-d${SERVICE_DATA_VERSION}-${sourcesHash(SERVICE_SOURCES, guestsVersion())}`;
  return path.join(BENCH_DIR, `service-${size}-${version}.sqlite`);
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
type BuildOptions = { rebuild: boolean; rebuildGuests: boolean; log: (line: string) => void };

/** Removes the other versions of a layer of this size: they are stale, and big. */
function removeStale(prefix: string, keep: string) {
  for (const name of existsSync(BENCH_DIR) ? readdirSync(BENCH_DIR) : []) {
    if (name.startsWith(prefix) && path.join(BENCH_DIR, name) !== keep)
      rmSync(path.join(BENCH_DIR, name), { force: true });
  }
}

/** The cached benchmark database of `size` guests with its service data, built first if missing. */
export function ensureDatabase(size: number, options: BuildOptions): BuildResult & { guests: BuildResult } {
  const guests = ensureGuests(size, options.rebuildGuests, options.log);
  const file = databaseFile(size);
  if (existsSync(file) && !options.rebuild && !guests.built) {
    return { file, built: false, seconds: 0, bytes: statSync(file).size, guests };
  }
  removeStale(`service-${size}-`, file);
  const started = performance.now();
  const building = `${file}.building`;
  removeDatabase(building);
  copyFileSync(guests.file, building);
  options.log(`  guests layer copied in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = openDatabase(building); // migrates the copy to the latest schema
  // Build-only settings: no rollback journal and no fsync (an interrupted build is thrown away), and no
  // foreign-key checks (the generator only names rows it made; a correction and the allergy it supersedes
  // name each other, which row-by-row checks would refuse whichever is written first).
  db.pragma('journal_mode = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  const nodeId = openNodeIdentity(db).nodeId;
  const writes = benchWrites(db, nodeId, Date.now);
  const counts = loadServiceData(db, writes, size, options.log);
  options.log(
    `  ${Object.entries(counts)
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );
  db.pragma('journal_mode = WAL');
  db.close();
  removeDatabase(file);
  renameSync(building, file);
  removeDatabase(building);
  const seconds = (performance.now() - started) / 1000;
  return { file, built: true, seconds, bytes: statSync(file).size, guests };
}

/** The cached database of `size` guests (the guests layer), built first if missing (or if `rebuild`). */
function ensureGuests(size: number, rebuild: boolean, log: (line: string) => void): BuildResult {
  const options = { log };
  const file = guestsFile(size);
  if (existsSync(file) && !rebuild) {
    return { file, built: false, seconds: 0, bytes: statSync(file).size } satisfies BuildResult;
  }
  // Older versions of this size are stale now: remove them rather than let .bench/ grow.
  removeStale(`guests-${size}-`, '');
  const started = performance.now();
  const building = `${file}.building`; // renamed only when complete: an interrupted build is never reused
  removeDatabase(building);
  const db = openDatabase(building);
  // Build-only settings: a 1 GiB page cache, no fsync (a crash just means building again), and the
  // scratch table and sort of rebuild() in memory.
  db.pragma('cache_size = -1048576');
  db.pragma('synchronous = OFF');
  db.pragma('temp_store = MEMORY');

  const nodeId = openNodeIdentity(db).nodeId;
  const writes = benchWrites(db, nodeId, Date.now);
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
