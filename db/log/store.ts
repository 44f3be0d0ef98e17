import type { Database } from 'better-sqlite3';
import { statementCache } from '../query.ts';
import { decodeField, decodeRow, encodeField, isUuid, type Stored, uuidToBytes } from './codec.ts';
import { createRowBackedInserts, isRowBacked } from './row-backed.ts';

// The change log's tables, read and written through prepared statements (the log is the hottest and
// largest part of the database). What the tables mean is in docs/data-model.md; the write path, the apply
// path and the history read through this one module.
//
//   log_tx     one header per committed write: local sequence, HLC stamp, node, staff, call, schema version
//   log_entry  one per changed field (col = column number), or one per insert carrying the whole row (col 0);
//              id = sequence × 2^20 + position, so entries sit in transaction order
//              (an insert written here may leave its values to its row: row-backed.ts)
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
  /** An insert kept partly or wholly in its row (row-backed.ts), as filled in when read: what it keeps itself. */
  rowBacked?: { kept: Set<number>; columns: Array<[number, Stored]> };
  /**
   * An insert's columns, when they were at hand as values (filled from the row): spares decoding `value`.
   * An insert kept in its row has them here only: its `value` is as stored (insertValues reads either form).
   */
  columns?: ReadonlyMap<number, Stored>;
};

/** An insert entry's columns, whole: as filled from its row if it is kept there, else as its value holds them. */
export function insertValues(entry: LoggedEntry): Array<[number, Stored]> {
  return entry.rowBacked ? entry.rowBacked.columns : decodeRow(entry.value as Buffer);
}

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
  const lastSeq = db.prepare('SELECT max(seq) FROM log_tx').pluck();
  const rowBacked = createRowBackedInserts(db);
  /** Inserts among `entries` kept in their row get their values from it: `current` if the caller just read it. */
  const filled = (
    tbl: number,
    row: Buffer | string,
    entries: LoggedEntry[],
    current?: Record<string, unknown>,
  ): LoggedEntry[] => {
    for (const entry of entries) {
      if (!isRowBacked(entry)) continue;
      const { columns, kept } = rowBacked.fill(tbl, decodeRowId(row), entry, current);
      // `value` stays as stored: most readers take `columns` (the merge, the conflict checks), and encoding the
      // whole row for them took 6 % of an apply of 100,000 entries. A reader of the bytes asks insertValues.
      entry.columns = new Map(columns);
      entry.rowBacked = { kept, columns };
    }
    return entries;
  };

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
      const seq = Number(
        insertTx.run(header.hlc, header.node, header.staff, header.call, header.schema).lastInsertRowid,
      );
      // Its entries are read back in the same transaction (the apply path merges every row it touched): their
      // header is at hand, where looking it up cost a statement per row of a batch.
      if (headers.size >= HEADER_CACHE) headers.clear();
      headers.set(seq, { hlc: header.hlc, node: header.node, staff: header.staff });
      return seq;
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
    /** An insert entry's columns, whole, for a reader of raw entries (the shipped log): row-backed.ts. */
    insertColumns(tbl: number, row: Buffer | string, stored: { value: unknown; base: unknown }) {
      return rowBacked.columnsOf(tbl, decodeRowId(row), { col: WHOLE_ROW, ...stored });
    },
    /**
     * insertColumns of several inserts of one table (the history), their rows read in one statement by the
     * rowids the reader found them at (null: the row is not there).
     */
    insertColumnsOfMany(
      tbl: number,
      inserts: ReadonlyArray<{ id: string; rowid: number | null; value: unknown; base: unknown }>,
    ) {
      return rowBacked.columnsOfMany(
        tbl,
        inserts.map(({ id, rowid, value, base }) => ({ id, rowid, entry: { col: WHOLE_ROW, value, base } })),
      );
    },
    /**
     * Before logged columns (`changing`, by number) of a row change: its inserts kept in the row take their
     * values as they still are (row-backed.ts). `read`: the row's entries as this transaction read them since
     * the row last changed, which spares looking them up again.
     */
    keepBeforeChange(tbl: number, id: string, changing: readonly number[], read?: readonly LoggedEntry[]) {
      const inserts = read?.flatMap((entry) =>
        entry.rowBacked ? [{ id: entry.id, columns: entry.rowBacked.columns, kept: entry.rowBacked.kept }] : [],
      );
      rowBacked.keepBeforeChange(tbl, encodeRowId(id), id, changing, inserts);
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
