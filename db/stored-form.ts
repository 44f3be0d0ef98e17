import {
  bytesToUuid,
  dayFromNumber,
  dayNumber,
  isoFromMs,
  isoTimeMs,
  isUuid,
  type Stored,
  sqlInteger,
  sqlRowKey,
  uuidToBytes,
} from './log/codec.ts';
import type { SyncedTable } from './schema.ts';

// How some synced tables keep their columns on disk, denser than the contract's form: an id as its 16 bytes (a
// BLOB) where its text takes 36, a time as integer milliseconds where its ISO text takes 24, a day as a number of
// days (2 bytes for 10), a meal as its code (none for 6 to 9). At 1,000,000 guests `served` (20,000,000 rows,
// each with four ids and three times, two ids, the day and the meal again in its index) was 45 % of the file;
// see docs/data-model.md ("Stored forms").
//
// Everything above the database keeps the contract's form: the row store (electron/core/changes/rows.ts) packs
// what it writes and unpacks what it reads, the log reads rows through `unpackRow`, and the few statements that
// read these tables directly pack their parameters (`packId`, `packColumn`) and unpack their answers. A value is
// packed only when it reads back identical (a canonical lowercase UUID; an ISO time with milliseconds, 1970 or
// later; a real calendar day; a code in the list); anything else is kept as it came, which is why the columns
// are declared ANY.
//
// A table is added here by a migration that rewrites it (db/migrations/0017-served-packed.ts), never by this
// list alone: the list says what the rows on disk already are.

/**
 * `id`: 16 bytes. `time`: milliseconds since 1970. `day`: a calendar day as days since 1970-01-01. A list of
 * codes: the value's place in it (SQLite keeps 0 and 1 in no bytes at all, the rest of a short list in one).
 */
export type ColumnForm = 'id' | 'time' | 'day' | Codes;
type Codes = readonly string[];

/**
 * The meals as served keeps them. Part of the file's format: a new meal goes at the end, none is reordered or
 * removed (a meal this list lacks, from a newer PC, is kept as text).
 */
export const MEAL_CODES: Codes = ['dinner', 'breakfast', 'lunch', 'banquet'];

export const STORED_FORMS: Partial<Record<SyncedTable, Readonly<Record<string, ColumnForm>>>> = {
  served: {
    id: 'id',
    stay_id: 'id',
    date: 'day',
    meal: MEAL_CODES,
    dish_id: 'id',
    course_id: 'id',
    retracted_at: 'time',
    created_at: 'time',
    updated_at: 'time',
  },
};

/** An id as a packed table keeps it: its 16 bytes, or the value itself if it is no canonical UUID. */
export function packId(value: string): Buffer | string {
  return isUuid(value) ? uuidToBytes(value) : value;
}

// Times and days pack by the log's own rules (db/log/codec.ts): what the log keeps compactly, the table does.

/** A row's id as `table` keeps it (packed only in a table that packs its ids). */
export function packKey(table: string, id: string): Buffer | string {
  return formsOf(table)?.id === 'id' ? packId(id) : id;
}

/** A parameter compared with `table.column`, as that column keeps it. */
export function packColumn(table: string, column: string, value: string): unknown {
  return packValue(formsOf(table)?.[column], value);
}

/** A column's value as it goes into the table. */
export function packValue(form: ColumnForm | undefined, value: unknown): unknown {
  if (typeof value !== 'string' || form === undefined) return value;
  switch (form) {
    case 'id':
      return packId(value);
    // As INTEGERs (sqlInteger): bound as JS numbers, they would sit in these ANY columns as 8-byte REALs.
    case 'time': {
      const ms = isoTimeMs(value);
      return ms === undefined ? value : sqlInteger(ms);
    }
    case 'day': {
      const day = dayNumber(value);
      return day === undefined ? value : sqlInteger(day);
    }
    default: {
      const code = form.indexOf(value);
      return code >= 0 ? sqlInteger(code) : value;
    }
  }
}

