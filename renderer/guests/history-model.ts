// Turns the core's per-field history into the rows a person reads: one row per changed field of the guest,
// one row per change of a companion link (its columns, written together, become one row).

import {
  GUEST_FIELDS,
  type HistoryEntry,
  INVERSE_RELATIONSHIP,
  type Relationship,
} from '../../shared/contract/guests.ts';

export type HistoryChange =
  | { kind: 'field'; field: string; from: unknown; to: unknown }
  | { kind: 'deleted' }
  | { kind: 'restored' }
  | { kind: 'linked'; otherId: string; relationship: string }
  | { kind: 'unlinked'; otherId: string }
  | { kind: 'relationship'; otherId: string; relationship: string };

export type HistoryRow = { key: string; hlc: string; at: string; staffName: string | null; change: HistoryChange };

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

type Link = { guestId?: string; companionId?: string; relationship?: string };

/** Entries come newest first (as guests.history answers); rows are returned newest first too. */
export function historyRows(entries: readonly HistoryEntry[], guestId: string): HistoryRow[] {
  const links = new Map<string, Link>();
  const rows: HistoryRow[] = [];
  const oldestFirst = [...entries].reverse();

  for (let i = 0; i < oldestFirst.length; i++) {
    const entry = oldestFirst[i] as HistoryEntry;
    const base = { hlc: entry.hlc, at: entry.at, staffName: entry.staffName };
    if (entry.table === 'guests') {
      const key = `${entry.hlc}:${entry.field}`;
      if (entry.field === 'deleted_at') {
        rows.push({ key, ...base, change: { kind: entry.to === null ? 'restored' : 'deleted' } });
      } else if (!(entry.from === null && isBlank(entry.to))) {
        // A new guest's empty fields say nothing: only what was filled in is shown.
        rows.push({ key, ...base, change: { kind: 'field', field: entry.field, from: entry.from, to: entry.to } });
      }
      continue;
    }
    if (entry.table !== 'guest_links') continue;
    // The columns of one link written at one moment: read them all, then make one row.
    const group: HistoryEntry[] = [entry];
    while (i + 1 < oldestFirst.length) {
      const next = oldestFirst[i + 1] as HistoryEntry;
      if (next.table !== 'guest_links' || next.rowId !== entry.rowId || next.hlc !== entry.hlc) break;
      group.push(next);
      i++;
    }
    const link = links.get(entry.rowId) ?? {};
    const isNew = link.guestId === undefined;
    const fields = new Map(group.map((e) => [e.field, e.to]));
    if (typeof fields.get('guest_id') === 'string') link.guestId = fields.get('guest_id') as string;
    if (typeof fields.get('companion_id') === 'string') link.companionId = fields.get('companion_id') as string;
    if (typeof fields.get('relationship') === 'string') link.relationship = fields.get('relationship') as string;
    links.set(entry.rowId, link);

    const recordedHere = link.guestId === guestId;
    const otherId = (recordedHere ? link.companionId : link.guestId) ?? '';
    const recorded = (link.relationship ?? 'other') as Relationship;
    const relationship = recordedHere ? recorded : (INVERSE_RELATIONSHIP[recorded] ?? recorded);
    const key = `${entry.hlc}:${entry.rowId}`;
    if (fields.has('deleted_at') && fields.get('deleted_at') !== null) {
      rows.push({ key, ...base, change: { kind: 'unlinked', otherId } });
    } else if (isNew) {
      rows.push({ key, ...base, change: { kind: 'linked', otherId, relationship } });
    } else if (fields.has('relationship')) {
      rows.push({ key, ...base, change: { kind: 'relationship', otherId, relationship } });
    }
  }
  // Newest write first; the fields of one write in the form's order.
  const order = (row: HistoryRow) =>
    row.change.kind === 'field' ? GUEST_FIELDS.indexOf(row.change.field as never) : GUEST_FIELDS.length;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      if (a.row.hlc !== b.row.hlc) return a.row.hlc < b.row.hlc ? 1 : -1;
      return order(a.row) - order(b.row) || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The other guests a history names, to show their names. */
export function linkedGuestIds(rows: readonly HistoryRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) if ('otherId' in row.change && row.change.otherId) ids.add(row.change.otherId);
  return [...ids];
}
