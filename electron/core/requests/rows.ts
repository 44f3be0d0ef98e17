import type { RequestRow } from '../../../db/schema.ts';
import type { GuestRequest } from '../../../shared/contract/requests.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext } from '../context.ts';

// Requests as the contract shows them: with the date of the stay they were taken for and the names of
// who took and who handled them.

export type RequestViewRow = RequestRow & {
  stay_arrival_date: string | null;
  taken_by_name: string | null;
  handled_by_name: string | null;
};

const view = (requests: string) => `
  SELECT r.*, s.arrival_date AS stay_arrival_date, ts.name AS taken_by_name, hs.name AS handled_by_name
    FROM ${requests}
    LEFT JOIN stays s ON s.id = r.stay_id
    LEFT JOIN staff ts ON ts.id = r.taken_by
    LEFT JOIN staff hs ON hs.id = r.handled_by`;
const VIEW = view('requests r');
// A guest's open requests through the index of the open ones alone (db/migrations/0016-open-requests.ts).
const OPEN_VIEW = view('requests r INDEXED BY requests_open');

const REQUEST_BY_ID = `${VIEW} WHERE r.id = ?`;
const OPEN_OF_STAYS = `${VIEW} WHERE r.stay_id IN (SELECT value FROM json_each(?)) AND r.status = 'open'`;
const OPEN_STANDING_OF_GUESTS = `${OPEN_VIEW}
   WHERE r.guest_id IN (SELECT value FROM json_each(?)) AND r.standing = 1 AND r.status = 'open'`;
// A guest's requests without their stays' dates: the guest card already holds its guest's stays, and a join
// would look each request's stay up in the stays' primary key, a page per request on a regular's card.
const ofGuest = (requests: string) => `
  SELECT r.*, ts.name AS taken_by_name, hs.name AS handled_by_name
    FROM ${requests}
    LEFT JOIN staff ts ON ts.id = r.taken_by
    LEFT JOIN staff hs ON hs.id = r.handled_by
   WHERE r.guest_id = ?`;
const OPEN_OF_GUEST = `${ofGuest('requests r INDEXED BY requests_open')} AND r.status = 'open'`;
const HANDLED_OF_GUEST = `${ofGuest('requests r')} AND r.status <> 'open' ORDER BY r.handled_at DESC, r.id DESC LIMIT ?`;
const STAY_DATES = 'SELECT id, arrival_date FROM stays WHERE id IN (SELECT value FROM json_each(?))';

/** The statements of this file, for the query-plan test. */
export const REQUEST_STATEMENTS = {
  REQUEST_BY_ID,
  OPEN_OF_STAYS,
  OPEN_STANDING_OF_GUESTS,
  OPEN_OF_GUEST,
  HANDLED_OF_GUEST,
  STAY_DATES,
};

export function toRequest(row: RequestViewRow): GuestRequest {
  return {
    id: row.id,
    guestId: row.guest_id,
    stayId: row.stay_id,
    stayArrivalDate: row.stay_arrival_date,
    standing: row.standing === 1,
    category: row.category as GuestRequest['category'],
    text: row.text,
    status: row.status as GuestRequest['status'],
    takenAt: row.created_at,
    takenBy: row.taken_by,
    takenByName: row.taken_by_name,
    handledAt: row.handled_at,
    handledBy: row.handled_by,
    handledByName: row.handled_by_name,
  };
}

export function findRequestRow(ctx: CoreContext, id: string): RequestViewRow {
  const row = ctx.run.prepare(REQUEST_BY_ID).get(id) as RequestViewRow | undefined;
  if (!row) throw new CallFailure('not_found', 'request_not_found');
  return row;
}

const byTaken = (a: GuestRequest, b: GuestRequest) => a.takenAt.localeCompare(b.takenAt) || a.id.localeCompare(b.id);

/** Open requests of those stays, then open standing requests of those guests (each once), oldest first. */
export function openRequests(
  ctx: CoreContext,
  scope: { stayIds: readonly string[]; guestIds: readonly string[] },
): GuestRequest[] {
  const found = new Map<string, GuestRequest>();
  const add = (rows: RequestViewRow[]) => {
    for (const row of rows) found.set(row.id, toRequest(row));
  };
  if (scope.stayIds.length > 0) add(ctx.run.prepare(OPEN_OF_STAYS).all(JSON.stringify(scope.stayIds)) as never);
  if (scope.guestIds.length > 0) {
    add(ctx.run.prepare(OPEN_STANDING_OF_GUESTS).all(JSON.stringify(scope.guestIds)) as never);
  }
  const all = [...found.values()];
  return [...all.filter((r) => !r.standing).sort(byTaken), ...all.filter((r) => r.standing).sort(byTaken)];
}

/**
 * A guest's requests: open ones first (those of a stay, the latest stay first, then the standing ones),
 * then the latest `handledLimit` handled ones.
 */
export function requestsOfGuest(
  ctx: CoreContext,
  guestId: string,
  handledLimit: number,
  /** Arrival dates of stays the caller holds already, by stay id (the guest card's); the others are read. */
  knownStays: ReadonlyMap<string, string> = new Map(),
): GuestRequest[] {
  const openRows = ctx.run.prepare(OPEN_OF_GUEST).all(guestId) as RequestViewRow[];
  const handledRows = ctx.run.prepare(HANDLED_OF_GUEST).all(guestId, handledLimit) as RequestViewRow[];
  const arrivals = stayArrivals(ctx, [...openRows, ...handledRows], knownStays);
  const withStay = (row: RequestViewRow) =>
    toRequest({ ...row, stay_arrival_date: row.stay_id === null ? null : (arrivals.get(row.stay_id) ?? null) });
  const open = openRows.map(withStay);
  const ofStay = open
    .filter((r) => !r.standing)
    .sort((a, b) => (b.stayArrivalDate ?? '').localeCompare(a.stayArrivalDate ?? '') || byTaken(a, b));
  const standing = open.filter((r) => r.standing).sort(byTaken);
  return [...ofStay, ...standing, ...handledRows.map(withStay)];
}

/** The arrival date of each request's stay: from `known`, the rest in one statement. */
function stayArrivals(
  ctx: CoreContext,
  rows: readonly RequestViewRow[],
  known: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  const missing = [
    ...new Set(rows.flatMap((row) => (row.stay_id === null || known.has(row.stay_id) ? [] : [row.stay_id]))),
  ];
  if (missing.length === 0) return known;
  const found = new Map(known);
  const read = ctx.run.prepare(STAY_DATES).all(JSON.stringify(missing)) as Array<{ id: string; arrival_date: string }>;
  for (const stay of read) found.set(stay.id, stay.arrival_date);
  return found;
}