/** A column's value as the rest of the app knows it. */
export function unpackValue(form: ColumnForm | undefined, value: unknown): unknown {
  switch (form) {
    case undefined:
      return value;
    case 'id':
      return value instanceof Uint8Array && value.length === 16 ? bytesToUuid(value) : value;
    case 'time':
      return typeof value === 'number' ? isoFromMs(value) : value;
    case 'day':
      return typeof value === 'number' ? dayFromNumber(value) : value;
    default:
      return typeof value === 'number' ? (form[value] ?? value) : value;
  }
}

/** The forms of a table's columns, or undefined for a table kept as the contract has it. */
export function formsOf(table: string): Readonly<Record<string, ColumnForm>> | undefined {
  return STORED_FORMS[table as SyncedTable];
}

/** Unpacks a row read with column names, in place (`SELECT *` and the like). Returns it. */
export function unpackRow<R extends Record<string, unknown>>(table: string, row: R): R {
  const forms = formsOf(table);
  if (!forms) return row;
  const record = row as Record<string, unknown>;
  for (const column in forms) if (column in record) record[column] = unpackValue(forms[column], record[column]);
  return row;
}

/** For raw rows (arrays) of `columns`: each column's form, to unpack value i with forms[i]. */
export function formsOfColumns(table: string, columns: readonly string[]): Array<ColumnForm | undefined> {
  const forms = formsOf(table);
  return columns.map((column) => forms?.[column]);
}

/** Unpacks a raw row (an array) in place, given formsOfColumns. */
export function unpackRaw(values: unknown[], forms: ReadonlyArray<ColumnForm | undefined>, offset = 0): unknown[] {
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    if (form !== undefined) values[i + offset] = unpackValue(form, values[i + offset]);
  }
  return values;
}

/** Packs the values a write gives, by column name, into a new object. */
export function packValues(table: string, values: Record<string, Stored>): Record<string, unknown> {
  const forms = formsOf(table);
  if (!forms) return values;
  const packed: Record<string, unknown> = {};
  for (const name in values) packed[name] = packValue(forms[name], values[name]);
  return packed;
}

/**
 * In SQL: a text id as a packed table keeps it, to compare a packed column with a text one
 * (`v.stay_id = ${sqlPackedId('s.id')}`, or with `value` of json_each). One value, so an index on the packed
 * column is still used.
 */
export function sqlPackedId(expression: string): string {
  return sqlRowKey(expression); // the log keys its rows the same way
}

/** In SQL: a packed id as text, to look it up in a table that keeps ids as text. */
export function sqlIdText(expression: string): string {
  const hex = (from: number, length?: number) =>
    length === undefined ? `substr(hex(${expression}), ${from})` : `substr(hex(${expression}), ${from}, ${length})`;
  return `(CASE WHEN typeof(${expression}) = 'blob' AND length(${expression}) = 16 THEN lower(${hex(1, 8)} || '-' || ${hex(9, 4)} || '-' || ${hex(13, 4)} || '-' || ${hex(17, 4)} || '-' || ${hex(21)}) ELSE ${expression} END)`;
}

type Lookup = { get(value: string): unknown; all(value: string): unknown[] };

/**
 * `SELECT out FROM table WHERE key = ?` (or `WHERE key IN (SELECT … ?)` through `where`), packing its parameter
 * and unpacking its answers: for code that reads any of several tables by name (erasure's text tables).
 */
export function columnLookup(
  db: { prepare(sql: string): { pluck(): { get(...p: unknown[]): unknown; all(...p: unknown[]): unknown[] } } },
  table: string,
  out: string,
  /** The column the parameter is compared with; null when `where` compares it with another table's. */
  key: string | null,
  where = `${key} = ?`,
): Lookup {
  const forms = formsOf(table);
  const statement = db.prepare(`SELECT ${out} FROM ${table} WHERE ${where}`).pluck();
  const pack = (value: string) => (key === null ? value : packValue(forms?.[key], value));
  const unpack = (value: unknown) => unpackValue(forms?.[out], value);
  return {
    get: (value) => {
      const found = statement.get(pack(value));
      return found === undefined ? undefined : unpack(found);
    },
    all: (value) => statement.all(pack(value)).map(unpack),
  };
}
