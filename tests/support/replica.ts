import type { Database } from 'better-sqlite3';
import { SYNCED_TABLES } from '../../db/schema.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import type { Core } from '../../electron/core/create-core.ts';

// What "the same data" means between PCs: every synced table row for row and column for column, the conflicts,
// and what the derived search index says about each guest (its rowids differ between PCs, its terms must not).

export function syncedTables(db: Database): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  for (const table of SYNCED_TABLES) tables[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  tables.conflicts = db.prepare('SELECT * FROM conflicts ORDER BY id').all();
  return tables;
}

/**
 * The search index as each guest's terms at the guest's recency. A guest's rows may still stand at an earlier
 * recency while their move waits for an idle moment (search_recency_lag, search-index.ts): PCs that wrote the
 * same guest in different steps then differ only in that wait. Each row is checked to stand exactly where the
 * index says it does (the guest's recency, or the one its wait names), which is what later writes rely on.
 */
export function searchTerms(db: Database): unknown[] {
  const misplaced = db
    .prepare(
      `SELECT s.term, s.recency, g.id FROM search_term s JOIN guests g ON g.rowid = s.guest
         LEFT JOIN search_recency_lag l ON l.guest = s.guest
        WHERE s.recency <> coalesce(l.recency, g.last_activity_at) LIMIT 3`,
    )
    .all();
  if (misplaced.length > 0) throw new Error(`search rows at a recency nothing records: ${JSON.stringify(misplaced)}`);
  return db
    .prepare(
      `SELECT s.term, s.rank, g.last_activity_at AS recency, g.id FROM search_term s JOIN guests g ON g.rowid = s.guest
        ORDER BY s.term, s.rank, recency, g.id`,
    )
    .all();
}

/** Every transaction a core holds, in its own order. */
export function everything(core: Core): ShippedTx[] {
  const all: ShippedTx[] = [];
  let after = 0;
  for (;;) {
    const { transactions, next } = core.changes.exportAfter(after, 500);
    if (transactions.length === 0) return all;
    all.push(...transactions);
    after = next;
  }
}
