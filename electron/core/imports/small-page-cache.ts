import type { Database } from 'better-sqlite3';

// SQLite's page cache (64 MiB, db/open.ts) keeps the search index warm for lookups. A ledger import writes
// hundreds of thousands of new rows once: they would fill that cache with pages nobody reads again, and the
// import's peak memory with it (issue 11: 500 MB for the whole import). While an import writes, the cache is
// held to IMPORT_CACHE_KIB; it gets its size back when the last import running ends, and refills from the OS's
// file cache as staff search again. Measured on the 100,000-row bench ledger: about 60-90 MB lower peak, and the
// write no slower within the runs' noise (its pages are new, so a bigger cache had little to hit).

export const IMPORT_CACHE_KIB = 16 * 1024;
/**
 * The temp schema's cache while an import writes: its guests' search rows wait in a temp table until the import
 * ends (search-index.ts), written once in order and read once, so SQLite's default 16 MiB cache for it kept
 * pages that are never read again.
 */
export const IMPORT_TEMP_CACHE_KIB = 2 * 1024;

type Held = { count: number; main: number; temp: number };
const holders = new WeakMap<Database, Held>();

/**
 * The temp schema's cache size as set. SQLite answers 0 for a temp schema it opened with its built-in default,
 * while setting 0 means no cache at all: what it runs with then is the build's default (better-sqlite3 builds
 * with 16,000 KiB; SQLite's own is 2,000 KiB).
 */
function tempCacheSize(db: Database): number {
  const size = db.pragma('temp.cache_size', { simple: true }) as number;
  if (size !== 0) return size;
  const options = db.pragma('compile_options', { simple: false }) as Array<{ compile_options: string }>;
  const built = options.map((row) => /^DEFAULT_CACHE_SIZE=(-?\d+)$/.exec(row.compile_options)?.[1]).find(Boolean);
  return built ? Number(built) : -2000;
}

/** The connection's cache for one schema, in KiB (a negative cache_size is KiB, a positive one pages). */
function cacheKib(db: Database, schema: 'main' | 'temp', size: number): number {
  const pageSize = db.pragma(`${schema}.page_size`, { simple: true }) as number;
  return size < 0 ? -size : (size * pageSize) / 1024;
}

/** Runs `work` with the connection's page caches at most IMPORT_CACHE_KIB, then gives them back their size. */
export async function withSmallPageCache<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const held = holders.get(db) ?? {
    count: 0,
    main: db.pragma('main.cache_size', { simple: true }) as number,
    temp: tempCacheSize(db),
  };
  if (held.count === 0) {
    holders.set(db, held);
    if (cacheKib(db, 'main', held.main) > IMPORT_CACHE_KIB) db.pragma(`main.cache_size = -${IMPORT_CACHE_KIB}`);
    if (cacheKib(db, 'temp', held.temp) > IMPORT_TEMP_CACHE_KIB)
      db.pragma(`temp.cache_size = -${IMPORT_TEMP_CACHE_KIB}`);
  }
  held.count++;
  try {
    return await work();
  } finally {
    held.count--;
    if (held.count === 0) {
      holders.delete(db);
      if (db.open) {
        db.pragma(`main.cache_size = ${held.main}`);
        db.pragma(`temp.cache_size = ${held.temp}`);
      }
    }
  }
}
