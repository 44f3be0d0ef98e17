import type { Database, Statement } from 'better-sqlite3';
import type { LogStore } from '../../../db/log/store.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import type { Row } from './rows.ts';

// Columns whose value follows from other rows are derived on each PC, never logged: two PCs could otherwise
// ship two different copies of one fact (a deal's stage beside its timeline). A deriver names its target
// table and columns, how to compute them for one row, and which writes make a row's value change. The write
// path and the apply path run derivers after every row they write, in the same transaction, so the derived
// columns are as current as the rows they come from, on every PC and after a replay.

export type DeriveContext = { db: Database; log: LogStore; prepare: (text: string) => Statement };

export type Deriver = {
  table: SyncedTable;
  columns: readonly string[];
  /** The derived columns' values for one row of `table` (which exists). */
  compute(ctx: DeriveContext, id: string): Record<string, unknown>;
  /**
   * Values the derived columns take in the insert itself, before `compute` runs right after it (a column
   * that may not be NULL needs one).
   */
  placeholder?(values: Record<string, unknown>): Record<string, unknown>;
  /** Writes to these tables change the derived values of the returned rows of `table`. */
  sources: ReadonlyArray<{ table: SyncedTable; targets(before: Row | undefined, after: Row): string[] }>;
};

export type Derivations = {
  register(deriver: Deriver): void;
  isDerived(table: SyncedTable, column: string): boolean;
  /** An insert's values with the derived columns' placeholders added. */
  withPlaceholders<V extends Record<string, unknown>>(table: SyncedTable, values: V): V;
  /** After a row of `table` was written: recompute what depends on it. Returns the rows whose values moved. */
  afterWrite(table: SyncedTable, before: Row | undefined, after: Row): Array<{ table: SyncedTable; id: string }>;
};

export function createDerivations(ctx: DeriveContext): Derivations {
  const derivers: Deriver[] = [];
  const derivedColumns = new Map<SyncedTable, Set<string>>();
  const read = new Map<SyncedTable, Statement>();

  const recompute = (deriver: Deriver, id: string): boolean => {
    let select = read.get(deriver.table);
    if (!select) {
      select = ctx.db.prepare(`SELECT ${deriver.columns.join(', ')} FROM ${deriver.table} WHERE id = ?`);
      read.set(deriver.table, select);
    }
    const current = select.get(id) as Record<string, unknown> | undefined;
    if (!current) return false; // the row has not arrived yet; it is filled when it does
    const next = deriver.compute(ctx, id);
    const changed = deriver.columns.filter((column) => current[column] !== next[column]);
    if (changed.length === 0) return false;
    ctx
      .prepare(`UPDATE ${deriver.table} SET ${changed.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`)
      .run(...changed.map((column) => next[column] ?? null), id);
    return true;
  };

  return {
    register(deriver) {
      derivers.push(deriver);
      const set = derivedColumns.get(deriver.table) ?? new Set();
      for (const column of deriver.columns) set.add(column);
      derivedColumns.set(deriver.table, set);
    },
    isDerived: (table, column) => derivedColumns.get(table)?.has(column) ?? false,
    withPlaceholders(table, values) {
      let result = values;
      for (const deriver of derivers) {
        if (deriver.table === table && deriver.placeholder) result = { ...result, ...deriver.placeholder(values) };
      }
      return result;
    },
    afterWrite(table, before, after) {
      const moved: Array<{ table: SyncedTable; id: string }> = [];
      for (const deriver of derivers) {
        if (deriver.table === table && !before && recompute(deriver, after.id)) moved.push({ table, id: after.id });
        for (const source of deriver.sources) {
          if (source.table !== table) continue;
          for (const target of source.targets(before, after)) {
            if (recompute(deriver, target)) moved.push({ table: deriver.table, id: target });
          }
        }
      }
      return moved;
    },
  };
}
