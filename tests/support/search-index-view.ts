import type { Database } from 'better-sqlite3';
import { createSearchIndex } from '../../electron/core/guests/search-index.ts';

// The search index as the property tests compare it. A guest's rows may stand at an earlier recency while their
// move waits for an idle moment (search_recency_lag): `asIntended` checks that every row stands exactly where the
// index says (which later writes rely on to remove it) and reads each at its guest's recency, which is what a
// rebuild makes; `exactly` is the table as it is, which equals a rebuild once nothing waits.

export const ALL_TERMS = 'SELECT term, rank, recency, guest FROM search_term ORDER BY 1, 2, 3, 4';

export function exactly(db: Database): unknown[] {
  return db.prepare(ALL_TERMS).all();
}

/**
 * The index read at each guest's recency, after checking that every row stands where the index says. Guests
 * by rowid (one file), or by id (`by: 'id'`: between PCs, whose rowids differ).
 */
export function asIntended(db: Database, by: 'rowid' | 'id' = 'rowid'): unknown[] {
  const misplaced = db
    .prepare(
      `SELECT s.term, s.recency, g.id FROM search_term s JOIN guests g ON g.rowid = s.guest
         LEFT JOIN search_recency_lag l ON l.guest = s.guest
        WHERE s.recency <> coalesce(l.recency, g.last_activity_at) LIMIT 3`,
    )
    .all();
  if (misplaced.length > 0) throw new Error(`search rows at a recency nothing records: ${JSON.stringify(misplaced)}`);
  const guest = by === 'id' ? 'g.id' : 's.guest';
  return db
    .prepare(
      `SELECT s.term, s.rank, g.last_activity_at AS recency, ${guest} AS guest FROM search_term s
         JOIN guests g ON g.rowid = s.guest ORDER BY 1, 2, 3, 4`,
    )
    .all();
}

/** What rebuild() in one go makes of the guests now, leaving the database as it was. */
export function fullRebuild(db: Database): unknown[] {
  db.exec('SAVEPOINT rebuild');
  try {
    createSearchIndex(db).rebuild();
    return exactly(db);
  } finally {
    db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  }
}

/** Guests whose rows wait for their move. */
export function waiting(db: Database): number {
  return db.prepare('SELECT count(*) FROM search_recency_lag').pluck().get() as number;
}
