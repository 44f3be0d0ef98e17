import type { StayRow } from '../../../db/schema.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { EditableStay, PartyMember, Stay } from '../../../shared/contract/stays.ts';
import { daysBetween } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';

// Stays as the contract shows them, loaded in batches: one query for the stays (with the lead's name
// and the staff member's), one for every party. Id lists travel as one JSON parameter (json_each), so
// each statement is prepared once whatever the number of ids, and SQLite looks each id up by key.

type StayViewRow = StayRow & {
  row_key: number;
  lead_birthday: string;
  lead_family_name: string;
  lead_given_name: string;
  lead_family_reading: string;
  lead_given_reading: string;
  staff_name: string | null;
};

type PartyViewRow = {
  stay_id: string;
  guest_id: string;
  birthday: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
};

const STAY_VIEW = `
  SELECT s.*, s.rowid AS row_key, g.birthday AS lead_birthday, g.family_name AS lead_family_name,
         g.given_name AS lead_given_name,
         g.family_reading AS lead_family_reading, g.given_reading AS lead_given_reading, st.name AS staff_name
    FROM stays s
    JOIN guests g ON g.id = s.guest_id
    LEFT JOIN staff st ON st.id = s.staff_id`;

const STAYS_BY_ID = `${STAY_VIEW}
   WHERE s.id IN (SELECT value FROM json_each(?))`;

// A guest card finds its stays through the guest (stays_guest), which gives each row's rowid. Reading the shown
// ones again by rowid goes straight to the table pages that search just read; by id, SQLite first looks each id
// up in the primary key's own index, one page per stay that is seldom cached: a regular's stays are years apart.
// At 1,000,000 guests that was about 26 of the ~175 pages a regular's card read from the disk.
const STAYS_BY_ROWID = `${STAY_VIEW}
   WHERE s.rowid IN (SELECT value FROM json_each(?))`;

const PARTIES_OF_STAYS = `
  SELECT p.stay_id, p.guest_id, g.birthday, g.family_name, g.given_name, g.family_reading, g.given_reading
    FROM stay_party p JOIN guests g ON g.id = p.guest_id
   WHERE p.stay_id IN (SELECT value FROM json_each(?)) AND p.deleted_at IS NULL
   ORDER BY p.stay_id, p.created_at, p.id`;

const PARTY_GUEST_IDS = `
  SELECT id AS stay_id, guest_id FROM stays WHERE id IN (SELECT value FROM json_each(@ids))
  UNION ALL
  SELECT stay_id, guest_id FROM stay_party
   WHERE stay_id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL`;

/** The statements of this file, for the query-plan test. */
export const STAY_STATEMENTS = { STAYS_BY_ID, STAYS_BY_ROWID, PARTIES_OF_STAYS, PARTY_GUEST_IDS };

/** A stay that exists (and is not tombstoned), or not_found. */
export function findStayRow(ctx: CoreContext, id: string): StayRow {
  const row = ctx.run.prepare('SELECT * FROM stays WHERE id = ?').get(id) as StayRow | undefined;
  if (!row || row.deleted_at) throw new CallFailure('not_found', 'stay_not_found');
  return row;
}

function member(row: PartyViewRow, lead: boolean): PartyMember {
  return {
    guestId: row.guest_id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyReading: row.family_reading,
    givenReading: row.given_reading,
    lead,
  };
}

