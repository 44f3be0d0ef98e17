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
const OPEN_OF_GUEST = `${OPEN_VIEW} WHERE r.guest_id = ? AND r.status = 'open'`;
const HANDLED_OF_GUEST = `${VIEW} WHERE r.guest_id = ? AND r.status <> 'open' ORDER BY r.handled_at DESC, r.id DESC LIMIT ?`;

/** The statements of this file, for the query-plan test. */
export const REQUEST_STATEMENTS = {
  REQUEST_BY_ID,
  OPEN_OF_STAYS,
  OPEN_STANDING_OF_GUESTS,
  OPEN_OF_GUEST,
  HANDLED_OF_GUEST,
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
export function requestsOfGuest(ctx: CoreContext, guestId: string, handledLimit: number): GuestRequest[] {
  const open = (ctx.run.prepare(OPEN_OF_GUEST).all(guestId) as RequestViewRow[]).map(toRequest);
  const ofStay = open
    .filter((r) => !r.standing)
    .sort((a, b) => (b.stayArrivalDate ?? '').localeCompare(a.stayArrivalDate ?? '') || byTaken(a, b));
  const standing = open.filter((r) => r.standing).sort(byTaken);
  const handled = (ctx.run.prepare(HANDLED_OF_GUEST).all(guestId, handledLimit) as RequestViewRow[]).map(toRequest);
  return [...ofStay, ...standing, ...handled];
}
