import type { Database, Statement } from 'better-sqlite3';
import { formsOf, formsOfColumns, packKey, unpackRaw, unpackValue } from '../stored-form.ts';
import { decodeRow, encodeRow, type Stored } from './codec.ts';
import { type TableSpec, tableSpecById } from './registry.ts';

// Inserts kept in their rows. An insert written on this PC is logged without its values (value NULL): until a
// logged column of the row changes, the row itself holds exactly what the insert wrote. Before a change, the
// insert keeps the values of the columns about to change (`keepBeforeChange`): its value then holds those, and
// `base` = 1 says the columns it does not hold are still the row's. Once it holds every column, it is an
// ordinary insert again. So a row written once costs the log its id and version only, and a row edited later
// costs the values its edits replaced, not a second copy of the whole row.
//
// Every read of an insert goes through here and gets the whole row, in the registry's column order (the order
// encodeRow keeps): the merge, the shipped log, the history and erasure cannot tell the two forms apart.
// Inserts received from other PCs always hold their values (apply.ts stores them with no base).

/** An insert entry as stored: its value, and its base (1: the columns it lacks are in the row). */
export type StoredInsert = { col: number; value: unknown; base: unknown };

/** Whether an insert entry leaves some or all of its values to its row. */
export function isRowBacked(entry: StoredInsert): boolean {
  return entry.col === 0 && (entry.value === null || (entry.base !== null && entry.base !== undefined));
}

/** An INTEGER 1, which SQLite keeps in no bytes (a JS 1 would be bound as an 8-byte REAL: codec.ts, sqlInteger). */
const ROW_BACKED = 1n;

