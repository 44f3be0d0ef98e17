import type { Database } from 'better-sqlite3';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { type IndexedGuest, SEARCHED_GUESTS, SHADOW_TABLE } from './search-index.ts';
import { guestTerms } from './search-keys.ts';
import { markSearchKeysCurrent } from './search-keys-version.ts';

// The search index rebuilt while the app keeps working (system.rebuildSearchIndex). The new index is built in
// a shadow table, guests in rowid order, a slice at a time; search keeps reading the live table meanwhile,
// and the write path's row hook applies every guest write to both (search-index.ts says why that converges).
// When the scan has passed the last guest, one short transaction drops the live table and renames the shadow
// in its place. A cancel (or a failure) drops the shadow: the live index was never touched.
//
// Slower in total than rebuild() (inserts land in key order only within a slice, not across the whole
// index), but no slice holds the database for longer than a search keystroke would notice.

/**
 * The rebuild's slice (the jobs' default is 12 ms). A slice's commit writes every page its inserts dirtied, all over
 * the shadow's B-tree, and costs about as long again as the slice: at 12 ms the core's thread was held 25 ms at the
 * median and 31 at p95 (100,000 guests); at 4 ms 8 and 13, for a rebuild a quarter slower there (at 1,000,000
 * guests 9 and 16, and as fast as with 6 ms slices). A keystroke typed meanwhile waits for one slice and its commit.
 */
export const REBUILD_SLICE_MS = 4;

/** Guests read per slice at most; the slice stops earlier when its time is used. */
const READ_AHEAD = 256;

export type RebuildResult = { guests: number };

/**
 * The rebuild as a job body. `write` runs its work in one write transaction (the core's write path, so the WAL
 * is checkpointed as after any write); guests read in one slice are never carried into the next, since a
 * write in between may have changed them.
 */
export function* rebuildInSlices(
  db: Database,
  write: <T>(work: () => T) => T,
  slice: SliceClock,
): Generator<SliceProgress, RebuildResult, void> {
  let swapped = false;
  try {
    write(() => createShadow(db));
    // Progress is how far the scan is through the rowids: counting the guests would read them all.
    const total = (db.prepare('SELECT coalesce(max(rowid), 0) AS last FROM guests').get() as { last: number }).last;
    const batch = db.prepare(
      `SELECT rowid, * FROM guests WHERE ${SEARCHED_GUESTS} AND rowid > ? ORDER BY rowid LIMIT ${READ_AHEAD}`,
    );
    const insert = db.prepare(
      'INSERT OR IGNORE INTO search_term_shadow (term, rank, recency, guest) VALUES (?, ?, ?, ?)',
    );
    let after = 0;
    let done = 0;
    for (;;) {
      const guests = batch.all(after) as IndexedGuest[];
      if (guests.length === 0) break;
      write(() => {
        for (const guest of guests) {
          // Sorted, so the slice's inserts walk the B-tree in one direction.
          const rows = [...guestTerms(guest)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          for (const [term, rank] of rows) insert.run(term, rank, guest.last_activity_at, guest.rowid);
          after = guest.rowid;
          done++;
          if (slice.due()) break;
        }
      });
      // Guests created during the rebuild lie past the first total: it grows as the scan reaches them.
      yield { done: after, total: Math.max(total, after) };
    }
    write(() => {
      db.exec(`DROP TABLE search_term; ALTER TABLE ${SHADOW_TABLE} RENAME TO search_term;`);
      // Moves that waited (search-index.ts) were of the live rows just dropped: the shadow's follow every write.
      db.exec('DELETE FROM search_recency_lag');
      markSearchKeysCurrent(db);
    });
    swapped = true;
    return { guests: done };
  } finally {
    if (!swapped) write(() => db.exec(`DROP TABLE IF EXISTS ${SHADOW_TABLE}`));
  }
}

/**
 * The shadow is made from the live table's own definition (columns, key, WITHOUT ROWID), so it cannot drift from
 * the migrations. A shadow left by a rebuild that never finished (the app was killed) is dropped first.
 */
function createShadow(db: Database): void {
  const live = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_term'").get() as
    | { sql: string }
    | undefined;
  const definition = live?.sql.replace(/^CREATE TABLE\s+(["`]?)search_term\1/i, `CREATE TABLE ${SHADOW_TABLE}`);
  if (!definition?.startsWith(`CREATE TABLE ${SHADOW_TABLE}`)) throw new Error('search_term has no usable definition');
  db.exec(`DROP TABLE IF EXISTS ${SHADOW_TABLE}`);
  db.exec(definition);
}
