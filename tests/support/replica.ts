import type { Database } from 'better-sqlite3';
import { SYNCED_TABLES } from '../../db/schema.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import type { Core } from '../../electron/core/create-core.ts';
import { asIntended } from './search-index-view.ts';

// What "the same data" means between PCs: every synced table row for row and column for column, the conflicts,
// and what the derived search index says about each guest (its rowids differ between PCs, its terms must not).

export function syncedTables(db: Database): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  for (const table of SYNCED_TABLES) tables[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  tables.conflicts = db.prepare('SELECT * FROM conflicts ORDER BY id').all();
  return tables;
}

/**
 * What the derived search index says about each guest, by guest id. A guest's rows may still stand at an earlier
 * recency while their move waits for an idle moment (search_recency_lag): PCs that wrote the same guest in
 * different steps differ only in that wait, so each row is read at its guest's recency, once checked to stand
 * exactly where the index says (search-index-view.ts).
 */
export function searchTerms(db: Database): unknown[] {
  return asIntended(db, 'id');
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
