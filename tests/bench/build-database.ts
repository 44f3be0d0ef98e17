import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { derivedId } from '../../electron/core/changes/derived-id.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type GeneratedGuest, generateGuestStream, seededRandom } from '../../electron/core/demo/generate.ts';
import { createSearchIndex } from '../../electron/core/guests/search-index.ts';
import { type Call, DAY_MS, HISTORY_START, uuidv7At } from './service-common.ts';
import { drawServiceData } from './service-data.ts';
import { dropStatistics } from './statistics.ts';
import { measureStorage, type Storage } from './storage.ts';
import { type CallSource, sortedSource, Timeline } from './timeline.ts';
import { benchWriter } from './writes.ts';

// Builds the benchmark's database through the write path, as the app would have written it over ten years,
// and caches it under .bench/ (gitignored) as bench-<size>-<version>.sqlite with a .json beside it (how it
// was built, and what the file holds: see storage.ts).
//
// Every row is written by a call as the app makes it (one log header and HLC stamp per call, compact entries:
// an insert carries the whole row, an update each changed field), at the time the generated data says: the
// engine's clock follows the calls, so the log's stamps, created_at and updated_at span the ten years. Each
// row is written once, when it was created, with the state it ends in (see the service-*.ts generators): a
// stay when booked (already departed), a request when taken (already done). A guest is registered a few
// minutes before the first row that names them (their first booking, say), or at their last activity if
// nothing names them earlier.
//
// The search index is the one exception: it is built once at the end in key order by rebuild() (keeping it
// row by row is tens of millions of random B-tree inserts at 1M guests), which a property test proves equal
// to the incrementally kept index. Its row hook is therefore not registered while building.

/** Bump when the generated data or the way it is built changes, so cached databases are rebuilt. */
export const BENCH_DATA_VERSION = 2;
export const SEED = 20_261_123;
/** A fixed "now" for the generator: the same seed then gives the same guests on every run. */
export const GENERATED_AT = Date.UTC(2026, 0, 1);
/** The catalogue (staff, dishes, courses) is entered before the history's first bookings. */
const CATALOGUE_AT = HISTORY_START - 120 * DAY_MS;
/** A guest is registered this long before the first row that names them. */
const REGISTERED_BEFORE_MS = 5 * 60_000;

export const BENCH_DIR = path.resolve(import.meta.dirname, '../..', '.bench');
const ROOT = path.resolve(import.meta.dirname, '../..');

// What decides the stored bytes: the generators, the write path and the schema. A change to any of them
// rebuilds the database even if nobody remembers to bump BENCH_DATA_VERSION.
const SOURCES = [
  'tests/bench/build-database.ts',
  'tests/bench/service-common.ts',
  'tests/bench/service-data.ts',
  'tests/bench/service-menu.ts',
  'tests/bench/service-stays.ts',
  'tests/bench/service-allergies-requests.ts',
  'tests/bench/service-bench-day.ts',
  'tests/bench/timeline.ts',
  'tests/bench/writes.ts',
  'electron/core/demo/generate.ts',
  'electron/core/demo/names.ts',
  'electron/core/demo/service-catalogue.ts',
  'electron/core/guests/search-keys.ts',
  'electron/core/guests/search-index.ts',
  'electron/core/allergies/superseded-by.ts',
  'electron/core/allergies/invariants.ts',
  'electron/core/banquets/current-stage.ts',
  'electron/core/banquets/invariants.ts',
  'electron/core/stays/invariants.ts',
];
const SOURCE_DIRS = ['db', 'electron/core/changes'];

function sourceFiles(): string[] {
  const files = [...SOURCES];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts')) files.push(relative);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  return files.sort();
}

export function sourcesHash(sources: string[], salt = ''): string {
  const hash = createHash('sha256').update(salt);
  for (const source of sources) hash.update(source).update(readFileSync(path.join(ROOT, source)));
  return hash.digest('hex').slice(0, 8);
}

/** The database the benchmark runs on. */
export function databaseFile(size: number): string {
  const version = `s${LATEST_VERSION}-d${BENCH_DATA_VERSION}-${sourcesHash(sourceFiles())}`;
  return path.join(BENCH_DIR, `bench-${size}-${version}.sqlite`);
}

/** The file with its WAL, its node's high-water mark (changes/identity.ts) and its build stats. */
function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm', '.node', '.json']) rmSync(file + suffix, { force: true });
}

/** Removes other versions of this size, and the layers older benchmarks kept: they are stale, and big. */
function removeStale(size: number, keep: string) {
  const prefixes = [`bench-${size}-`, `guests-${size}-`, `service-${size}-`];
  for (const name of existsSync(BENCH_DIR) ? readdirSync(BENCH_DIR) : []) {
    const file = path.join(BENCH_DIR, name);
    if (prefixes.some((prefix) => name.startsWith(prefix)) && !file.startsWith(keep)) rmSync(file, { force: true });
  }
}

