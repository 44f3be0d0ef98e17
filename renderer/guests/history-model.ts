// Turns the core's per-field history into the rows a person reads: one row per changed field of the guest,
// one row per change of a companion link (its columns, written together, become one row), and rows for the
// guest's stays, allergies and requests (a correction of an allergy reads as "from the old record → the new").

import {
  GUEST_FIELDS,
  type HistoryEntry,
  INVERSE_RELATIONSHIP,
  type Relationship,
} from '../../shared/contract/guests.ts';

export const SERVICE_HISTORY_TABLES = ['stays', 'allergies', 'requests', 'stay_party'] as const;
export type ServiceTable = (typeof SERVICE_HISTORY_TABLES)[number];

/** What a service row is at the moment of a change (its columns so far): enough to name it in the history. */
export type RowState = Record<string, unknown>;

/** An allergy's allergen, one value whether it is from the catalogue or free text. */
export type AllergenValue = { allergenId: string | null; free: string };

export type HistoryChange =
  | { kind: 'field'; field: string; from: unknown; to: unknown }
  | { kind: 'deleted' }
  | { kind: 'restored' }
  | { kind: 'linked'; otherId: string; relationship: string }
  | { kind: 'unlinked'; otherId: string }
  | { kind: 'relationship'; otherId: string; relationship: string }
  /** A field of a stay, allergy or request; `corrected` when the value comes from a correction of an allergy. */
  | {
      kind: 'service';
      table: ServiceTable;
      subject: RowState;
      field: string;
      from: unknown;
      to: unknown;
      corrected: boolean;
    }
  | { kind: 'retracted'; table: ServiceTable; subject: RowState; reason: string }
  | { kind: 'unretracted'; table: ServiceTable; subject: RowState }
  | { kind: 'partyAdded'; otherId: string; subject: RowState }
  | { kind: 'partyRemoved'; otherId: string; subject: RowState };

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

const SERVICE_TABLE_SET: ReadonlySet<string> = new Set(SERVICE_HISTORY_TABLES);

/** Columns each table shows, in the order of its form; others (who recorded, links between rows) are implied. */
const SERVICE_FIELDS: Record<Exclude<ServiceTable, 'stay_party'>, readonly string[]> = {
  stays: [
    'arrival_date',
    'departure_date',
    'rooms',
    'adults',
    'children',
    'plan',
    'purpose',
    'channel',
    'reservation_no',
    'amount_yen',
    'staff_id',
    'status',
    'note',
    'deleted_at',
  ],
  allergies: ['allergen', 'severity', 'traces_ok', 'note', 'confirmed_at', 'confirmed_by'],
  requests: ['category', 'text', 'standing', 'stay_id', 'status'],
};

/** On a new row, columns that hold their default (or follow from who wrote it) say nothing. */
function quietOnCreate(field: string, to: unknown): boolean {
  switch (field) {
    case 'confirmed_by':
    case 'stay_id':
      return true;
    case 'status':
      return to === 'open' || to === 'booked';
    case 'children':
    case 'amount_yen':
      return to === 0;
    default:
      return false;
  }
}

function noAllergen(value: unknown): boolean {
  const allergen = value as AllergenValue;
  return !allergen.allergenId && !allergen.free;
}

const BOOLEAN_COLUMNS = new Set(['traces_ok', 'standing']);

/** The log keeps stored values: 0/1 flags and JSON text (rooms) are read back as what they mean. */
function readStored(field: string, value: unknown): unknown {
  if (BOOLEAN_COLUMNS.has(field) && typeof value === 'number') return value === 1;
  if (field === 'rooms' && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function allergenOf(state: RowState): AllergenValue {
  const allergenId = typeof state.allergen_id === 'string' ? state.allergen_id : null;
  return { allergenId, free: typeof state.free_allergen === 'string' ? state.free_allergen : '' };
}

function fieldValue(table: ServiceTable, field: string, state: RowState): unknown {
  return table === 'allergies' && field === 'allergen' ? allergenOf(state) : state[field];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Rows for one write of one stay, allergy, request or party row (its columns written at one moment). */
function serviceRows(
  table: ServiceTable,
  group: readonly HistoryEntry[],
  states: Map<string, RowState>,
): HistoryChange[] {
  const first = group[0] as HistoryEntry;
  const before = states.get(first.rowId);
  const after: RowState = { ...before };
  for (const entry of group) after[entry.field] = readStored(entry.field, entry.to);
  states.set(first.rowId, after);
  const changed = new Set(group.map((entry) => entry.field));

  if (table === 'stay_party') {
    const otherId = typeof after.guest_id === 'string' ? after.guest_id : '';
    const subject = states.get(String(after.stay_id)) ?? {};
    if (changed.has('deleted_at') && after.deleted_at) return [{ kind: 'partyRemoved', otherId, subject }];
    return before ? [] : [{ kind: 'partyAdded', otherId, subject }];
  }

  if (table === 'allergies' && changed.has('retracted_at')) {
    return [
      after.retracted_at
        ? { kind: 'retracted', table, subject: after, reason: String(after.retract_reason ?? '') }
        : { kind: 'unretracted', table, subject: after },
    ];
  }

  // A correction is a new record that supersedes an old one: read it as the old values → the new ones.
  const superseded = !before && typeof after.supersedes === 'string' ? states.get(after.supersedes) : undefined;
  const fields = SERVICE_FIELDS[table].filter((field) =>
    field === 'allergen' ? changed.has('allergen_id') || changed.has('free_allergen') : changed.has(field),
  );
  const rows: HistoryChange[] = [];
  for (const field of fields) {
    const to = fieldValue(table, field, after);
    if (superseded) {
      const from = fieldValue(table, field, superseded);
      if (field !== 'confirmed_by' && !sameValue(from, to)) {
        rows.push({ kind: 'service', table, subject: after, field, from, to, corrected: true });
      }
      continue;
    }
    if (!before && (isBlank(to) || quietOnCreate(field, to) || (field === 'allergen' && noAllergen(to)))) continue;
    const from = before ? fieldValue(table, field, before) : null;
    if (before && sameValue(from, to)) continue;
    rows.push({ kind: 'service', table, subject: after, field, from, to, corrected: false });
  }
  if (superseded && rows.length === 0) {
    rows.push({ kind: 'service', table, subject: after, field: 'supersedes', from: null, to: null, corrected: true });
  }
  return rows;
}

/** Entries come newest first (as guests.history answers); rows are returned newest first too. */
export function historyRows(entries: readonly HistoryEntry[], guestId: string): HistoryRow[] {
  const links = new Map<string, Link>();
  const states = new Map<string, RowState>();
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
    if (SERVICE_TABLE_SET.has(entry.table)) {
      const group: HistoryEntry[] = [entry];
      while (i + 1 < oldestFirst.length) {
        const next = oldestFirst[i + 1] as HistoryEntry;
        if (next.table !== entry.table || next.rowId !== entry.rowId || next.hlc !== entry.hlc) break;
        group.push(next);
        i++;
      }
      serviceRows(entry.table as ServiceTable, group, states).forEach((change, n) => {
        rows.push({ key: `${entry.hlc}:${entry.rowId}:${n}`, ...base, change });
      });
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
  const order = (row: HistoryRow) => {
    const change = row.change;
    if (change.kind === 'field') return GUEST_FIELDS.indexOf(change.field as never);
    if (change.kind === 'service' && change.table !== 'stay_party') {
      return GUEST_FIELDS.length + SERVICE_FIELDS[change.table].indexOf(change.field);
    }
    return GUEST_FIELDS.length;
  };
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
