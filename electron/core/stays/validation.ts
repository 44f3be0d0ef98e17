import { CallFailure } from '../../../shared/contract/result.ts';
import type { StayFieldsInput } from '../../../shared/contract/stays.ts';
import type { CoreContext } from '../context.ts';

// What a stay may name: guests that exist and are not deleted, a party without its lead, a staff member.

type StayFields = Partial<Omit<StayFieldsInput, 'arrivalDate' | 'departureDate'>> & {
  arrivalDate?: string;
  departureDate?: string;
};

/** Every guest named (the lead, the party) exists, is not deleted and was not erased (guests/card.ts, usableGuestRow). */
export function checkGuests(ctx: CoreContext, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const rows = ctx.run
    .prepare('SELECT id, deleted_at FROM guests WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ id: string; deleted_at: string | null }>;
  const found = new Map(rows.map((row) => [row.id, row.deleted_at]));
  if (ids.some((id) => !found.has(id))) throw new CallFailure('not_found', 'guest_not_found');
  if (ids.some((id) => found.get(id) !== null)) throw new CallFailure('conflict', 'guest_deleted');
  const erased = ctx.run
    .prepare('SELECT 1 FROM erasures WHERE guest_id IN (SELECT value FROM json_each(?)) LIMIT 1')
    .get(JSON.stringify(ids));
  if (erased) throw new CallFailure('conflict', 'guest_erased');
}

export function checkStaff(ctx: CoreContext, staffId: string | null | undefined): void {
  if (!staffId) return;
  const row = ctx.run.prepare('SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL').get(staffId);
  if (!row) throw new CallFailure('not_found', 'staff_not_found');
}

export function checkParty(leadId: string, partyIds: readonly string[]): void {
  if (partyIds.includes(leadId)) throw new CallFailure('invalid_input', 'party_includes_lead');
}

/** Contract fields → columns (partyIds live in stay_party, not here). */
export function stayColumns(fields: StayFields): Record<string, unknown> {
  const map: Record<string, string> = {
    guestId: 'guest_id',
    arrivalDate: 'arrival_date',
    departureDate: 'departure_date',
    rooms: 'rooms',
    adults: 'adults',
    children: 'children',
    plan: 'plan',
    purpose: 'purpose',
    channel: 'channel',
    reservationNo: 'reservation_no',
    amountYen: 'amount_yen',
    staffId: 'staff_id',
    status: 'status',
    note: 'note',
    sharedRoom: 'shared_room',
  };
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    const column = map[field];
    if (column && value !== undefined) values[column] = value;
  }
  return values;
}
