import type { Database } from 'better-sqlite3';

// SQLite's page cache (64 MiB, db/open.ts) keeps the search index warm for lookups. A ledger import writes
// hundreds of thousands of new rows once: they would fill that cache with pages nobody reads again, and the
// import's peak memory with it (issue 11: 500 MB for the whole import). While an import writes, the cache is
// held to IMPORT_CACHE_KIB; it gets its size back when the last import running ends, and refills from the OS's
// file cache as staff search again. Measured on the 100,000-row bench ledger: about 60-90 MB lower peak, and the
// write no slower within the runs' noise (its pages are new, so a bigger cache had little to hit).

export const IMPORT_CACHE_KIB = 16 * 1024;

const holders = new WeakMap<Database, { count: number; size: number }>();

/** Runs `work` with the connection's page cache at most IMPORT_CACHE_KIB, then gives it back its size. */
export async function withSmallPageCache<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const held = holders.get(db) ?? { count: 0, size: db.pragma('cache_size', { simple: true }) as number };
  if (held.count === 0) {
    holders.set(db, held);
    // A negative cache_size is KiB, a positive one pages (SQLite's convention): compare what they amount to.
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const kib = held.size < 0 ? -held.size : (held.size * pageSize) / 1024;
    if (kib > IMPORT_CACHE_KIB) db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  }
  held.count++;
  try {
    return await work();
  } finally {
    held.count--;
    if (held.count === 0) {
      holders.delete(db);
      if (db.open) db.pragma(`cache_size = ${held.size}`);
    }
  }
}
