import type { Statement } from 'better-sqlite3';
import type { GuestRegister, RegisterRow } from '../../../shared/contract/guest-rights.ts';
import type { StayStatus } from '../../../shared/contract/stays.ts';
import type { CoreContext } from '../context.ts';

// 宿泊者名簿 (旅館業法 第6条, 施行規則 第4条の2): for each stay arriving in the period, every guest of it on
// record, the lead first, then the members of the party in the order they were added. What it includes and
// leaves out, and why, is in docs/guest-rights.md:
// - a stay counts by its arrival day (the day the guest registers at the desk), on the inn's calendar;
// - cancelled and no-show stays are left out: nobody stayed; booked, in-house and departed stays are in
//   (a booking of today not yet checked in is still expected tonight);
// - a deleted stay is left out (it was recorded by mistake); a deleted guest is still listed: the Act makes
//   the inn keep the register for three years whatever became of the card.

type StayLine = {
  id: string;
  guest_id: string;
  arrival_date: string;
  departure_date: string;
  rooms: string;
  adults: number;
  children: number;
  status: string;
};

type GuestLine = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  phones: string;
  postal_code: string;
  address: string;
  nationality: string;
  passport_number: string;
};

/** The register's statements (tests/guest-rights/query-plan.test.ts checks each reads through an index). */
export const REGISTER_STATEMENTS = {
  staysArriving: `SELECT id, guest_id, arrival_date, departure_date, rooms, adults, children, status
         FROM stays
        WHERE arrival_date BETWEEN ? AND ? AND deleted_at IS NULL AND status NOT IN ('cancelled', 'no_show')
        ORDER BY arrival_date, rooms, created_at, id`,
  partyOfStay: 'SELECT guest_id FROM stay_party WHERE stay_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  guestLine: `SELECT id, family_name, given_name, family_reading, given_reading, phones, postal_code, address,
            nationality, passport_number
       FROM guests WHERE id = ?`,
  // An erased guest's 宿泊者名簿 fields, kept aside for the legal hold (electron/core/erasure/held.ts).
  heldOfGuest: 'SELECT held FROM erasures WHERE guest_id = ? AND held IS NOT NULL',
};

export function guestRegister(ctx: CoreContext, from: string, to: string): GuestRegister {
  const stays = ctx.db.prepare(REGISTER_STATEMENTS.staysArriving).all(from, to) as StayLine[];
  const partyOf = ctx.db.prepare(REGISTER_STATEMENTS.partyOfStay);
  const guestOf = ctx.db.prepare(REGISTER_STATEMENTS.guestLine);
  const guests = new Map<string, GuestLine | undefined>();
  const heldOf = ctx.db.prepare(REGISTER_STATEMENTS.heldOfGuest).pluck();
  const guest = (id: string) => {
    if (!guests.has(id)) guests.set(id, withHeldFields(guestOf.get(id) as GuestLine | undefined, heldOf));
    return guests.get(id);
  };
  const rows: RegisterRow[] = [];
  for (const stay of stays) {
    const members = (partyOf.pluck().all(stay.id) as string[]).filter((id) => id !== stay.guest_id);
    const people: Array<[string, 'lead' | 'party']> = [
      [stay.guest_id, 'lead'],
      ...[...new Set(members)].map((id): [string, 'party'] => [id, 'party']),
    ];
    for (const [guestId, role] of people) {
      const line = guest(guestId);
      if (line) rows.push(registerRow(stay, line, role));
    }
  }
  return { from, to, stays: stays.length, rows };
}

/**
 * A guest erased on request keeps their register fields aside until the hold ends: the register shows them,
 * as the law asks, though the card and the search no longer do. Only the register's own columns are taken.
 */
function withHeldFields(line: GuestLine | undefined, heldOf: Statement): GuestLine | undefined {
  // Only an erased guest has a blank family name (a name is required on every card).
  if (line === undefined || line.family_name !== '') return line;
  const held = heldOf.get(line.id) as string | undefined;
  if (!held) return line;
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(held) as Record<string, unknown>;
  } catch {
    return line;
  }
  const merged: GuestLine = { ...line };
  for (const column of REGISTER_COLUMNS) {
    const value = fields[column];
    if (typeof value === 'string') merged[column] = value;
  }
  return merged;
}

const REGISTER_COLUMNS = [
  'family_name',
  'given_name',
  'phones',
  'postal_code',
  'address',
  'nationality',
  'passport_number',
] as const satisfies ReadonlyArray<keyof GuestLine>;

function registerRow(stay: StayLine, guest: GuestLine, role: 'lead' | 'party'): RegisterRow {
  const phones = JSON.parse(guest.phones) as Array<{ number: string }>;
  const phone = phones[0]?.number ?? '';
  const abroad = guest.nationality !== '' || guest.passport_number !== '';
  const gaps: RegisterRow['gaps'] = [];
  if (guest.address === '') gaps.push('address');
  if (phone === '') gaps.push('phone');
  if (abroad && guest.nationality === '') gaps.push('nationality');
  if (abroad && guest.passport_number === '') gaps.push('passportNumber');
  return {
    stayId: stay.id,
    guestId: guest.id,
    role,
    familyName: guest.family_name,
    givenName: guest.given_name,
    familyReading: guest.family_reading,
    givenReading: guest.given_reading,
    postalCode: guest.postal_code,
    address: guest.address,
    phone,
    arrivalDate: stay.arrival_date,
    departureDate: stay.departure_date,
    rooms: JSON.parse(stay.rooms) as string[],
    adults: stay.adults,
    children: stay.children,
    status: stay.status as StayStatus,
    abroad,
    nationality: guest.nationality,
    passportNumber: guest.passport_number,
    gaps,
  };
}