/** How the database was built (kept beside it as JSON, so a cached run still prints it). */
export type BuildStats = {
  size: number;
  seconds: {
    guests: number;
    plan: number;
    write: number;
    searchIndex: number;
    storage: number;
    total: number;
  };
  calls: number;
  /** Calls and the seconds spent in them (inside the write path), by call name. */
  byCall: Record<string, { calls: number; seconds: number }>;
  /** Rows per table in the built database. */
  rows: Record<string, number>;
  /** Calls per second of the write phase. */
  callsPerSecond: number;
  /** Log entries per second of the write phase. */
  entriesPerSecond: number;
  /** Conflicts the invariant checks recorded, by kind (the generator makes data the app would refuse). */
  conflicts: Record<string, number>;
  firstStamp: string;
  lastStamp: string;
  storage: Storage;
};

export type BuildResult = { file: string; built: boolean; seconds: number; bytes: number; stats: BuildStats };
type BuildOptions = { rebuild: boolean; log: (line: string) => void };

/** The cached benchmark database of `size` guests, built first if missing (or if `rebuild`). */
/** Whether the register of this size is built and cached (ensureDatabase would not build it). */
export function isBuilt(size: number): boolean {
  const file = databaseFile(size);
  return existsSync(file) && existsSync(`${file}.json`);
}

export function ensureDatabase(size: number, options: BuildOptions): BuildResult {
  const file = databaseFile(size);
  const statsFile = `${file}.json`;
  if (existsSync(file) && existsSync(statsFile) && !options.rebuild) {
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats;
    if (dropStatistics(file)) options.log('  dropped the planner statistics an older build gathered (statistics.ts)');
    return { file, built: false, seconds: 0, bytes: statSync(file).size, stats };
  }
  removeStale(size, file);
  removeDatabase(file);
  const building = `${file}.building`; // renamed only when complete: an interrupted build is never reused
  removeDatabase(building);
  const stats = buildDatabase(building, size, options.log);
  renameSync(building, file);
  removeDatabase(building);
  writeFileSync(statsFile, `${JSON.stringify(stats, null, 2)}\n`);
  return { file, built: true, seconds: stats.seconds.total, bytes: statSync(file).size, stats };
}

/** Companions as the guest generator linked them: each to the guest generated just before it. */
function companionsOf(guests: readonly GeneratedGuest[]): Map<number, number[]> {
  const companions = new Map<number, number[]>();
  const add = (a: number, b: number) => companions.set(a, [...(companions.get(a) ?? []), b]);
  guests.forEach((guest, index) => {
    if (!guest.companion) return;
    const n = index + 1;
    const of = guest.companion.of + 1;
    add(of, n);
    add(n, of);
  });
  return companions;
}

/**
 * The guests' registrations (guests.create, and guests.linkCompanion once both of a pair exist), in time
 * order, made into calls as they are reached.
 */
function guestSource(
  guests: readonly GeneratedGuest[],
  registered: Float64Array,
  ids: string[],
  staffIds: readonly string[],
): CallSource {
  const size = guests.length;
  const order = Array.from({ length: size }, (_, i) => i + 1).sort(
    (a, b) => (registered[a] as number) - (registered[b] as number) || a - b,
  );
  let next = 0;
  const staffOf = (n: number) => staffIds[n % staffIds.length] as string;
  let pendingLink: Call | undefined;

  const register = (n: number): Call => {
    const t = registered[n] as number;
    const { companion, ...guest } = guests[n - 1] as GeneratedGuest;
    // The pair is linked once both are registered, by whichever of the two is registered second.
    const partner = companion ? n - 1 : guests[n]?.companion ? n + 1 : undefined;
    const partnerFirst =
      partner !== undefined &&
      ((registered[partner] as number) < t || ((registered[partner] as number) === t && partner < n));
    if (partner !== undefined && partnerFirst) {
      const [first, second] = partner < n ? [partner, n] : [n, partner];
      const relationship = guests[second - 1]?.companion?.relationship ?? 'spouse';
      pendingLink = {
        t,
        name: 'guests.linkCompanion',
        staff: staffOf(n),
        write: (session) => {
          const a = ids[first] as string;
          const b = ids[second] as string;
          session.writeRow('guest_links', derivedId('guest_link', ...[a, b].sort()), {
            guest_id: a,
            companion_id: b,
            relationship,
            created_at: session.now(),
          });
        },
      };
    }
    return {
      t,
      name: 'guests.create',
      staff: staffOf(n),
      // last_activity_at as generated: at registration, or later for a guest registered at a first booking.
      write: (session) => session.writeRow('guests', ids[n] as string, { ...guest, created_at: session.now() }),
    };
  };

  return {
    peek: () => pendingLink?.t ?? (next < size ? (registered[order[next] as number] as number) : Infinity),
    take: () => {
      if (pendingLink) {
        const link = pendingLink;
        pendingLink = undefined;
        return link;
      }
      return register(order[next++] as number);
    },
  };
}

