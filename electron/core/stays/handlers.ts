import { CallFailure } from '../../../shared/contract/result.ts';
import { MAX_STAY_NIGHTS } from '../../../shared/contract/stays.ts';
import { daysBetween } from '../../../shared/text/dates.ts';
import { derivedId } from '../changes/derived-id.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { assertRoomsFree, occupiesRooms } from './rooms.ts';
import { findStayRow, loadStays, withVersions } from './rows.ts';
import { checkGuests, checkParty, checkStaff, stayColumns } from './validation.ts';

type StayCalls = 'stays.create' | 'stays.update' | 'stays.get';

type PartyRow = { id: string; guest_id: string; deleted_at: string | null };

/**
 * Makes the stay's party exactly `partyIds`: each new member gets a row, each removed one a tombstone. A
 * guest's place in a party has an id derived from the stay and the guest, so two PCs adding the same guest
 * make one row, and adding someone again brings their row back.
 */
function writeParty(ctx: CoreContext, session: WriteSession, stayId: string, partyIds: readonly string[]): void {
  const rows = ctx.run
    .prepare('SELECT id, guest_id, deleted_at FROM stay_party WHERE stay_id = ?')
    .all(stayId) as PartyRow[];
  const now = session.now();
  const wanted = new Set(partyIds);
  for (const row of rows) {
    if (!wanted.has(row.guest_id) && row.deleted_at === null)
      session.writeRow('stay_party', row.id, { deleted_at: now });
  }
  const present = new Set(rows.filter((row) => row.deleted_at === null).map((row) => row.guest_id));
  for (const guestId of partyIds) {
    if (present.has(guestId)) continue;
    const id = derivedId('stay_party', stayId, guestId);
    if (rows.some((row) => row.id === id)) session.writeRow('stay_party', id, { deleted_at: null });
    else session.writeRow('stay_party', id, { stay_id: stayId, guest_id: guestId, created_at: now });
  }
}

function currentParty(ctx: CoreContext, stayId: string): string[] {
  const rows = ctx.run
    .prepare('SELECT guest_id FROM stay_party WHERE stay_id = ? AND deleted_at IS NULL')
    .all(stayId) as Array<{ guest_id: string }>;
  return rows.map((row) => row.guest_id);
}

function loadStay(ctx: CoreContext, id: string) {
  const [stay] = withVersions(ctx, loadStays(ctx, [id]));
  if (!stay) throw new CallFailure('not_found', 'stay_not_found');
  return stay;
}

export function stayHandlers(ctx: CoreContext): Handlers<StayCalls> {
  return {
    'stays.create': ({ fields }, actor) => {
      const partyIds = fields.partyIds ?? [];
      checkParty(fields.guestId, partyIds);
      checkGuests(ctx, [fields.guestId, ...partyIds]);
      checkStaff(ctx, fields.staffId);
      const id = ctx.newId();
      actor.write((session) => {
        // Inside the write: the write lock is held, so no other writer books the room in between.
        assertRoomsFree(ctx, {
          id: null,
          rooms: fields.rooms,
          arrivalDate: fields.arrivalDate,
          departureDate: fields.departureDate,
          status: fields.status ?? 'booked',
          sharedRoom: fields.sharedRoom ?? false,
        });
        const now = session.now();
        session.writeRow('stays', id, {
          // Without a count, everyone named is taken for an adult.
          adults: Math.max(1, 1 + partyIds.length - (fields.children ?? 0)),
          children: 0,
          plan: '',
          purpose: null,
          channel: null,
          reservation_no: '',
          amount_yen: 0,
          staff_id: null,
          status: 'booked',
          note: '',
          ...stayColumns(fields),
          created_at: now,
          updated_at: now,
        });
        writeParty(ctx, session, id, partyIds);
      });
      return loadStay(ctx, id);
    },

    'stays.update': ({ id, patch, version }, actor) => {
      const row = findStayRow(ctx, id);
      const arrival = patch.arrivalDate ?? row.arrival_date;
      const departure = patch.departureDate ?? row.departure_date;
      if (departure < arrival) {
        throw new CallFailure('invalid_input', undefined, [
          { path: 'patch.departureDate', code: 'departure_before_arrival' },
        ]);
      }
      if (daysBetween(arrival, departure) > MAX_STAY_NIGHTS) {
        throw new CallFailure('invalid_input', undefined, [
          { path: 'patch.departureDate', code: 'stay_too_long', params: { nights: String(MAX_STAY_NIGHTS) } },
        ]);
      }
      const leadId = patch.guestId ?? row.guest_id;
      checkParty(leadId, patch.partyIds ?? currentParty(ctx, id));
      checkGuests(ctx, [...(patch.guestId ? [patch.guestId] : []), ...(patch.partyIds ?? [])]);
      checkStaff(ctx, patch.staffId);
      actor.write((session) => {
        // The stay as it would be after a patch that changes where, when, whether it shares its rooms, or
        // makes it occupy them again (a cancelled stay booked again). A note, or the check-in, of a stay that
        // already clashes (the clash came from another PC) is not refused: the arrivals page shows that clash.
        const moves =
          ['rooms', 'arrivalDate', 'departureDate', 'sharedRoom'].some((field) => field in patch) ||
          (patch.status !== undefined && occupiesRooms(patch.status) && !occupiesRooms(row.status));
        if (moves)
          assertRoomsFree(ctx, {
            id,
            rooms: patch.rooms ?? (JSON.parse(row.rooms) as string[]),
            arrivalDate: arrival,
            departureDate: departure,
            status: patch.status ?? row.status,
            sharedRoom: patch.sharedRoom ?? row.shared_room === 1,
          });
        // A field changed since the form read `version` refuses the edit with both values (edited_since). The
        // party is its own rows, written without that check: the stay's version does not cover them.
        session.writeRow('stays', id, { ...stayColumns(patch), updated_at: session.now() }, { basedOn: version });
        if (patch.partyIds) writeParty(ctx, session, id, patch.partyIds);
      });
      return loadStay(ctx, id);
    },

    'stays.get': ({ id }) => {
      findStayRow(ctx, id);
      return loadStay(ctx, id);
    },
  };
}
