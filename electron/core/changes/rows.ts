import type { Database } from 'better-sqlite3';
import type { Stored } from '../../../db/log/codec.ts';
import { columnSpec, tableSpec } from '../../../db/log/registry.ts';
import type { LoggedEntry, LogStore } from '../../../db/log/store.ts';
import { statementCache } from '../../../db/query.ts';
import { SYNCED_TABLES, type SyncedTable } from '../../../db/schema.ts';
import { packKey, packValues, unpackRow } from '../../../db/stored-form.ts';
import type { Derivations } from './derived.ts';

// Reading and writing the rows of synced tables, for the write path and the apply path only (a lint rule
// refuses raw writes to synced tables anywhere else). After every row written, the same steps run in the same
// transaction: derived columns, row hooks (the search index), and a note of what was touched for the
// invariant checks at the end of the transaction.

export type Row = Record<string, unknown> & { id: string };
export type StoredRow = Row & { rowid: number };

/** Runs after a row is written, inside the same transaction: keeps derived data (the search index) in step. */
export type RowHook = (before: StoredRow | undefined, after: StoredRow, touched: Touched) => void;

/**
 * What a hook that gathers its work does at the end of a transaction: `settle` writes it, still inside the
 * transaction (before the invariant checks and the commit); `discard` forgets it when the transaction rolls
 * back. A batch applied from another PC moves thousands of rows at once, and written in key order that is
 * a walk through the index rather than a random page per row.
 */
export type TransactionEndHook = { settle(): void; discard(): void };

/** SQLite stores booleans as 0/1 and lists as JSON text; the log keeps the stored value. */
export function storable(value: unknown): Stored {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return (value ?? null) as Stored;
}

/** What one transaction touched: rows (for the invariant checks), fields (for concurrent-edit checks), tables. */
export class Touched {
  readonly rows = new Map<SyncedTable, Set<string>>();
  readonly fields = new Map<string, { table: SyncedTable; id: string; columns: Set<string> }>();
  readonly tables = new Set<string>();
  /** Every log entry of a row, as the apply path read it after the batch was in: the conflict checks reuse it. */
  readonly entries = new Map<string, readonly LoggedEntry[]>();
  /**
   * Rows this transaction inserted, or whose derived columns it moved: every column of theirs counts as
   * written, whatever `fields` lists (conflicts.ts checks them whole).
   */
  readonly wholly = new Set<string>();
  insertedRow(table: SyncedTable, id: string) {
    this.wholly.add(`${table}|${id}`);
  }
  derivedRow(table: SyncedTable, id: string) {
    this.row(table, id);
    this.wholly.add(`${table}|${id}`);
  }
  /** Takes in what a part of this transaction touched (a savepoint that was kept). */
  absorb(part: Touched) {
    for (const [table, ids] of part.rows) for (const id of ids) this.row(table, id);
    for (const { table, id, columns } of part.fields.values())
      for (const column of columns) this.field(table, id, column);
    for (const table of part.tables) this.tables.add(table);
    for (const [key, entries] of part.entries) this.entries.set(key, entries);
    for (const key of part.wholly) this.wholly.add(key);
  }
  entriesRead(table: SyncedTable, id: string, entries: readonly LoggedEntry[]) {
    this.entries.set(`${table}|${id}`, entries);
  }
  row(table: SyncedTable, id: string) {
    let ids = this.rows.get(table);
    if (!ids) {
      ids = new Set();
      this.rows.set(table, ids);
    }
    ids.add(id);
    this.tables.add(table);
  }
  field(table: SyncedTable, id: string, column: string) {
    const key = `${table}|${id}`;
    let entry = this.fields.get(key);
    if (!entry) {
      entry = { table, id, columns: new Set() };
      this.fields.set(key, entry);
    }
    entry.columns.add(column);
  }
}

export type RowStore = ReturnType<typeof createRowStore>;

export function createRowStore(db: Database, derivations: Derivations, log: Pick<LogStore, 'keepBeforeChange'>) {
  const columns = new Map<SyncedTable, Set<string>>();
  for (const table of SYNCED_TABLES) {
    const info = db.pragma(`table_info(${table})`) as Array<{ name: string }>;
    columns.set(table, new Set(info.map((column) => column.name)));
  }
  const hooks = new Map<SyncedTable, RowHook[]>();
  const endHooks: TransactionEndHook[] = [];
  const select = new Map(SYNCED_TABLES.map((t) => [t, db.prepare(`SELECT rowid, * FROM ${t} WHERE id = ?`)]));
  const prepared = statementCache(db);
  // Tables kept in a denser form on disk (db/stored-form.ts) are packed here and unpacked on the way out.
  const read = (table: SyncedTable, id: string): StoredRow | undefined => {
    const row = select.get(table)?.get(packKey(table, id)) as StoredRow | undefined;
    return row && unpackRow(table, row);
  };
  return {
    hasColumn: (table: SyncedTable, column: string) => columns.get(table)?.has(column) ?? false,
    read,
    insert(table: SyncedTable, id: string, values: Record<string, Stored>) {
      const names = Object.keys(values);
      const packed = packValues(table, values);
      prepared(`INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`).run(
        packKey(table, id),
        ...names.map((name) => packed[name]),
      );
    },
    /**
     * `entries`: the row's log entries as the caller read them since the row last changed (they include its
     * inserts), so that an insert kept without a copy is found without looking again. Returns the row as it now
     * is, as SQLite stored the values (a STRICT table may have converted one).
     */
    update(
      table: SyncedTable,
      id: string,
      values: Record<string, Stored>,
      entries?: readonly LoggedEntry[],
    ): StoredRow | undefined {
      const names = Object.keys(values);
      if (names.length === 0) return read(table, id);
      // An insert of this row kept in the row (db/log/row-backed.ts) keeps the values about to change first.
      const changing = names.flatMap((name) => columnSpec(table, name)?.id ?? []);
      if (changing.length > 0) log.keepBeforeChange(tableSpec(table).id, id, changing, entries);
      const packed = packValues(table, values);
      // RETURNING hands back the row the hooks need (afterWrite), where a second lookup cost a read per row.
      const after = prepared(
        `UPDATE ${table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ? RETURNING rowid, *`,
      ).get(...names.map((name) => packed[name]), packKey(table, id)) as StoredRow | undefined;
      return after && unpackRow(table, after);
    },
    /** Derived columns, hooks and bookkeeping after a row was written. Returns the row as it now is. */
    afterWrite(
      table: SyncedTable,
      before: StoredRow | undefined,
      id: string,
      touched: Touched,
      /** The row as just read back, when the caller has it (an insert): saves reading it again. */
      current?: StoredRow,
    ): StoredRow {
      let after = current ?? (read(table, id) as StoredRow);
      touched.row(table, id);
      for (const moved of derivations.afterWrite(table, before, after)) {
        touched.derivedRow(moved.table, moved.id);
        if (moved.table === table && moved.id === id) after = read(table, id) as StoredRow;
      }
      for (const hook of hooks.get(table) ?? []) hook(before, after, touched);
      return after;
    },
    onRowWritten(table: SyncedTable, hook: RowHook) {
      hooks.set(table, [...(hooks.get(table) ?? []), hook]);
    },
    onTransactionEnd(hook: TransactionEndHook) {
      endHooks.push(hook);
    },
    /** Before the checks and the commit: what the hooks gathered goes in. */
    settle() {
      for (const hook of endHooks) hook.settle();
    },
    /** After a rollback: what the hooks gathered is forgotten with it. */
    discard() {
      for (const hook of endHooks) hook.discard();
    },
  };
}
