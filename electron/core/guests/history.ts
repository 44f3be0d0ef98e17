import type { HistoryEntry } from '../../../shared/contract/guests.ts';
import { hlcToIso } from '../changes/hlc.ts';
import type { CoreContext } from '../context.ts';
import { FIELD_OF_COLUMN } from './columns.ts';

type LogRow = {
  hlc: string;
  node_id: string;
  staff_id: string | null;
  staff_name: string | null;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
};

// Columns that are bookkeeping of the row itself rather than something a person recorded.
const HIDDEN = new Set(['created_at', 'updated_at']);

// Columns stored as JSON text, and flags stored as 0/1 (the log keeps the stored value).
const JSON_COLUMNS = new Set(['phones', 'rooms']);
const FLAG_COLUMNS = new Set(['marketing_consent', 'traces_ok', 'standing']);

/** Reads a logged value back: JSON columns (phones, rooms) as structures, 0/1 flags as booleans. */
function readValue(column: string, raw: string | null): unknown {
  const value = raw === null ? null : JSON.parse(raw);
  if (JSON_COLUMNS.has(column) && typeof value === 'string') return JSON.parse(value);
  if (FLAG_COLUMNS.has(column)) return value === 1;
  return value;
}

// One branch per kind of row that concerns the guest, each read from the log's (tbl, row_id) index:
// the guest, the companion links that name them, the stays they lead (and their party), their allergies
// and requests.
const HISTORY_OF_GUEST = `
  SELECT c.seq, c.hlc, c.node_id, c.staff_id, s.name AS staff_name, c.tbl, c.row_id, c.col, c.value
    FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
   WHERE c.tbl = 'guests' AND c.row_id = @id
  UNION ALL
  SELECT c.seq, c.hlc, c.node_id, c.staff_id, s.name, c.tbl, c.row_id, c.col, c.value
    FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
   WHERE c.tbl = 'guest_links'
     AND c.row_id IN (SELECT id FROM guest_links WHERE guest_id = @id UNION SELECT id FROM guest_links WHERE companion_id = @id)
  UNION ALL
  SELECT c.seq, c.hlc, c.node_id, c.staff_id, s.name, c.tbl, c.row_id, c.col, c.value
    FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
   WHERE c.tbl = 'stays' AND c.row_id IN (SELECT id FROM stays WHERE guest_id = @id)
  UNION ALL
  SELECT c.seq, c.hlc, c.node_id, c.staff_id, s.name, c.tbl, c.row_id, c.col, c.value
    FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
   WHERE c.tbl = 'stay_party'
     AND c.row_id IN (SELECT p.id FROM stays st JOIN stay_party p ON p.stay_id = st.id WHERE st.guest_id = @id)
  UNION ALL
  SELECT c.seq, c.hlc, c.node_id, c.staff_id, s.name, c.tbl, c.row_id, c.col, c.value
    FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
   WHERE c.tbl = 'allergies' AND c.row_id IN (SELECT id FROM allergies WHERE guest_id = @id)
  UNION ALL
  SELECT c.seq, c.hlc, c.node_id, c.staff_id, s.name, c.tbl, c.row_id, c.col, c.value
    FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
   WHERE c.tbl = 'requests' AND c.row_id IN (SELECT id FROM requests WHERE guest_id = @id)
  ORDER BY 2, 3, 1`;

/** The statement of this file, for the query-plan test. */
export const HISTORY_STATEMENTS = { HISTORY_OF_GUEST };

/**
 * The per-field history of a guest, of the companion links that name them, of the stays they lead (with
 * their party) and of their allergies and requests, newest first.
 * "from" is the value the field had before: the previous log entry for the same row and column.
 */
export function guestHistory(ctx: CoreContext, guestId: string): HistoryEntry[] {
  const rows = ctx.run.prepare(HISTORY_OF_GUEST).all({ id: guestId }) as LogRow[];
  const last = new Map<string, unknown>();
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    const key = `${row.tbl}:${row.row_id}:${row.col}`;
    const to = readValue(row.col, row.value);
    const from = last.has(key) ? last.get(key) : null;
    last.set(key, to);
    if (HIDDEN.has(row.col)) continue;
    entries.push({
      table: row.tbl,
      rowId: row.row_id,
      field: row.tbl === 'guests' ? (FIELD_OF_COLUMN[row.col] ?? row.col) : row.col,
      from,
      to,
      at: hlcToIso(row.hlc),
      hlc: `${row.hlc}:${row.node_id}`,
      staffId: row.staff_id,
      staffName: row.staff_name,
      nodeId: row.node_id,
    });
  }
  return entries.reverse();
}