function toStay(row: StayViewRow, companions: PartyMember[]): Stay {
  const lead = member(
    {
      stay_id: row.id,
      guest_id: row.guest_id,
      birthday: row.lead_birthday,
      family_name: row.lead_family_name,
      given_name: row.lead_given_name,
      family_reading: row.lead_family_reading,
      given_reading: row.lead_given_reading,
    },
    true,
  );
  return {
    id: row.id,
    guestId: row.guest_id,
    arrivalDate: row.arrival_date,
    departureDate: row.departure_date,
    nights: daysBetween(row.arrival_date, row.departure_date),
    rooms: JSON.parse(row.rooms),
    adults: row.adults,
    children: row.children,
    party: [lead, ...companions],
    plan: row.plan,
    purpose: row.purpose as Stay['purpose'],
    channel: row.channel as Stay['channel'],
    reservationNo: row.reservation_no,
    amountYen: row.amount_yen,
    staffId: row.staff_id,
    staffName: row.staff_name,
    status: row.status as Stay['status'],
    note: row.note,
    sharedRoom: row.shared_room === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stays with those ids, in the order of `ids` (unknown ids are left out); each party lead first. */
export function loadStays(ctx: CoreContext, ids: readonly string[]): Stay[] {
  return loadStaysAndBirthdays(ctx, ids).stays;
}

/**
 * The stays with those ids, as loadStays gives them, and the birthday of everyone in their parties (guests
 * without one left out). The arrivals' celebrations need them: read in the joins that find the party's names,
 * not by a second look-up of each guest.
 */
export function loadStaysAndBirthdays(
  ctx: CoreContext,
  ids: readonly string[],
): { stays: Stay[]; birthdays: Map<string, string> } {
  const birthdays = new Map<string, string>();
  if (ids.length === 0) return { stays: [], birthdays };
  const rows = ctx.run.prepare(STAYS_BY_ID).all(JSON.stringify(ids)) as StayViewRow[];
  for (const row of rows) if (row.lead_birthday) birthdays.set(row.guest_id, row.lead_birthday);
  const byId = withParties(ctx, rows, birthdays);
  return { stays: ids.flatMap((id) => byId.get(id) ?? []), birthdays };
}

/** The stays at those rowids (as a read by guest found them), in the order of `rowids`; each party lead first. */
export function loadStaysAt(ctx: CoreContext, rowids: readonly number[]): Stay[] {
  if (rowids.length === 0) return [];
  const rows = ctx.run.prepare(STAYS_BY_ROWID).all(JSON.stringify(rowids)) as StayViewRow[];
  const byId = withParties(ctx, rows);
  const idAt = new Map(rows.map((row) => [row.row_key, row.id]));
  return rowids.flatMap((rowid) => byId.get(idAt.get(rowid) ?? '') ?? []);
}

/** Each stay as the contract shows it, with its party (one statement for all), by id. */
function withParties(
  ctx: CoreContext,
  rows: readonly StayViewRow[],
  birthdays?: Map<string, string>,
): Map<string, Stay> {
  const parties = new Map<string, PartyMember[]>();
  if (rows.length === 0) return new Map();
  const ids = JSON.stringify(rows.map((row) => row.id));
  for (const row of ctx.run.prepare(PARTIES_OF_STAYS).all(ids) as PartyViewRow[]) {
    if (birthdays && row.birthday) birthdays.set(row.guest_id, row.birthday);
    const list = parties.get(row.stay_id) ?? [];
    list.push(member(row, false));
    parties.set(row.stay_id, list);
  }
  return new Map(rows.map((row) => [row.id, toStay(row, parties.get(row.id) ?? [])]));
}

/** Stays as forms edit them: with the version each was read at (one statement for all, a guest card's). */
export function withVersions(ctx: CoreContext, stays: readonly Stay[]): EditableStay[] {
  const versions = ctx.changes.versionsOf(
    'stays',
    stays.map((stay) => stay.id),
  );
  return stays.map((stay) => ({ ...stay, version: versions.get(stay.id) ?? 0 }));
}

/** Everyone in each stay's party: the lead first, then the companions not removed. */
export function partyGuestIds(ctx: CoreContext, stayIds: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (stayIds.length === 0) return result;
  const rows = ctx.run.prepare(PARTY_GUEST_IDS).all({ ids: JSON.stringify(stayIds) }) as Array<{
    stay_id: string;
    guest_id: string;
  }>;
  for (const row of rows) {
    const list = result.get(row.stay_id) ?? [];
    if (!list.includes(row.guest_id)) list.push(row.guest_id);
    result.set(row.stay_id, list);
  }
  return result;
}