function buildDatabase(file: string, size: number, log: (line: string) => void): BuildStats {
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    };
  })();
  const db = openDatabase(file);
  // Build-only settings: no rollback journal and no fsync (an interrupted build is thrown away), a 2 GiB page
  // cache, and rebuild()'s scratch table and sort in memory. Foreign keys stay on, as in the app: the calls
  // come in the order that makes every reference valid.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2097152');
  db.pragma('temp_store = MEMORY');
  const nodeId = openNodeIdentity(db).nodeId;

  // 1. The guests, and who their companions are.
  const guests = [...generateGuestStream(size, { seed: SEED, now: GENERATED_AT })];
  const companions = companionsOf(guests);
  const guestSeconds = lap();
  log(`  ${size.toLocaleString('en')} guests generated in ${guestSeconds.toFixed(1)} s`);

  // 2. The service history drawn once without writing, to learn when each guest is first named and to keep
  //    what is drawn after the history (guest notes, bench days); the history is drawn again when written.
  const firstNamed = new Float64Array(size + 1).fill(Number.POSITIVE_INFINITY);
  const ids: string[] = new Array(size + 1).fill('');
  const guestId = (n: number) => ids[n] as string;
  const named = (n: number, t: number) => {
    if (t < (firstNamed[n] as number)) firstNamed[n] = t;
  };
  const later: Call[] = [];
  const menu = drawServiceData({
    size,
    companions,
    guestId,
    named,
    history: { emit() {}, advance() {} },
    rest: (call) => later.push(call),
  });
  const registered = new Float64Array(size + 1);
  const idRandom = seededRandom(SEED + 77);
  for (let n = 1; n <= size; n++) {
    const last = (guests[n - 1] as GeneratedGuest).last_activity_at;
    registered[n] = Math.min(last, (firstNamed[n] as number) - REGISTERED_BEFORE_MS);
    ids[n] = uuidv7At(registered[n] as number, idRandom);
  }
  const planSeconds = lap();
  log(`  history drawn in ${planSeconds.toFixed(1)} s (${later.length.toLocaleString('en')} calls after it kept)`);

  // 3. Everything written in time order through the write path: the catalogue first, then the history with
  //    the guests' registrations and the notes drawn after the history merged in.
  const writer = benchWriter(db, nodeId, CATALOGUE_AT);
  const writeStarted = performance.now();
  let nextReport = 1_000_000;
  const report = () => {
    const seconds = (performance.now() - writeStarted) / 1000;
    log(
      `  ${writer.calls.toLocaleString('en')} calls written, up to ${new Date(writer.lastTime).toISOString().slice(0, 10)}, ` +
        `in ${seconds.toFixed(0)} s (${Math.round(writer.calls / seconds).toLocaleString('en')} calls/s)`,
    );
  };
  const run = (call: Call) => {
    writer.run(call);
    if (writer.calls >= nextReport) {
      nextReport += 1_000_000;
      report();
    }
  };
  const timeline = new Timeline(run, [guestSource(guests, registered, ids, menu.staffIds), sortedSource(later)]);
  drawServiceData({
    size,
    companions,
    guestId,
    named() {},
    history: timeline,
    catalogue: (catalogue) => {
      for (const call of catalogue.calls(CATALOGUE_AT)) writer.run(call);
    },
  });
  timeline.finish();
  writer.finish();
  const writeSeconds = lap();
  report();

  // 4. The search index in key order, and what the file holds. No ANALYZE: the app never gathers statistics,
  // and the bench times the file as the app keeps it (statistics.ts).
  db.transaction(() => createSearchIndex(db).rebuild())();
  const indexSeconds = lap();
  log(`  search index built once at the end by rebuild() in ${indexSeconds.toFixed(1)} s`);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const storage = measureStorage(db, statSync(file).size);
  const storageSeconds = lap();
  const rows: Record<string, number> = {};
  for (const table of storage.tables)
    if (table.rows > 0 && !table.table.startsWith('log_')) rows[table.table] = table.rows;
  const conflicts = Object.fromEntries(
    db.prepare('SELECT kind, count(*) FROM conflicts GROUP BY kind').raw().all() as Array<[string, number]>,
  );
  const stamps = db.prepare('SELECT min(hlc), max(hlc) FROM log_tx').raw().get() as [number, number];
  db.close();
  const entries = storage.log.entries;
  return {
    size,
    seconds: {
      guests: guestSeconds,
      plan: planSeconds,
      write: writeSeconds,
      searchIndex: indexSeconds,
      storage: storageSeconds,
      total: (performance.now() - started) / 1000,
    },
    calls: writer.calls,
    byCall: Object.fromEntries(
      [...writer.byName].map(([name, { calls, ms }]) => [name, { calls, seconds: Math.round(ms) / 1000 }]),
    ),
    rows,
    callsPerSecond: writer.calls / writeSeconds,
    entriesPerSecond: entries / writeSeconds,
    conflicts,
    firstStamp: new Date(Math.floor(stamps[0] / 2048)).toISOString(),
    lastStamp: new Date(Math.floor(stamps[1] / 2048)).toISOString(),
    storage,
  };
}