export function createRowBackedInserts(db: Database) {
  const update = db.prepare('UPDATE log_entry SET value = ?, base = ? WHERE id = ?');
  const find = db.prepare(
    'SELECT id, value FROM log_entry WHERE tbl = ? AND row = ? AND col = 0 AND (value IS NULL OR base IS NOT NULL)',
  );
  const spec = (tbl: number): TableSpec => {
    const found = tableSpecById(tbl);
    if (!found) throw new Error(`log: an insert kept in its row for unknown table ${tbl}`);
    return found;
  };
  const names = (table: TableSpec) => table.columns.map((column) => `"${column.name}"`).join(', ');
  // A table kept packed on disk (db/stored-form.ts) is read in the contract's form, as its inserts were written.
  const formsOfTable = new Map<number, ReturnType<typeof formsOfColumns>>();
  const forms = (table: TableSpec) => {
    let found = formsOfTable.get(table.id);
    if (!found) {
      found = formsOfColumns(
        table.name,
        table.columns.map((column) => column.name),
      );
      formsOfTable.set(table.id, found);
    }
    return found;
  };
  const oneRow = new Map<number, Statement>();
  const manyRows = new Map<number, Statement>();

  /** The row's logged columns now, by column number. */
  const rowNow = (tbl: number, id: string): Map<number, Stored> => {
    const table = spec(tbl);
    let read = oneRow.get(tbl);
    if (!read) {
      read = db.prepare(`SELECT ${names(table)} FROM ${table.name} WHERE id = ?`).raw();
      oneRow.set(tbl, read);
    }
    const values = read.get(packKey(table.name, id)) as unknown[] | undefined;
    if (!values) throw new Error(`log: ${table.name} ${id} has an insert kept in a row that is not there`);
    unpackRaw(values, forms(table));
    return new Map(table.columns.map((column, i) => [column.id, (values[i] ?? null) as Stored]));
  };
  const fromRecord = (tbl: number, row: Record<string, unknown>): Map<number, Stored> =>
    new Map(spec(tbl).columns.map((column) => [column.id, (row[column.name] ?? null) as Stored]));

  /** The whole insert: the values it keeps, and the row's for the rest, in column order. */
  const whole = (tbl: number, value: unknown, row: ReadonlyMap<number, Stored>): Array<[number, Stored]> => {
    const kept = new Map(value === null ? [] : decodeRow(value as Buffer));
    return spec(tbl).columns.map((column) => [
      column.id,
      kept.has(column.id) ? (kept.get(column.id) as Stored) : (row.get(column.id) ?? null),
    ]);
  };
  const keptColumns = (value: unknown): Set<number> =>
    new Set(value === null ? [] : decodeRow(value as Buffer).map(([col]) => col));

  /** Writes what an insert keeps: every column of the table (an ordinary insert again) or some (base 1). */
  const store = (tbl: number, entryId: number, columns: Array<[number, Stored]>) => {
    const complete = columns.length === spec(tbl).columns.length;
    update.run(encodeRow(columns), complete ? null : ROW_BACKED, entryId);
  };

  return {
    /** The whole insert, for a reader of raw entries; `id` is the row's id. */
    columnsOf(tbl: number, id: string, entry: StoredInsert): Array<[number, Stored]> {
      if (!isRowBacked(entry)) return decodeRow(entry.value as Buffer);
      return whole(tbl, entry.value, rowNow(tbl, id));
    },

    /**
     * columnsOf for several inserts of one table, their rows read in one statement by rowid: a reader that
     * found the rows through an index (the history) has their rowids, and a rowid reaches the row without the
     * walk down the id's index that an id needs. Read the rowids in the same transaction. A rowid that does not
     * hold the row's id (it never should: the app does not VACUUM) counts as no row, never as the row.
     */
    columnsOfMany(tbl: number, inserts: ReadonlyArray<{ id: string; rowid: number | null; entry: StoredInsert }>) {
      const table = spec(tbl);
      let read = manyRows.get(tbl);
      if (!read) {
        read = db
          .prepare(
            `SELECT rowid, id, ${names(table)} FROM ${table.name} WHERE rowid IN (SELECT value FROM json_each(?))`,
          )
          .raw();
        manyRows.set(tbl, read);
      }
      const idForm = formsOf(table.name)?.id;
      const rows = new Map<number, { id: string; columns: Map<number, Stored> }>();
      const backed = inserts.filter(({ entry }) => isRowBacked(entry));
      if (backed.length > 0) {
        for (const values of read.all(JSON.stringify([...new Set(backed.map(({ rowid }) => rowid))])) as unknown[][]) {
          unpackRaw(values, forms(table), 2);
          rows.set(values[0] as number, {
            id: unpackValue(idForm, values[1]) as string,
            columns: new Map(table.columns.map((column, i) => [column.id, (values[i + 2] ?? null) as Stored])),
          });
        }
      }
      return inserts.map(({ id, rowid, entry }) => {
        if (!isRowBacked(entry)) return decodeRow(entry.value as Buffer);
        const row = rowid === null ? undefined : rows.get(rowid);
        if (row?.id !== id) throw new Error(`log: ${table.name} ${id} has an insert kept in a row that is not there`);
        return whole(tbl, entry.value, row.columns);
      });
    },

    /**
     * The whole insert for the merge: `current` is the row as the caller has just read it, if it has.
     * Also says which columns the insert keeps itself, for keepBeforeChange.
     */
    fill(tbl: number, id: string, entry: StoredInsert, current?: Record<string, unknown>) {
      const row = current ? fromRecord(tbl, current) : rowNow(tbl, id);
      return { columns: whole(tbl, entry.value, row), kept: keptColumns(entry.value) };
    },

    /**
     * Before `changing` columns of a row change: each insert of it kept in the row takes their values as they
     * still are. `read`: its inserts as this transaction filled them since the row last changed (spares the
     * lookup); without it they are looked up.
     */
    keepBeforeChange(
      tbl: number,
      row: Buffer | string,
      id: string,
      changing: readonly number[],
      read?: ReadonlyArray<{ id: number; columns: Array<[number, Stored]>; kept: Set<number> }>,
    ) {
      const inserts =
        read ??
        (find.all(tbl, row) as Array<{ id: number; value: unknown }>).map((entry) => ({
          id: entry.id,
          columns: whole(tbl, entry.value, rowNow(tbl, id)),
          kept: keptColumns(entry.value),
        }));
      for (const insert of inserts) {
        if (changing.every((col) => insert.kept.has(col))) continue;
        for (const col of changing) insert.kept.add(col);
        store(
          tbl,
          insert.id,
          insert.columns.filter(([col]) => insert.kept.has(col)),
        );
      }
    },
  };
}

export type RowBackedInserts = ReturnType<typeof createRowBackedInserts>;
