import type {
  ALLERGY_HISTORY_FIELDS,
  AllergyFieldChange,
  HistoryChange,
  REQUEST_HISTORY_FIELDS,
  STAY_HISTORY_FIELDS,
} from '../../../shared/contract/history.ts';
import { isBlank } from './history-guest.ts';
import { type Draft, type Interpreter, type Lookups, type RowState, stateKey } from './history-replay.ts';

// What writes of the stays a guest leads (and their party), their allergies and requests read as. Rows name
// their subject as it was after the write: the stay's dates and rooms, the allergen, the request's kind.

type StayField = (typeof STAY_HISTORY_FIELDS)[number];
type AllergyField = (typeof ALLERGY_HISTORY_FIELDS)[number];
type RequestField = (typeof REQUEST_HISTORY_FIELDS)[number];
type StayChange = Extract<HistoryChange, { kind: 'stay' }>;
type RequestChange = Extract<HistoryChange, { kind: 'request' }>;

/** A blank old value reads as "set": the screen shows the new value alone. */
const fromValue = (value: unknown) => (value === undefined || value === '' ? null : value);

/** On a new record, fields left at their default (or that follow from who wrote it) say nothing. */
function quietOnCreate(column: string, to: unknown): boolean {
  if (isBlank(to)) return true;
  switch (column) {
    case 'status':
      return to === 'open' || to === 'booked';
    case 'children':
    case 'amount_yen':
      return to === 0;
    case 'confirmed_by':
      return true;
    default:
      return false;
  }
}

/** The stay fields the history shows, in the stay form's order, and their columns. */
const STAY_COLUMNS: ReadonlyArray<[StayField, string]> = [
  ['arrivalDate', 'arrival_date'],
  ['departureDate', 'departure_date'],
  ['rooms', 'rooms'],
  ['adults', 'adults'],
  ['children', 'children'],
  ['plan', 'plan'],
  ['purpose', 'purpose'],
  ['channel', 'channel'],
  ['reservationNo', 'reservation_no'],
  ['amountYen', 'amount_yen'],
  ['staffName', 'staff_id'],
  ['status', 'status'],
  ['note', 'note'],
  ['deletedAt', 'deleted_at'],
];

function staySubject(id: string, stay: RowState | undefined) {
  return {
    id,
    arrivalDate: String(stay?.arrival_date ?? ''),
    departureDate: String(stay?.departure_date ?? ''),
    rooms: Array.isArray(stay?.rooms) ? (stay.rooms as string[]) : [],
  };
}

type Write = Parameters<Interpreter>[0];

/** The fields a write changed that the history shows, skipping a new record's defaults. */
function shown<F extends string>(
  columns: ReadonlyArray<[F, string]>,
  write: Write,
  read = (column: string, state: RowState) => state[column],
) {
  return columns.filter(
    ([, column]) =>
      write.changed.has(column) && !(write.before === undefined && quietOnCreate(column, read(column, write.after))),
  );
}

export const stayDrafts: Interpreter = (write) => {
  const stay = staySubject(write.rowId, write.after);
  return shown(STAY_COLUMNS, write).map(([field, column]): Draft => {
    const from = fromValue(write.before?.[column]) as StayChange['from'];
    const to = (write.after[column] ?? null) as StayChange['to'];
    if (column !== 'staff_id') return { needs: {}, build: () => ({ kind: 'stay', stay, field, from, to }) };
    return {
      needs: { staff: [from as string | null, to as string | null] },
      build: (names) => ({ kind: 'stay', stay, field, from: names.staffName(from), to: names.staffName(to) }),
    };
  });
};

/** A guest joining a stay's party (or joining it again), or leaving it. */
export const partyDrafts: Interpreter = ({ before, after, changed }, states) => {
  const stayId = String(after.stay_id ?? '');
  const stay = staySubject(stayId, states.get(stateKey('stays', stayId)));
  const guestId = String(after.guest_id ?? '');
  const needs = { guests: [guestId] };
  const left = after.deleted_at !== null && after.deleted_at !== undefined;
  if (changed.has('deleted_at') && left) {
    return [{ needs, build: (names) => ({ kind: 'partyRemoved', stay, guest: names.guest(guestId) }) }];
  }
  if (left || (before && !changed.has('deleted_at'))) return [];
  return [{ needs, build: (names) => ({ kind: 'partyAdded', stay, guest: names.guest(guestId) }) }];
};

