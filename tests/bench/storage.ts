import type { Database } from 'better-sqlite3';
import { TABLE_SPECS } from '../../db/log/registry.ts';
import { WHOLE_ROW } from '../../db/log/store.ts';

// What the database file holds, from SQLite's dbstat virtual table (compiled into better-sqlite3): the bytes
// of every table and index (pages, so free space inside them counts), grouped by table, and how much of it
// is the change log. Counted once when the database is built and kept beside it (the scan reads every page).

export type TableStorage = {
  table: string;
  rows: number;
  /** The table's own B-tree. */
  tableBytes: number;
  /** Its indexes (the primary key's too, for tables keyed by a text id). */
  indexBytes: number;
  indexes: Array<{ name: string; bytes: number }>;
};

export type Storage = {
  fileBytes: number;
  pageSize: number;
  freeBytes: number;
  tables: TableStorage[];
  log: {
    /** log_tx + log_entry and their indexes. */
    bytes: number;
    transactions: number;
    entries: number;
    /** Entries carrying a whole inserted row. */
    insertEntries: number;
    /** Entries carrying one changed field. */
    fieldEntries: number;
    /** Every field the log carries: each column of an insert, plus each field entry. */
    loggedFields: number;
    bytesPerLoggedField: number;
  };
};

/** Tables whose bytes are the change log (its small lookup tables are listed, but not counted). */
export const LOG_TABLES = ['log_tx', 'log_entry'];

export function measureStorage(db: Database, fileBytes: number): Storage {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const freeBytes = (db.pragma('freelist_count', { simple: true }) as number) * pageSize;
  const owners = new Map(
    (
      db.prepare("SELECT name, tbl_name AS tbl FROM sqlite_schema WHERE type IN ('table', 'index')").all() as Array<{
        name: string;
        tbl: string;
      }>
    ).map((row) => [row.name, row.tbl]),
  );
  const btrees = db.prepare('SELECT name, pgsize AS bytes FROM dbstat WHERE aggregate = TRUE').all() as Array<{
    name: string;
    bytes: number;
  }>;
  const byTable = new Map<string, TableStorage>();
  const entry = (table: string) => {
    let found = byTable.get(table);
    if (!found) {
      found = { table, rows: 0, tableBytes: 0, indexBytes: 0, indexes: [] };
      byTable.set(table, found);
    }
    return found;
  };
  for (const { name, bytes } of btrees) {
    const table = owners.get(name) ?? name;
    const row = entry(table);
    if (table === name) row.tableBytes += bytes;
    else {
      row.indexBytes += bytes;
      row.indexes.push({ name, bytes });
    }
  }
  for (const row of byTable.values()) {
    if (row.table.startsWith('sqlite_')) continue;
    row.rows = db.prepare(`SELECT count(*) FROM "${row.table}"`).pluck().get() as number;
    row.indexes.sort((a, b) => b.bytes - a.bytes);
  }
  const tables = [...byTable.values()].sort((a, b) => b.tableBytes + b.indexBytes - (a.tableBytes + a.indexBytes));

  const columns = new Map(TABLE_SPECS.map((spec) => [spec.id, spec.columns.length]));
  let insertEntries = 0;
  let fieldEntries = 0;
  let loggedFields = 0;
  const counts = db
    .prepare(`SELECT tbl, col = ${WHOLE_ROW} AS whole, count(*) AS n FROM log_entry GROUP BY tbl, whole`)
    .all() as Array<{ tbl: number; whole: number; n: number }>;
  for (const { tbl, whole, n } of counts) {
    if (whole) {
      insertEntries += n;
      loggedFields += n * (columns.get(tbl) ?? 0);
    } else {
      fieldEntries += n;
      loggedFields += n;
    }
  }
  const logBytes = tables
    .filter((row) => LOG_TABLES.includes(row.table))
    .reduce((sum, row) => sum + row.tableBytes + row.indexBytes, 0);
  return {
    fileBytes,
    pageSize,
    freeBytes,
    tables,
    log: {
      bytes: logBytes,
      transactions: db.prepare('SELECT count(*) FROM log_tx').pluck().get() as number,
      entries: insertEntries + fieldEntries,
      insertEntries,
      fieldEntries,
      loggedFields,
      bytesPerLoggedField: loggedFields > 0 ? logBytes / loggedFields : 0,
    },
  };
}

