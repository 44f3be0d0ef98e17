import type { Database, Statement } from 'better-sqlite3';
import { statementCache } from '../query.ts';
import { decodeField, decodeRow, encodeField, encodeRow, isUuid, type Stored, uuidToBytes } from './codec.ts';
import { tableSpecById } from './registry.ts';

// The change log's tables, read and written through prepared statements (the log is the hottest and
// largest part of the database). What the tables mean is in docs/data-model.md; the write path, the apply
// path and the history read through this one module.
//
//   log_tx     one header per committed write: local sequence, HLC stamp, node, staff, call, schema version
//   log_entry  one per changed field (col = column number), or one per insert carrying the whole row (col 0);
//              id = sequence × 2^20 + position, so entries sit in transaction order
//
// An insert written on this PC keeps no copy of the row (its value is NULL): until a logged column of the row
// changes, the row itself holds exactly what the insert wrote, so the row is read instead. Before anything
// changes such a row (RowStore.update, the one place that does), `materializeInsert` writes the row as it
// still is into the entry. Most rows never change (a dish served, a past stay): the log then holds their ids
// and versions, not a second copy of every row. Every read of an entry's value here fills it in, so the merge,
// the history, erasure and the shipped log see a whole row either way. An insert received from another PC
// keeps its values as received (the row may since hold a merge of several inserts of one derived id).
//   log_nodes, log_staff, log_calls   small local numbers for the 16-byte ids and call names they stand for

export const ENTRY_BITS = 20;
const ENTRY_SPAN = 2 ** ENTRY_BITS;
/** Column number of an entry that carries a whole row (an insert). */
export const WHOLE_ROW = 0;

export type TxHeader = { hlc: number; node: number; staff: number | null; call: number | null; schema: number };

/** An entry with its transaction's stamp and origin: what LWW and the history read. */
export type LoggedEntry = {
  id: number;
  tx: number;
  col: number;
  value: unknown;
  prevHlc: number | null;
  prevNode: number | null;
  /** List columns: the list the writer saw, when it was not simply the replaced entry's value (see merge.ts). */
  base: unknown;
  hlc: number;
  node: number;
  staff: number | null;
  /** An insert kept without its values, filled in from its row when read (see materializeInsert). */
  lazy?: boolean;
  /** An insert's columns, when they were at hand as values (filled from the row): spares decoding `value`. */
  columns?: ReadonlyMap<number, Stored>;
};

/** The row id as the log keeps it: 16 bytes for a UUID, text otherwise (settings are named). */
export function encodeRowId(id: string): Buffer | string {
  return isUuid(id) ? uuidToBytes(id) : id;
}

export function decodeRowId(row: unknown): string {
  return decodeField(row) as string;
}

type InternerSql = { table: string; find: string; insert: string; read: string };

const NODES: InternerSql = {
  table: 'log_nodes',
  find: 'SELECT id FROM log_nodes WHERE node = ?',
  insert: 'INSERT INTO log_nodes (node) VALUES (?)',
  read: 'SELECT node FROM log_nodes WHERE id = ?',
};
const STAFF: InternerSql = {
  table: 'log_staff',
  find: 'SELECT id FROM log_staff WHERE staff = ?',
  insert: 'INSERT INTO log_staff (staff) VALUES (?)',
  read: 'SELECT staff FROM log_staff WHERE id = ?',
};
const CALLS: InternerSql = {
  table: 'log_calls',
  find: 'SELECT id FROM log_calls WHERE name = ?',
  insert: 'INSERT INTO log_calls (name) VALUES (?)',
  read: 'SELECT name FROM log_calls WHERE id = ?',
};

function interner(db: Database, statements: InternerSql, encode: (value: string) => unknown) {
  const table = statements.table;
  const find = db.prepare(statements.find).pluck();
  const insert = db.prepare(statements.insert);
  const read = db.prepare(statements.read).pluck();
  const toRef = new Map<string, number>();
  const fromRef = new Map<number, string>();
  return {
    ref(value: string): number {
      const known = toRef.get(value);
      if (known !== undefined) return known;
      const encoded = encode(value);
      const ref = (find.get(encoded) as number | undefined) ?? Number(insert.run(encoded).lastInsertRowid);
      toRef.set(value, ref);
      fromRef.set(ref, value);
      return ref;
    },
    value(ref: number): string {
      const known = fromRef.get(ref);
      if (known !== undefined) return known;
      const raw = read.get(ref);
      if (raw === undefined) throw new Error(`${table}: no entry ${ref}`);
      const value = typeof raw === 'string' ? raw : (decodeField(raw) as string);
      fromRef.set(ref, value);
      toRef.set(value, ref);
      return value;
    },
    /** Forget cached numbers: a rolled-back transaction may have taken some. */
    reset() {
      toRef.clear();
      fromRef.clear();
    },
  };
}

export type LogStore = ReturnType<typeof createLogStore>;