const ALLERGY_COLUMNS: ReadonlyArray<[AllergyField, string]> = [
  ['allergen', 'allergen_id'],
  ['severity', 'severity'],
  ['tracesOk', 'traces_ok'],
  ['note', 'note'],
  ['confirmedAt', 'confirmed_at'],
  ['confirmedByName', 'confirmed_by'],
];

/** A field's value in contract terms, once names are known: the allergen's names, a staff member's name. */
function allergyValue([field, column]: [AllergyField, string], state: RowState | undefined, names: Lookups) {
  if (!state) return null;
  if (field === 'allergen') return names.allergen(state.allergen_id, state.free_allergen);
  if (field === 'confirmedByName') return names.staffName(state.confirmed_by);
  return fromValue(state[column]) as AllergyFieldChange['to'];
}

/** Whether two records say the same for a field (the allergen: the same catalogue entry or the same text). */
function saysTheSame(column: string, a: RowState, b: RowState): boolean {
  if (column === 'allergen_id') return a.allergen_id === b.allergen_id && a.free_allergen === b.free_allergen;
  return JSON.stringify(a[column] ?? null) === JSON.stringify(b[column] ?? null);
}

const allergyNeeds = (...states: (RowState | undefined)[]) => ({
  allergens: states.map((state) => (state?.allergen_id ?? null) as string | null),
  staff: states.map((state) => (state?.confirmed_by ?? null) as string | null),
});

/**
 * A recorded allergy reads field by field. A correction (a new record that supersedes an old one) reads as
 * one row: what the new record says differently from the old. A retraction reads with its reason.
 */
export const allergyDrafts: Interpreter = ({ rowId, before, after, changed }, states) => {
  const subject = (names: Lookups) => ({ id: rowId, ...names.allergen(after.allergen_id, after.free_allergen) });
  if (changed.has('retracted_at')) {
    const retracted = after.retracted_at !== null && after.retracted_at !== undefined;
    const reason = String(after.retract_reason ?? '');
    return [
      {
        needs: allergyNeeds(after),
        build: (names) =>
          retracted
            ? { kind: 'allergyRetracted', allergy: subject(names), reason }
            : { kind: 'allergyRestored', allergy: subject(names) },
      },
    ];
  }
  const replaced =
    !before && typeof after.supersedes === 'string' ? states.get(stateKey('allergies', after.supersedes)) : undefined;
  if (replaced) {
    // Who confirmed it is not part of what the record says: a correction is always confirmed by its author.
    const differs = ALLERGY_COLUMNS.filter(
      ([field, column]) => field !== 'confirmedByName' && !saysTheSame(column, replaced, after),
    );
    return [
      {
        needs: allergyNeeds(after, replaced),
        build: (names) => ({
          kind: 'allergyCorrected',
          allergy: subject(names),
          changes: differs.map((pair) => ({
            field: pair[0],
            from: allergyValue(pair, replaced, names),
            to: allergyValue(pair, after, names),
          })),
        }),
      },
    ];
  }
  const write = { rowId, before, after, changed: withAllergen(changed) };
  return shown(ALLERGY_COLUMNS, write, allergenOrColumn).map((pair) => ({
    needs: allergyNeeds(after, before),
    build: (names) => ({
      kind: 'allergy',
      allergy: subject(names),
      field: pair[0],
      from: allergyValue(pair, before, names),
      to: allergyValue(pair, after, names),
    }),
  }));
};

/** The allergen is one field whether it is from the catalogue or free text: either column changes it. */
function withAllergen(changed: ReadonlySet<string>): ReadonlySet<string> {
  return changed.has('free_allergen') ? new Set([...changed, 'allergen_id']) : changed;
}

function allergenOrColumn(column: string, state: RowState): unknown {
  return column === 'allergen_id' ? state.allergen_id || state.free_allergen : state[column];
}

const REQUEST_COLUMNS: ReadonlyArray<[RequestField, string]> = [
  ['category', 'category'],
  ['text', 'text'],
  ['standing', 'standing'],
  ['status', 'status'],
];

// The stay a request was taken for is not shown: nothing changes it once the request is taken.
export const requestDrafts: Interpreter = (write) => {
  const request = {
    id: write.rowId,
    category: write.after.category as RequestChange['request']['category'],
    text: String(write.after.text ?? ''),
  };
  return shown(REQUEST_COLUMNS, write).map(([field, column]) => {
    const change: RequestChange = {
      kind: 'request',
      request,
      field,
      from: fromValue(write.before?.[column]) as RequestChange['from'],
      to: (write.after[column] ?? null) as RequestChange['to'],
    };
    return { needs: {}, build: () => change };
  });
};
