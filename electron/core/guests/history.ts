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

/** Reads a logged value back: JSON columns (phones) as structures, 0/1 flags as booleans. */
function readValue(column: string, raw: string | null): unknown {
  const value = raw === null ? null : JSON.parse(raw);
  if (column === 'phones' && typeof value === 'string') return JSON.parse(value);
  if (column === 'marketing_consent') return value === 1;
  return value;
}

/**
 * The per-field history of a guest and of the companion links that name them, newest first.
 * "from" is the value the field had before: the previous log entry for the same row and column.
 */
export function guestHistory(ctx: CoreContext, guestId: string): HistoryEntry[] {
  const rows = ctx.run
    .prepare(
      `SELECT c.hlc, c.node_id, c.staff_id, s.name AS staff_name, c.tbl, c.row_id, c.col, c.value
         FROM change_log c LEFT JOIN staff s ON s.id = c.staff_id
        WHERE (c.tbl = 'guests' AND c.row_id = @id)
           OR (c.tbl = 'guest_links' AND c.row_id IN
                (SELECT id FROM guest_links WHERE guest_id = @id OR companion_id = @id))
        ORDER BY c.hlc, c.node_id, c.seq`,
    )
    .all({ id: guestId }) as LogRow[];
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