export function createLogStore(db: Database) {
  const nodes = interner(db, NODES, uuidToBytes);
  const staff = interner(db, STAFF, (id) => encodeRowId(id));
  const calls = interner(db, CALLS, (name) => name);
  const prepared = statementCache(db);
  const insertTx = db.prepare('INSERT INTO log_tx (hlc, node, staff, call, schema) VALUES (?, ?, ?, ?, ?)');
  const findTx = db.prepare('SELECT seq FROM log_tx WHERE node = ? AND hlc = ?').pluck();
  const insertEntry = db.prepare(
    'INSERT INTO log_entry (id, tbl, row, col, value, prev_hlc, prev_node, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const updateEntryValue = db.prepare('UPDATE log_entry SET value = ? WHERE id = ?');
  const updateEntryBase = db.prepare('UPDATE log_entry SET base = ? WHERE id = ?');
  // A row's entries without their headers, then each header from a cache: the same few thousand transactions
  // head most lookups (an apply batch, a busy day's writes), and joining log_tx in SQL cost six times the
  // index read itself (measured: 20,000 rows, 440 ms joined against 70 ms bare).
  const ENTRY_ONLY = `SELECT id, id >> ${ENTRY_BITS} AS tx, col, value, prev_hlc AS prevHlc, prev_node AS prevNode, base
    FROM log_entry`;
  const rowEntries = db.prepare(`${ENTRY_ONLY} WHERE tbl = ? AND row = ?`);
  const fieldEntries = db.prepare(`${ENTRY_ONLY} WHERE tbl = ? AND row = ? AND col IN (0, ?)`);
  const header = db.prepare('SELECT hlc, node, staff FROM log_tx WHERE seq = ?');
  const headers = new Map<number, { hlc: number; node: number; staff: number | null }>();
  const HEADER_CACHE = 200_000;
  const withHeaders = (entries: LoggedEntry[]): LoggedEntry[] => {
    for (const entry of entries) {
      let found = headers.get(entry.tx);
      if (!found) {
        found = header.get(entry.tx) as { hlc: number; node: number; staff: number | null };
        if (headers.size >= HEADER_CACHE) headers.clear();
        headers.set(entry.tx, found);
      }
      entry.hlc = found.hlc;
      entry.node = found.node;
      entry.staff = found.staff;
    }
    return entries;
  };
  // The latest stamp of each PC, on log_tx_origin (node, hlc): one seek per PC. max(hlc) over the whole table
  // cannot use that index and read every transaction: 0.5 s at each start of a 1,000,000-guest register.
  const latest = db.prepare('SELECT max((SELECT max(hlc) FROM log_tx WHERE node = n.id)) FROM log_nodes n').pluck();
  const lazyInsert = db
    .prepare(`SELECT id FROM log_entry WHERE tbl = ? AND row = ? AND col = ${WHOLE_ROW} AND value IS NULL`)
    .pluck();
  // What a lazy insert stands for: the row's logged columns as they are now, in the registry's order (the order
  // encodeRow keeps), read as plain arrays: one statement per table, or per table for many rows at once.
  const columnList = (tbl: number) => {
    const spec = tableSpecById(tbl);
    if (!spec) throw new Error(`log: an insert kept without its values for unknown table ${tbl}`);
    return { spec, names: spec.columns.map((column) => `"${column.name}"`).join(', ') };
  };
  const oneRow = new Map<number, Statement>();
  const manyRows = new Map<number, Statement>();
  const pairs = (tbl: number, values: readonly unknown[], offset = 0): Array<[number, Stored]> =>
    columnList(tbl).spec.columns.map((column, i) => [column.id, (values[i + offset] ?? null) as Stored]);
  const columnsNow = (tbl: number, row: Buffer | string): Array<[number, Stored]> => {
    let read = oneRow.get(tbl);
    if (!read) {
      const { spec, names } = columnList(tbl);
      read = db.prepare(`SELECT ${names} FROM ${spec.name} WHERE id = ?`).raw();
      oneRow.set(tbl, read);
    }
    const values = read.get(decodeRowId(row)) as unknown[] | undefined;
    if (!values) throw new Error(`log: table ${tbl} row ${decodeRowId(row)} has an insert without its row`);
    return pairs(tbl, values);
  };
  /** What a lazy insert of this row stands for, from the row as the caller has just read it. */
  const insertedColumns = (tbl: number, current: Record<string, unknown>): Array<[number, Stored]> =>
    columnList(tbl).spec.columns.map((column) => [column.id, (current[column.name] ?? null) as Stored]);
  const rowAsInserted = (tbl: number, row: Buffer | string): Buffer => encodeRow(columnsNow(tbl, row));
  /** Lazy inserts among `entries` get their values from the row: `current` when the caller has just read it. */
  const filled = (
    tbl: number,
    row: Buffer | string,
    entries: LoggedEntry[],
    current?: Record<string, unknown>,
  ): LoggedEntry[] => {
    for (const entry of entries) {
      if (entry.col !== WHOLE_ROW || entry.value !== null) continue;
      const columns = current ? insertedColumns(tbl, current) : columnsNow(tbl, row);
      entry.value = encodeRow(columns);
      entry.columns = new Map(columns);
      entry.lazy = true;
    }
    return entries;
  };
  const lastSeq = db.prepare('SELECT max(seq) FROM log_tx').pluck();

  return {
    nodeRef: nodes.ref,
    nodeOf: nodes.value,
    staffRef: (id: string | null) => (id === null ? null : staff.ref(id)),
    staffOf: (ref: number | null) => (ref === null ? null : staff.value(ref)),
    callRef: (name: string | null) => (name === null ? null : calls.ref(name)),
    callOf: (ref: number | null) => (ref === null ? null : calls.value(ref)),
    resetCaches() {
      nodes.reset();
      staff.reset();
      calls.reset();
      headers.clear(); // a rolled-back transaction's sequence number will be another's
    },

    appendTx(header: TxHeader): number {
      return Number(insertTx.run(header.hlc, header.node, header.staff, header.call, header.schema).lastInsertRowid);
    },
    /** The local sequence of a transaction already held, by its origin and stamp. */
    findTx(node: number, hlc: number): number | undefined {
      return findTx.get(node, hlc) as number | undefined;
    },
    appendEntry(
      tx: number,
      position: number,
      entry: {
        tbl: number;
        row: Buffer | string;
        col: number;
        value: unknown;
        prevHlc: number | null;
        prevNode: number | null;
        base?: unknown;
      },
    ): number {
      if (position >= ENTRY_SPAN) throw new Error(`a transaction holds at most ${ENTRY_SPAN} entries`);
      const id = tx * ENTRY_SPAN + position;
      insertEntry.run(
        id,
        entry.tbl,
        entry.row,
        entry.col,
        entry.value,
        entry.prevHlc,
        entry.prevNode,
        entry.base ?? null,
      );
      return id;
    },
    setEntryValue(id: number, value: unknown) {
      updateEntryValue.run(value, id);
    },
    /** Only an erasure rewrites a kept entry's list base (changes/scrub.ts); its header never changes. */
    setEntryBase(id: number, base: unknown) {
      updateEntryBase.run(base, id);
    },
    /** Every entry of a row. `current`: the row as the caller has just read it, if it has. */
    rowEntries(tbl: number, row: Buffer | string, current?: Record<string, unknown>): LoggedEntry[] {
      return filled(tbl, row, withHeaders(rowEntries.all(tbl, row) as LoggedEntry[]), current);
    },
    /** Entries that set one column of a row: the column's own entries and the row's inserts. */
    fieldEntries(tbl: number, row: Buffer | string, col: number): LoggedEntry[] {
      return filled(tbl, row, withHeaders(fieldEntries.all(tbl, row, col) as LoggedEntry[]));
    },
    /**
     * An insert entry's columns: decoded from its value, or, for an insert kept without its values (NULL), the
     * row's as they are now. What every reader of raw entries (the shipped log, the history) uses.
     */
    insertColumns(tbl: number, row: Buffer | string, stored: unknown): Array<[number, Stored]> {
      return stored === null ? columnsNow(tbl, row) : decodeRow(stored as Buffer);
    },
    /** insertColumns of several lazy inserts of one table at once, by row id (rows missing are left out). */
    insertColumnsOfRows(tbl: number, ids: readonly string[]): Map<string, Array<[number, Stored]>> {
      let read = manyRows.get(tbl);
      if (!read) {
        const { spec, names } = columnList(tbl);
        read = db.prepare(`SELECT id, ${names} FROM ${spec.name} WHERE id IN (SELECT value FROM json_each(?))`).raw();
        manyRows.set(tbl, read);
      }
      const found = new Map<string, Array<[number, Stored]>>();
      for (const values of read.all(JSON.stringify(ids)) as unknown[][]) {
        found.set(values[0] as string, pairs(tbl, values, 1));
      }
      return found;
    },
    /**
     * Before a logged column of the row changes: a lazy insert of it takes the row's values as they still are.
     * Run inside the transaction that changes the row, before the change. `read`: the row's entries as this
     * transaction read them (rowEntries, fieldEntries) since the row last changed, which saves looking again.
     */
    materializeInsert(tbl: number, row: Buffer | string, read?: readonly LoggedEntry[]) {
      if (read) {
        for (const entry of read) {
          if (!entry.lazy) continue;
          updateEntryValue.run(entry.value, entry.id);
          entry.lazy = false;
        }
        return;
      }
      const id = lazyInsert.get(tbl, row) as number | undefined;
      if (id !== undefined) updateEntryValue.run(rowAsInserted(tbl, row), id);
    },
    latestStamp(): number {
      return (latest.get() as number | null) ?? 0;
    },
    lastSeq(): number {
      return (lastSeq.get() as number | null) ?? 0;
    },
    prepared,
  };
}

export { decodeField, encodeField, type Stored };
