import type { Arrival, Arrivals } from '../../../shared/contract/arrivals.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { CELEBRATION_PURPOSES, type Stay, VISITED_STATUSES } from '../../../shared/contract/stays.ts';
import { addDays, anniversaryWithin } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';
import { loadWarningFacts, menusOfStays } from '../kitchen/menus.ts';
import { guestName, type PartyHistory } from '../kitchen/party-history.ts';
import { dishesToAvoid } from '../kitchen/warnings.ts';
import { ranksOf } from '../ranks/rank-of.ts';
import { openRequests } from '../requests/rows.ts';
import { occupiesRooms, occupyingStays, roomClashFinder } from '../stays/rooms.ts';
import { loadStaysAndBirthdays } from '../stays/rows.ts';
import type { ArrivalSources, KeptArrival } from './arrival-cache.ts';

// Today's arrivals (本日の到着) with every alert, for any date. A 100-room day must answer in well under
// a frame at millions of stays, so nothing is loaded per stay: the day's stays, their parties, allergies,
// requests, birthdays, earlier stays, servings and menus are each one query over every id of the day
// (ids as one JSON parameter, each an index lookup); the dish catalogue is read once and matched in memory.

const ARRIVING = `
  SELECT id, rooms FROM stays WHERE arrival_date = ? AND deleted_at IS NULL AND status <> 'cancelled'`;

/** The statements of this file, for the query-plan test. */
export const ARRIVAL_STATEMENTS = { ARRIVING };

// Rooms are names as much as numbers ('2', '10', '梅の間'): '2' comes before '10'.
const roomOrder = new Intl.Collator('ja', { numeric: true });

type Celebration = Arrival['celebrations'][number];

function celebrationsOf(stay: Stay, birthdays: Map<string, string>): Celebration[] {
  const lead = stay.party[0];
  const found: Celebration[] = [];
  if (stay.purpose && CELEBRATION_PURPOSES.has(stay.purpose)) {
    found.push({
      kind: 'purpose',
      purpose: stay.purpose,
      guestId: null,
      guestName: lead ? guestName(lead) : '',
      date: null,
    });
  }
  for (const member of stay.party) {
    const birthday = birthdays.get(member.guestId);
    const date = birthday ? anniversaryWithin(birthday, stay.arrivalDate, stay.departureDate) : null;
    if (date)
      found.push({ kind: 'birthday', purpose: null, guestId: member.guestId, guestName: guestName(member), date });
  }
  return found;
}

const VISITED: ReadonlySet<string> = new Set(VISITED_STATUSES);

/** Earlier visits of the lead: stays they came to (as lead or companion) before this one. */
function visitsOf(stay: Stay, history: PartyHistory) {
  let visitCount = 0;
  let lastVisit: string | null = null;
  for (const s of history.staysOf.get(stay.guestId) ?? []) {
    if (s.stayId === stay.id || !VISITED.has(s.status) || s.arrivalDate >= stay.arrivalDate) continue;
    visitCount += 1;
    if (lastVisit === null || s.arrivalDate > lastVisit) lastVisit = s.arrivalDate;
  }
  return { visitCount, lastVisit };
}