/** The file size the issue sets for 1,000,000 guests, 5,000,000 stays and 20,000,000 served dishes. */
export const FILE_TARGET_BYTES = 10 * 10 ** 9;
export const FILE_TARGET_GUESTS = 1_000_000;

const mib = (bytes: number) => (bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 0 });
const gb = (bytes: number) => `${(bytes / 10 ** 9).toFixed(2)} GB`;

/** The storage table as printed beside the timings. */
export function printStorage(storage: Storage, size: number, log: (line: string) => void) {
  const { log: changes } = storage;
  const target =
    size === FILE_TARGET_GUESTS
      ? `${storage.fileBytes <= FILE_TARGET_BYTES ? 'ok  ' : 'MISS'} file ≤ ${gb(FILE_TARGET_BYTES)}`
      : `(target ≤ ${gb(FILE_TARGET_BYTES)} at ${FILE_TARGET_GUESTS.toLocaleString('en')} guests; ×${FILE_TARGET_GUESTS / size} here would be ${gb((storage.fileBytes * FILE_TARGET_GUESTS) / size)})`;
  log(
    `  database file ${gb(storage.fileBytes)} (${mib(storage.fileBytes)} MiB, ${mib(storage.freeBytes)} MiB free pages)  ${target}`,
  );
  log(
    `  change log: ${gb(changes.bytes)} = ${((100 * changes.bytes) / storage.fileBytes).toFixed(1)} % of the file ` +
      `(log_tx + log_entry + their indexes); ${changes.transactions.toLocaleString('en')} transactions, ` +
      `${changes.entries.toLocaleString('en')} entries (${changes.insertEntries.toLocaleString('en')} inserts, ` +
      `${changes.fieldEntries.toLocaleString('en')} field entries), ${changes.loggedFields.toLocaleString('en')} logged fields: ` +
      `${changes.bytesPerLoggedField.toFixed(1)} bytes per logged field`,
  );
  const header = ['table', 'rows', 'table MiB', 'index MiB', 'share', 'largest indexes (MiB)'];
  const rows = storage.tables
    .filter((row) => row.tableBytes + row.indexBytes >= storage.fileBytes / 1000)
    .map((row) => [
      row.table,
      row.rows.toLocaleString('en'),
      mib(row.tableBytes),
      mib(row.indexBytes),
      `${((100 * (row.tableBytes + row.indexBytes)) / storage.fileBytes).toFixed(1)} %`,
      row.indexes
        .slice(0, 3)
        .map((index) => `${index.name} ${mib(index.bytes)}`)
        .join(', '),
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  log(`  ${line(header)}`);
  for (const row of rows) log(`  ${line(row)}`);
}

/** The storage figures as --out JSON gives them. */
export function storageJson(storage: Storage, size: number) {
  return {
    size,
    file_bytes: storage.fileBytes,
    free_bytes: storage.freeBytes,
    target_file_bytes: FILE_TARGET_BYTES,
    target_guests: FILE_TARGET_GUESTS,
    ...(size === FILE_TARGET_GUESTS
      ? { file_within_target: storage.fileBytes <= FILE_TARGET_BYTES }
      : { file_bytes_scaled_to_target_guests: Math.round((storage.fileBytes * FILE_TARGET_GUESTS) / size) }),
    log_bytes: storage.log.bytes,
    log_share: storage.log.bytes / storage.fileBytes,
    log_transactions: storage.log.transactions,
    log_entries: storage.log.entries,
    log_insert_entries: storage.log.insertEntries,
    log_field_entries: storage.log.fieldEntries,
    logged_fields: storage.log.loggedFields,
    bytes_per_logged_field: Math.round(storage.log.bytesPerLoggedField * 10) / 10,
    tables: storage.tables.map((row) => ({
      table: row.table,
      rows: row.rows,
      table_bytes: row.tableBytes,
      index_bytes: row.indexBytes,
      indexes: row.indexes,
    })),
  };
}
