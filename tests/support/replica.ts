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

export function searchTerms(db: Database): unknown[] {
  return db
    .prepare(
      `SELECT s.term, s.rank, s.recency, g.id FROM search_term s JOIN guests g ON g.rowid = s.guest
        ORDER BY s.term, s.rank, s.recency, g.id`,
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