export function loadArrivals(ctx: CoreContext, date: string, stayId?: string): Arrivals {
  let arriving = ctx.run.prepare(ARRIVING).all(date) as Array<{ id: string; rooms: string }>;
  if (stayId) {
    arriving = arriving.filter((row) => row.id === stayId);
    if (arriving.length === 0) throw new CallFailure('not_found', 'stay_not_found');
  }
  const firstRoom = new Map(arriving.map((row) => [row.id, (JSON.parse(row.rooms) as string[])[0] ?? '']));
  const ids = arriving
    .map((row) => row.id)
    .sort((a, b) => roomOrder.compare(firstRoom.get(a) ?? '', firstRoom.get(b) ?? '') || a.localeCompare(b));

  // Each party's history-made part, kept between calls (arrival-cache.ts); only parties a write touched since
  // are worked out again.
  const today = ctx.today();
  const { kept, missing } = ctx.arrivals.lookup(date, today, ids);
  for (const [id, entry] of workOut(ctx, date, missing)) {
    kept.set(id, entry.kept);
    ctx.arrivals.keep(date, today, id, entry.kept, entry.sources);
  }
  const entries = ids.flatMap((id) => kept.get(id) ?? []);

  // Read fresh on every call: open requests, ranks, and who else is in a room tonight (one read of the stays
  // occupying the night, matched in memory).
  const guestIds = [...new Set(entries.flatMap(({ stay }) => stay.party.map((member) => member.guestId)))];
  const requests = openRequests(ctx, { stayIds: ids, guestIds });
  const tonight = { arrivalDate: date, departureDate: addDays(date, 1) };
  const clashesOf = roomClashFinder(occupyingStays(ctx, tonight.arrivalDate, tonight.departureDate));
  const ranks = ranksOf(
    ctx,
    entries.map(({ stay }) => stay.guestId),
  );
  const totals = { parties: 0, adults: 0, children: 0, anaphylaxis: 0 };
  const arrivals = entries.map((entry): Arrival => {
    const { stay } = entry;
    const party = new Set(stay.party.map((member) => member.guestId));
    totals.parties += 1;
    totals.adults += stay.adults;
    totals.children += stay.children;
    totals.anaphylaxis += new Set(
      entry.allergies.filter((a) => a.severity === 'anaphylaxis').map((a) => a.guestId),
    ).size;
    return {
      ...entry,
      rank: ranks.get(stay.guestId) ?? null,
      requests: requests.filter((r) => r.stayId === stay.id || (r.standing && party.has(r.guestId))),
      roomClashes: occupiesRooms(stay.status)
        ? clashesOf({
            id: stay.id,
            rooms: stay.rooms,
            // A day use holds its room that day, not the night (stays/rooms.ts).
            ...(stay.departureDate === stay.arrivalDate ? { arrivalDate: date, departureDate: date } : tonight),
          })
        : [],
    };
  });
  return { date, arrivals, totals };
}

/**
 * The history-made part of each of these stays' entries (the stay, visits, allergies, celebrations, dishes to
 * avoid, planned menus with their warnings), with what each was made from.
 */
function workOut(
  ctx: CoreContext,
  date: string,
  ids: readonly string[],
): Map<string, { kept: KeptArrival; sources: ArrivalSources }> {
  const worked = new Map<string, { kept: KeptArrival; sources: ArrivalSources }>();
  if (ids.length === 0) return worked;
  // Everyone's birthday comes with the party's names: one look-up of each guest, not two.
  const { stays, birthdays } = loadStaysAndBirthdays(ctx, ids);
  const facts = loadWarningFacts(ctx, stays, date);
  // Alternatives are for the cook facing an allergen on the day; swapping a repeated dish is the planner's job.
  const menus = menusOfStays(ctx, ids, facts, { alternatives: 'allergens' });
  for (const stay of stays) {
    const history = facts.histories.get(stay.id) as PartyHistory;
    const planned = (menus.get(stay.id) ?? []).filter((menu) => menu.status === 'planned');
    const avoid = dishesToAvoid(
      facts.catalogue,
      history,
      stay.arrivalDate,
      facts.repeatYears,
      new Set(planned.flatMap((menu) => menu.dishIds)),
    );
    const historyStays = new Set([stay.id]);
    for (const own of history.staysOf.values()) for (const s of own) historyStays.add(s.stayId);
    worked.set(stay.id, {
      kept: {
        stay,
        ...visitsOf(stay, history),
        allergies: history.allergies,
        celebrations: celebrationsOf(stay, birthdays),
        dishesToAvoid: avoid.dishes,
        moreDishesToAvoid: avoid.more,
        menus: planned,
      },
      sources: { guests: [...new Set(stay.party.map((member) => member.guestId))], stays: [...historyStays] },
    });
  }
  return worked;
}
