import { packId, unpackRow } from '../../../db/stored-form.ts';
import type { Severity } from '../../../shared/contract/allergies.ts';
import { MEALS, type Served } from '../../../shared/contract/kitchen.ts';
import type { GuestService } from '../../../shared/contract/service.ts';
import { VISITED_STATUSES } from '../../../shared/contract/stays.ts';
import { currentAllergies } from '../allergies/rows.ts';
import type { CoreContext } from '../context.ts';
import { assertGuestExists } from '../guests/card.ts';
import { dishAllergySeverities } from '../kitchen/dish-allergies.ts';
import type { ServingRow } from '../kitchen/history-cache.ts';
import { type Catalogue, loadCatalogue } from '../kitchen/warnings.ts';
import { requestsOfGuest } from '../requests/rows.ts';
import { loadStaysAt } from '../stays/rows.ts';

// The service side of a guest card, the busiest read of the front desk (target ≤5 ms at 5M stays and
// 20M served rows). A guest has a handful of stays and a few dozen servings, so every statement starts
// from the guest's id on an index (stays_guest, stay_party_guest, served_stay, allergies_guest,
// requests_open and requests_guest) and the grouping is done here, on those few rows.

const STAYS_SHOWN = 20;
const HANDLED_REQUESTS_SHOWN = 10;
const DISHES_SHOWN = 50;

/**
 * The guest's stays as lead or in the party (light columns: the shown ones are loaded in full, by the rowid
 * this read hands over: stays/rows.ts, loadStaysAt).
 */
const STAYS_OF_GUEST = `
  SELECT rowid AS row_key, id, guest_id, arrival_date, departure_date, status, amount_yen, created_at
    FROM stays WHERE guest_id = @id AND deleted_at IS NULL
  UNION ALL
  SELECT s.rowid, s.id, s.guest_id, s.arrival_date, s.departure_date, s.status, s.amount_yen, s.created_at
    FROM stay_party p JOIN stays s ON s.id = p.stay_id
   WHERE p.guest_id = @id AND p.deleted_at IS NULL AND s.deleted_at IS NULL`;

/**
 * The full servings of the one stay shown as "served last time". The dishes' names (and allergens) come from the
 * catalogue kept between calls (kitchen/catalogue-cache.ts), not from a join or a read of their own.
 */
const SERVED_ON_STAY = `
  SELECT id, stay_id, date, meal, dish_id, course_id, reaction, note, retracted_at, created_at
    FROM served WHERE stay_id = ? AND retracted_at IS NULL`;

/** The statements of this file, for the query-plan test. */
export const GUEST_SERVICE_STATEMENTS = { STAYS_OF_GUEST, SERVED_ON_STAY };

type StayBrief = {
  row_key: number;
  id: string;
  guest_id: string;
  arrival_date: string;
  departure_date: string;
  status: string;
  amount_yen: number;
  created_at: string;
};

/** A serving as the dish history needs it. */
type Serving = ServingRow;

type ServedBrief = {
  id: string;
  stay_id: string;
  date: string;
  meal: string;
  dish_id: string;
  course_id: string | null;
  reaction: string | null;
  note: string;
  retracted_at: string | null;
  created_at: string;
};

const latestFirst = (a: { arrival_date: string; created_at: string; id: string }, b: typeof a) =>
  b.arrival_date.localeCompare(a.arrival_date) || b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id);

// Within a day: breakfast, lunch, dinner, then a banquet (the order they happen in).
const MEAL_TIME: Record<string, number> = { breakfast: 0, lunch: 1, dinner: 2, banquet: 3 };
const chronological = (a: ServedBrief, b: ServedBrief) =>
  a.date.localeCompare(b.date) ||
  (MEAL_TIME[a.meal] ?? MEALS.length) - (MEAL_TIME[b.meal] ?? MEALS.length) ||
  a.created_at.localeCompare(b.created_at);

function toServed(row: ServedBrief, dishName: string, allergySeverity: Served['allergySeverity']): Served {
  return {
    id: row.id,
    stayId: row.stay_id,
    date: row.date,
    meal: row.meal as Served['meal'],
    dishId: row.dish_id,
    dishName,
    courseId: row.course_id,
    reaction: row.reaction as Served['reaction'],
    note: row.note,
    retractedAt: row.retracted_at,
    allergySeverity,
  };
}

