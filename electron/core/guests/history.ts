import { decodeField, type Stored } from '../../../db/log/codec.ts';
import { columnSpecById, tableSpec } from '../../../db/log/registry.ts';
import { encodeRowId, LOG_ROW_ENTRIES, WHOLE_ROW } from '../../../db/log/store.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import type { HistoryEntry } from '../../../shared/contract/guests.ts';
import { stampToIso } from '../changes/hlc.ts';
import { compareVersions, decodedRow } from '../changes/merge.ts';
import type { CoreContext } from '../context.ts';
import { FIELD_OF_COLUMN } from './columns.ts';

// Columns that are bookkeeping of the row itself rather than something a person recorded.
const HIDDEN = new Set(['created_at', 'updated_at', 'last_activity_at']);

// Columns stored as JSON text, and flags stored as 0/1 (the log keeps the stored value).
const JSON_COLUMNS = new Set(['phones', 'rooms']);
const FLAG_COLUMNS = new Set(['marketing_consent', 'traces_ok', 'standing']);

/** Reads a logged value back: JSON columns (phones, rooms) as structures, 0/1 flags as booleans. */
function readValue(column: string, value: Stored): unknown {
  if (JSON_COLUMNS.has(column) && typeof value === 'string') return JSON.parse(value);
  if (FLAG_COLUMNS.has(column)) return value === 1;
  return value;
}

// The rows that concern a guest: the guest, the companion links that name them, the stays they lead (and
// their party), their allergies and requests.
const ROWS_OF_GUEST: ReadonlyArray<[SyncedTable, string]> = [
  ['guests', 'SELECT @id AS id'],
  [
    'guest_links',
    'SELECT id FROM guest_links WHERE guest_id = @id UNION SELECT id FROM guest_links WHERE companion_id = @id',
  ],
  ['stays', 'SELECT id FROM stays WHERE guest_id = @id'],
  ['stay_party', 'SELECT p.id FROM stays st JOIN stay_party p ON p.stay_id = st.id WHERE st.guest_id = @id'],
  ['allergies', 'SELECT id FROM allergies WHERE guest_id = @id'],
  ['requests', 'SELECT id FROM requests WHERE guest_id = @id'],
];

/** The statements of this file and the log read it uses, for the query-plan test. */
export const HISTORY_STATEMENTS: Record<string, string> = {
  ...Object.fromEntries(
    ROWS_OF_GUEST.filter(([table]) => table !== 'guests').map(([table, query]) => [`ROWS_OF_GUEST_${table}`, query]),
  ),
  LOG_ROW_ENTRIES,
};

type Change = {
  table: SyncedTable;
  rowId: string;
  column: string;
  value: Stored;
  hlc: number;
  node: string;
  staff: number | null;
};

/**
 * The per-field history of a guest, of the companion links that name them, of the stays they lead (with
 * their party) and of their allergies and requests, newest first. An insert's entry reads as each of its
 * fields set; "from" is the value the field had before, in the log's order.
 */
export function guestHistory(ctx: CoreContext, guestId: string): HistoryEntry[] {
  const { log } = ctx.changes;
  const changes: Change[] = [];
  for (const [table, query] of ROWS_OF_GUEST) {
    const spec = tableSpec(table);
    const ids = ctx.run.prepare(query).pluck().all({ id: guestId }) as string[];
    for (const rowId of ids) {
      for (const entry of log.rowEntries(spec.id, encodeRowId(rowId))) {
        const node = log.nodeOf(entry.node);
        const base = { table, rowId, hlc: entry.hlc, node, staff: entry.staff };
        if (entry.col === WHOLE_ROW) {
          for (const [columnId, value] of decodedRow(entry)) {
            const column = columnSpecById(spec.id, columnId);
            if (column) changes.push({ ...base, column: column.name, value });
          }
        } else {
          const column = columnSpecById(spec.id, entry.col);
          if (column) changes.push({ ...base, column: column.name, value: decodeField(entry.value) });
        }
      }
    }
  }
  changes.sort((a, b) => compareVersions(a, b));
  const staffName = ctx.run.prepare('SELECT name FROM staff WHERE id = ?').pluck();
  const names = new Map<number, string | null>();
  const nameOf = (ref: number | null) => {
    if (ref === null) return { id: null, name: null };
    const id = log.staffOf(ref) as string;
    if (!names.has(ref)) names.set(ref, (staffName.get(id) as string | undefined) ?? null);
    return { id, name: names.get(ref) ?? null };
  };
  const last = new Map<string, unknown>();
  const entries: HistoryEntry[] = [];
  for (const change of changes) {
    const key = `${change.table}:${change.rowId}:${change.column}`;
    const to = readValue(change.column, change.value);
    const from = last.has(key) ? last.get(key) : null;
    last.set(key, to);
    // Not a change: a field set to what it was (an insert's empty fields, a baseline restating a row).
    if (HIDDEN.has(change.column) || JSON.stringify(from) === JSON.stringify(to)) continue;
    const staff = nameOf(change.staff);
    entries.push({
      table: change.table,
      rowId: change.rowId,
      field: change.table === 'guests' ? (FIELD_OF_COLUMN[change.column] ?? change.column) : change.column,
      from,
      to,
      at: stampToIso(change.hlc),
      hlc: `${change.hlc}:${change.node}`,
      staffId: staff.id,
      staffName: staff.name,
      nodeId: change.node,
    });
  }
  return entries.reverse();
}
