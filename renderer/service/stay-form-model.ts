// The stay form's values and how they become a create input or an update patch. Validation is the contract's
// own schema (stayCreateSchema), so the form refuses exactly what the core would, with the same field codes.

import type { CallInput } from '../../shared/contract/index.ts';
import {
  type BOOKING_CHANNELS,
  type STAY_PURPOSES,
  type Stay,
  type StayStatus,
  stayCreateSchema,
} from '../../shared/contract/stays.ts';
import { addDays } from '../../shared/text/dates.ts';
import { checkWith, type FieldErrors } from './field-errors.ts';

export type StayValues = {
  arrivalDate: string;
  departureDate: string;
  rooms: string[];
  adults: number | string;
  children: number | string;
  partyIds: string[];
  plan: string;
  purpose: (typeof STAY_PURPOSES)[number] | null;
  channel: (typeof BOOKING_CHANNELS)[number] | null;
  reservationNo: string;
  amountYen: number | string;
  staffId: string | null;
  status: StayStatus;
  note: string;
  /** Staff chose to share the rooms with another booking on the same nights (offered when the room is taken). */
  sharedRoom: boolean;
};

export function newStayValues(today: string, staffId: string | null): StayValues {
  return {
    arrivalDate: today,
    departureDate: addDays(today, 1),
    rooms: [],
    adults: 2,
    children: 0,
    partyIds: [],
    plan: '',
    purpose: null,
    channel: null,
    reservationNo: '',
    amountYen: 0,
    staffId,
    status: 'booked',
    note: '',
    sharedRoom: false,
  };
}

export function stayValues(stay: Stay): StayValues {
  return {
    arrivalDate: stay.arrivalDate,
    departureDate: stay.departureDate,
    rooms: [...stay.rooms],
    adults: stay.adults,
    children: stay.children,
    partyIds: stay.party.filter((member) => !member.lead).map((member) => member.guestId),
    plan: stay.plan,
    purpose: stay.purpose,
    channel: stay.channel,
    reservationNo: stay.reservationNo,
    amountYen: stay.amountYen,
    staffId: stay.staffId,
    status: stay.status,
    note: stay.note,
    sharedRoom: stay.sharedRoom,
  };
}

/** A number field left empty: a count is then not a number (refused), an amount is nothing charged yet. */
function asNumber(value: number | string, blank: number): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? blank : Number(value);
}

type StayFields = CallInput<'stays.create'>['fields'];

export function toFields(guestId: string, values: StayValues): StayFields {
  return {
    guestId,
    ...values,
    adults: asNumber(values.adults, Number.NaN),
    children: asNumber(values.children, Number.NaN),
    amountYen: asNumber(values.amountYen, 0),
  };
}

/** Field paths of the form: a room's own issue (rooms.2) is shown under the rooms. */
export function onForm(errors: FieldErrors): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [path, code] of Object.entries(errors)) {
    const field = path.split('.')[0] ?? path;
    if (!(field in mapped)) mapped[field] = code;
  }
  return mapped;
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function checkStay(guestId: string, values: StayValues): Checked<StayFields> {
  const checked = checkWith(stayCreateSchema, toFields(guestId, values));
  return checked.ok ? { ok: true, value: checked.value as StayFields } : { ok: false, errors: onForm(checked.errors) };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return a === b;
}

/** Only what differs from the stored stay. An empty patch means nothing changed. */
export function stayPatch(fields: StayFields, stay: Stay): CallInput<'stays.update'>['patch'] {
  const stored: Record<string, unknown> = { ...stayValues(stay), guestId: stay.guestId };
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field !== 'guestId' && !same(value, stored[field])) patch[field] = value;
  }
  return patch as CallInput<'stays.update'>['patch'];
}