function visitsOf(guestId: string, stays: readonly StayBrief[]): GuestService['visits'] {
  const visited = stays.filter((stay) => VISITED_STATUSES.includes(stay.status as never));
  const dates = visited.map((stay) => stay.arrival_date).sort();
  return {
    count: visited.length,
    firstVisit: dates[0] ?? null,
    lastVisit: dates.at(-1) ?? null,
    totalSpendYen: visited.filter((s) => s.guest_id === guestId).reduce((sum, s) => sum + s.amount_yen, 0),
  };
}

/** The nearest stay not yet over (booked or in house): where a new request goes by default. */
function currentStayOf(stays: readonly StayBrief[], today: string): string | null {
  const open = stays
    .filter((s) => (s.status === 'booked' || s.status === 'in_house') && s.departure_date >= today)
    .sort((a, b) => a.arrival_date.localeCompare(b.arrival_date) || a.created_at.localeCompare(b.created_at));
  return open[0]?.id ?? null;
}

// Latest first: by date, then the later meal of the day.
const latestServingFirst = (a: Serving, b: Serving) =>
  b.date.localeCompare(a.date) ||
  (MEAL_TIME[b.meal] ?? MEALS.length) - (MEAL_TIME[a.meal] ?? MEALS.length) ||
  a.dishId.localeCompare(b.dishId);

function dishHistoryOf(
  served: Serving[],
  dishes: Catalogue['byId'],
  severities: ReadonlyMap<string, Severity>,
): GuestService['dishHistory'] {
  const history = new Map<string, GuestService['dishHistory'][number]>();
  for (const row of served.sort(latestServingFirst)) {
    let dish = history.get(row.dishId);
    if (!dish) {
      dish = {
        dishId: row.dishId,
        dishName: dishes.get(row.dishId)?.name ?? '',
        lastDate: row.date,
        times: 0,
        reactions: [],
        allergySeverity: severities.get(row.dishId) ?? null,
      };
      history.set(row.dishId, dish);
    }
    dish.times++;
    if (row.reaction) dish.reactions.push(row.reaction as never);
  }
  // Insertion order is by each dish's latest serving: latest first already.
  return [...history.values()].slice(0, DISHES_SHOWN);
}

export function loadGuestService(ctx: CoreContext, guestId: string): GuestService {
  assertGuestExists(ctx, guestId);
  const today = ctx.today();
  const seen = new Set<string>();
  const stays = (ctx.run.prepare(STAYS_OF_GUEST).all({ id: guestId }) as StayBrief[])
    .filter((stay) => !seen.has(stay.id) && seen.add(stay.id))
    .sort(latestFirst);

  // A regular's servings over the years, kept between calls (kitchen/history-cache.ts) as the arrivals keep them.
  const served: Serving[] = [...ctx.histories.servingsByStay(stays.map((s) => s.id).sort(), []).values()].flat();
  const servedStays = new Set(served.map((row) => row.stayId));
  const lastServedStay = stays.find((stay) => servedStays.has(stay.id));
  const allergies = currentAllergies(ctx, [guestId], today);
  const dishes = loadCatalogue(ctx).byId;
  // The card is the guest's: their own allergies flag the dishes they were served.
  const severities = dishAllergySeverities(
    ctx,
    allergies,
    served.map((row) => row.dishId),
  );

  return {
    guestId,
    visits: visitsOf(guestId, stays),
    stays: loadStaysAt(
      ctx,
      stays.slice(0, STAYS_SHOWN).map((s) => s.row_key),
    ),
    currentStayId: currentStayOf(stays, today),
    allergies,
    requests: requestsOfGuest(
      ctx,
      guestId,
      HANDLED_REQUESTS_SHOWN,
      new Map(stays.map((stay) => [stay.id, stay.arrival_date])),
    ),
    lastServed: lastServedStay
      ? {
          stayId: lastServedStay.id,
          arrivalDate: lastServedStay.arrival_date,
          served: (ctx.run.prepare(SERVED_ON_STAY).all(packId(lastServedStay.id)) as ServedBrief[])
            .map((row) => unpackRow('served', row))
            // A serving whose dish this PC does not hold is not shown (one whose dish is withdrawn is).
            .filter((row) => dishes.has(row.dish_id))
            .sort(chronological)
            .map((row) => toServed(row, dishes.get(row.dish_id)?.name ?? '', severities.get(row.dish_id) ?? null)),
        }
      : null,
    dishHistory: dishHistoryOf(served, dishes, severities),
  };
}
