import { decodeField, type Stored, sqlRowKey } from '../../../db/log/codec.ts';
import { columnSpecById, tableSpec } from '../../../db/log/registry.ts';
import { ENTRY_BITS, WHOLE_ROW } from '../../../db/log/store.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import { compareVersions } from '../changes/merge.ts';
import type { CoreContext } from '../context.ts';

// The change-log entries of every row that concerns a guest, read in one statement per table: the guest
// itself, the companion links that name them, the stays they lead and those stays' party, their allergies
// and requests. Each statement joins the rows to their entries through log_entry_field (tbl, row, col), so
// a regular with thousands of entries costs a handful of index walks, not one query per row.
//
// This sits beside the history and not in db/log/store.ts (owned by the log's own work) because it is the
// history's read. It depends on one detail of the log's format, kept here in one place: a row id that is a
// UUID is logged as its 16 bytes (encodeRowId), which SQL gets back with unhex(id, '-'); any other id is
// logged as text: sqlRowKey (codec.ts) makes the same choice in SQL, so each row is one seek.

/** One entry: the fields one write set on one row (all of them for an insert, one for an update). */
export type GuestLogEntry = {
  table: SyncedTable;
  rowId: string;
  /** Column name → stored value, in column order. */
  values: Array<[string, Stored]>;
  /** The write's stamp and origin: the history's order, and the row's `key`. */
  hlc: number;
  node: string;
  /** Position of the entry in the log: the order of the entries of one write. */
  entry: number;
  staff: number | null;
  /** A migration restating rows that already existed: state to read from, not a change to show. */
  baseline: boolean;
};

const ENTRY = `e.id, e.col, e.value, e.base, t.hlc, t.node, t.staff, t.call`;
// Each entry comes with its row's rowid (`rowKey`), which the statement has from the index it walked: an insert
// kept in its row (db/log/row-backed.ts) reads the row by it, without a second walk down the id's index.
const TX = `JOIN log_tx t ON t.seq = e.id >> ${ENTRY_BITS}`;
// CROSS JOIN keeps the guest's rows as the outer loop: the app gathers no statistics, and without them
// the planner would walk every entry of the table (log_entry_field on tbl alone) and filter.
const entriesOf = (table: SyncedTable, alias: string) =>
  `CROSS JOIN log_entry e ON e.tbl = ${tableSpec(table).id} AND e.row = ${sqlRowKey(`${alias}.id`)} ${TX}`;

/** Per table, the entries of the guest's rows (the guest is @id). */
const ENTRIES_OF_GUEST: ReadonlyArray<[SyncedTable, string]> = [
  [
    'guests',
    `SELECT @id AS rowId, (SELECT rowid FROM guests WHERE id = @id) AS rowKey, ${ENTRY} FROM log_entry e ${TX}
      WHERE e.tbl = ${tableSpec('guests').id} AND e.row = ${sqlRowKey('@id')}`,
  ],
  [
    'guest_links',
    `SELECT l.id AS rowId, l.rowid AS rowKey, ${ENTRY} FROM guest_links l ${entriesOf('guest_links', 'l')} WHERE l.guest_id = @id`,
  ],
  [
    'guest_links',
    `SELECT l.id AS rowId, l.rowid AS rowKey, ${ENTRY} FROM guest_links l ${entriesOf('guest_links', 'l')} WHERE l.companion_id = @id`,
  ],
  [
    'stays',
    `SELECT s.id AS rowId, s.rowid AS rowKey, ${ENTRY} FROM stays s ${entriesOf('stays', 's')} WHERE s.guest_id = @id`,
  ],
  [
    'stay_party',
    `SELECT p.id AS rowId, p.rowid AS rowKey, ${ENTRY} FROM stays s JOIN stay_party p ON p.stay_id = s.id
      ${entriesOf('stay_party', 'p')} WHERE s.guest_id = @id`,
  ],
  [
    'allergies',
    `SELECT a.id AS rowId, a.rowid AS rowKey, ${ENTRY} FROM allergies a ${entriesOf('allergies', 'a')} WHERE a.guest_id = @id`,
  ],
  [
    'requests',
    `SELECT r.id AS rowId, r.rowid AS rowKey, ${ENTRY} FROM requests r ${entriesOf('requests', 'r')} WHERE r.guest_id = @id`,
  ],
];

const BASELINE_CALL = "SELECT id FROM log_calls WHERE name = 'migration.baseline'";

/** The statements of this file, for the query-plan test. */
export const HISTORY_LOG_STATEMENTS: Record<string, string> = Object.fromEntries(
  ENTRIES_OF_GUEST.map(([table, text], index) => [`ENTRIES_OF_GUEST_${index}_${table}`, text]),
);

type EntryRow = {
  rowId: string;
  rowKey: number | null;
  id: number;
  base: unknown;
  col: number;
  value: unknown;
  hlc: number;
  node: number;
  staff: number | null;
  call: number | null;
};

/** The entries of the guest's rows, in the order they happened (stamp, PC, then position in the write). */
export function entriesOfGuest(ctx: CoreContext, guestId: string): GuestLogEntry[] {
  const { log } = ctx.changes;
  const baselineCall = ctx.run.prepare(BASELINE_CALL).pluck().get() as number | undefined;
  const entries: GuestLogEntry[] = [];
  for (const [table, text] of ENTRIES_OF_GUEST) {
    const spec = tableSpec(table);
    const nameOf = (columnId: number) => columnSpecById(spec.id, columnId)?.name;
    // Inserts are read together after the table's entries: those kept in their rows (db/log/row-backed.ts)
    // read their rows in one statement.
    const inserts: Array<{
      values: Array<[string, Stored]>;
      id: string;
      rowid: number | null;
      value: unknown;
      base: unknown;
    }> = [];
    for (const row of ctx.run.prepare(text).all({ id: guestId }) as EntryRow[]) {
      const values: Array<[string, Stored]> = [];
      if (row.col === WHOLE_ROW) {
        inserts.push({ values, id: row.rowId, rowid: row.rowKey, value: row.value, base: row.base });
      } else {
        const name = nameOf(row.col);
        if (name) values.push([name, decodeField(row.value)]);
      }
      entries.push({
        table,
        rowId: row.rowId,
        values,
        hlc: row.hlc,
        node: log.nodeOf(row.node),
        entry: row.id,
        staff: row.staff,
        baseline: row.call !== null && row.call === baselineCall,
      });
    }
    if (inserts.length === 0) continue;
    log.insertColumnsOfMany(spec.id, inserts).forEach((columns, i) => {
      const { values } = inserts[i] as (typeof inserts)[number];
      for (const [columnId, value] of columns) {
        const name = nameOf(columnId);
        if (name) values.push([name, value]);
      }
    });
  }
  // Entries of one write share its stamp and PC; their position keeps the write's own order.
  return entries.sort((a, b) => compareVersions(a, b) || a.entry - b.entry);
}
