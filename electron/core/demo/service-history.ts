import { addDays } from '../../../shared/text/dates.ts';
import { seasonOfDate } from '../kitchen/seasons.ts';
import { PURPOSES, ROOMS } from './service-catalogue.ts';
import { HISTORY_DAYS, type ServiceFloor } from './service-floor.ts';
import { randomRequest, writeRequest } from './service-requests.ts';
import {
  type Arrival,
  adultTier,
  courseOf,
  hasDinner,
  KINENBI,
  planFor,
  type Stay,
  serveDinner,
  WASHITSU,
  writeStay,
} from './service-stays.ts';

// Who came before, and what they were served: about 40% of the guests have one to four departed stays over
// the last three years, with their dinners and the odd request. A returning party arriving today with a
// menu planned came in the same season last year, on a course sharing some dishes with tonight's, so the
// kitchen's "served before" and "left last time" warnings have something to show.

/** Guest index → how many times they stayed before (1–4), for ~40% of the guests. */
export type PastStayCounts = ReadonlyMap<number, number>;

/** Last year's visit of a returning party arriving today: its course tier, and a dish left uneaten then. */
export type LastYearStay = { tier: number; leftDish: string | null };

export function chooseReturningGuests({ guests, draw }: ServiceFloor): PastStayCounts {
  const pastStays = new Map<number, number>();
  guests.forEach((_, index) => {
    if (draw.chance(0.4)) pastStays.set(index, draw.between(1, 4));
  });
  return pastStays;
}

/** Returning parties with a menu planned came the same season last year: the kitchen sees repeats. */
export function planLastYearStays(floor: ServiceFloor, arrivals: readonly Arrival[]): Map<number, LastYearStay> {
  const { catalogue, lastYear } = floor;
  /** Last year's tier for a returning party: the one sharing some, not all, dishes with today's course. */
  const lastYearTier = (arrival: Arrival): number => {
    const planned = courseOf(floor, arrival);
    if (!planned) return arrival.tier;
    const overlap = (tier: number) => {
      const course = catalogue.course(seasonOfDate(lastYear), tier);
      return course ? catalogue.shared(course, planned).length : 0;
    };
    const others = [0, 1, 2, 3].filter((tier) => tier !== arrival.tier && overlap(tier) > 0);
    return others.sort((a, b) => overlap(b) - overlap(a))[0] ?? arrival.tier;
  };
  const lastYearStays = new Map<number, LastYearStay>();
  for (const arrival of arrivals) {
    if (!arrival.returning || !arrival.planned) continue;
    const tier = lastYearTier(arrival);
    const planned = courseOf(floor, arrival);
    const before = catalogue.course(seasonOfDate(lastYear), tier);
    const shared = planned && before ? catalogue.shared(before, planned) : [];
    const leftDish = arrival.role === 'anaphylaxis_lead' && shared.length > 0 ? floor.draw.pick(shared) : null;
    lastYearStays.set(arrival.lead, { tier, leftDish });
  }
  return lastYearStays;
}

/** The past stays, each with the dinners served and perhaps a request taken; yields each guest's index when done. */
export function* writePastStays(
  floor: ServiceFloor,
  pastStays: PastStayCounts,
  lastYearStays: ReadonlyMap<number, LastYearStay>,
  arrivals: readonly Arrival[],
): Generator<number, void, void> {
  const { today, lastYear, stamp } = floor;
  const { chance, pick, between } = floor.draw;
  for (const [guest, stayCount] of pastStays) {
    const special = lastYearStays.get(guest);
    const dates = new Set<string>();
    if (special) dates.add(lastYear);
    while (dates.size < stayCount) dates.add(addDays(today, -between(3, HISTORY_DAYS)));
    for (const arrival of [...dates].sort()) {
      const isSpecial = special !== undefined && arrival === lastYear;
      const anniversary = isSpecial && arrivals.some((a) => a.lead === guest && a.role === 'anniversary');
      const nights = isSpecial || chance(0.8) ? 1 : 2;
      const stay: Stay = {
        lead: guest,
        party: (floor.companionsOf.get(guest) ?? []).filter(() => chance(0.6)).slice(0, 1),
        arrival,
        nights,
        status: 'departed',
        rooms: [pick(ROOMS)],
        plan: anniversary ? KINENBI : isSpecial ? WASHITSU : planFor(floor, nights),
        purpose: anniversary ? 'anniversary' : chance(0.3) ? null : pick(PURPOSES),
        tier: special && isSpecial ? special.tier : adultTier(floor),
        children: chance(0.1) ? between(1, 2) : 0,
        note: '',
      };
      const id = writeStay(floor, stay);
      if (hasDinner(stay.plan)) {
        for (let night = 0; night < stay.nights; night++) {
          const course = courseOf(floor, stay, night);
          if (course) {
            serveDinner(floor, id, addDays(arrival, night), course, isSpecial ? (special?.leftDish ?? null) : null);
          }
        }
      }
      if (chance(0.3)) {
        const request = randomRequest(floor, { returning: true, children: stay.children > 0 }, new Set());
        if (request) {
          writeRequest(floor, guest, {
            stayId: id,
            ...request,
            status: chance(0.9) ? 'done' : 'cancelled',
            takenAt: stamp(addDays(arrival, -between(1, 14)), between(9, 17)),
            handledAt: stamp(arrival, between(15, 20)),
          });
        }
      }
    }
    yield guest;
  }
}
