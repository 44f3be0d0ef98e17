import type { Database } from 'better-sqlite3';
import { decodeField, encodeField, encodeRow, type Stored } from '../../../db/log/codec.ts';
import { type TableSpec, tableSpecById } from '../../../db/log/registry.ts';
import { encodeRowId, insertValues, type LogStore, WHOLE_ROW } from '../../../db/log/store.ts';
import type { RowStore, Touched } from './rows.ts';
import type { ShippedEntry, ShippedTx } from './shipped.ts';

// Rewriting what the log already holds: the one exception to "the log is append-only", made for erasure on a
// guest's request (electron/core/erasure/). Only values are rewritten, never a header, a stamp or the version an
// entry replaced, so the merge rule still picks the same winner on every PC and replay and sync still line up:
// the winner's value is simply the rewritten one. A rewrite is a function of the value alone (blank it, or take
// a name out of a merge record), so every PC that rewrites the same entries holds the same log afterwards.

/** What one column's values become. */
export type Rewrite = (value: Stored) => Stored;
/** Column number → its rewrite, for one row. */
export type RowRewrite = ReadonlyMap<number, Rewrite>;

/**
 * The domain's rule, asked for every entry the apply path is about to keep (and for the transactions kept aside
 * in log_held): the columns of that entry to rewrite, or undefined. An entry for an erased guest that arrives
 * after the erasure (from a PC that was offline) is kept already blanked, so it cannot bring a name back.
 */
export type ScrubPolicy = ((table: TableSpec, row: string, entry: ShippedEntry) => RowRewrite | undefined) & {
  /** The tables it may rewrite anything in: entries of other tables are kept without asking. */
  tables: ReadonlySet<string>;
  /**
   * Told, after an applied batch's rows are refreshed, which rows it touched: an entry that did not change its
   * row (a link that lost to a later one) can still make the row one the rule covers, and what the row already
   * holds is then rewritten as it was on the PCs that had the link first.
   */
  afterApply?(rows: ReadonlyArray<{ table: string; id: string }>, touched: Touched): void;
};

/** An entry as it is kept after the rewrite (the same entry when nothing changes). */
export function rewriteShipped(entry: ShippedEntry, rewrite: RowRewrite | undefined): ShippedEntry {
  if (!rewrite || rewrite.size === 0) return entry;
  if (entry.col === WHOLE_ROW) {
    const columns = entry.value as Array<[number, Stored]>;
    return {
      ...entry,
      value: columns.map(([col, value]) => [col, rewrite.get(col)?.(value) ?? value] as [number, Stored]),
    };
  }
  const apply = rewrite.get(entry.col);
  if (!apply) return entry;
  return {
    ...entry,
    value: apply(entry.value as Stored),
    ...(entry.base === undefined ? {} : { base: apply(entry.base) }),
  };
}

export type Scrubber = ReturnType<typeof createScrubber>;

export function createScrubber(ctx: { db: Database; log: LogStore; rows: RowStore }) {
  const heldRows = ctx.db.prepare('SELECT node, hlc, tx FROM log_held');
  const updateHeld = ctx.db.prepare('UPDATE log_held SET tx = ? WHERE node = ? AND hlc = ?');

  return {
    /**
     * Rewrites columns of one row in every log entry that holds them (inserts and field entries, values and list
     * bases), then in the row itself, with its hooks (the search index) and the conflict checks told.
     * Returns whether the row changed.
     */
    rewriteRow(spec: TableSpec, id: string, rewrite: RowRewrite, touched: Touched): boolean {
      const rowId = encodeRowId(id);
      for (const entry of ctx.log.rowEntries(spec.id, rowId)) {
        if (entry.col === WHOLE_ROW) {
          const columns = insertValues(entry);
          let changed = false;
          const next = columns.map(([col, value]): [number, Stored] => {
            const apply = rewrite.get(col);
            if (!apply) return [col, value];
            const rewritten = apply(value);
            if (rewritten !== value) changed = true;
            return [col, rewritten];
          });
          if (changed) ctx.log.setEntryValue(entry.id, encodeRow(next));
          continue;
        }
        const apply = rewrite.get(entry.col);
        if (!apply) continue;
        const value = decodeField(entry.value);
        const rewritten = apply(value);
        if (rewritten !== value) ctx.log.setEntryValue(entry.id, encodeField(rewritten));
        if (entry.base !== null && entry.base !== undefined) {
          const base = decodeField(entry.base);
          const rewrittenBase = apply(base);
          if (rewrittenBase !== base) ctx.log.setEntryBase(entry.id, encodeField(rewrittenBase));
        }
      }
      // The conflict checks of this transaction read the row's entries as they now are.
      touched.entriesRead(spec.name, id, ctx.log.rowEntries(spec.id, rowId));
      const before = ctx.rows.read(spec.name, id);
      if (!before) return false;
      const changes: Record<string, Stored> = {};
      for (const column of spec.columns) {
        const apply = rewrite.get(column.id);
        if (!apply) continue;
        touched.field(spec.name, id, column.name);
        const current = before[column.name] as Stored;
        const rewritten = apply(current);
        if (rewritten !== current) changes[column.name] = rewritten;
      }
      if (Object.keys(changes).length === 0) return false;
      ctx.rows.afterWrite(spec.name, before, id, touched, ctx.rows.update(spec.name, id, changes));
      return true;
    },

    /** Rewrites the transactions kept aside (log_held) by the policy, so none of them holds what was erased. */
    rewriteHeld(policy: ScrubPolicy): number {
      let rewritten = 0;
      for (const { node, hlc, tx } of heldRows.all() as Array<{ node: Buffer; hlc: number; tx: string }>) {
        const parsed = JSON.parse(tx) as ShippedTx;
        let changed = false;
        const entries = parsed.entries.map((entry) => {
          const spec = tableSpecById(entry.table);
          // A newer PC's table, or one the policy leaves alone: nothing this version could have erased in it.
          if (!spec || !policy.tables.has(spec.name)) return entry;
          const next = rewriteShipped(entry, policy(spec, entry.row, entry));
          if (next !== entry && JSON.stringify(next) !== JSON.stringify(entry)) changed = true;
          return next;
        });
        if (!changed) continue;
        updateHeld.run(JSON.stringify({ ...parsed, entries }), node, hlc);
        rewritten++;
      }
      return rewritten;
    },
  };
}
