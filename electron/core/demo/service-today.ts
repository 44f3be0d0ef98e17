import type { StayStatus } from '../../../shared/contract/stays.ts';
import { addDays } from '../../../shared/text/dates.ts';
import { ROOMS } from './service-catalogue.ts';
import type { ServiceFloor } from './service-floor.ts';
import type { PastStayCounts } from './service-history.ts';
import { CELEBRATION_TEXTS, writeDayRequests } from './service-requests.ts';
import {
  type Arrival,
  adultTier,
  courseOf,
  hasDinner,
  KINENBI,
  planDinner,
  planFor,
  ROTENBURO,
  type Stay,
  serveDinner,
  WASHITSU,
  writeStay,
} from './service-stays.ts';

// The working day around the core's "today": parties in house since yesterday, today's arrivals and
// tomorrow's bookings, each in a free room and nobody in two rooms at once. Today's first parties bring
// every kind of alert (an anaphylaxis for the lead, one for a companion, an anniversary, a birthday), and
// get the first rooms, because the top of the arrivals list is what a visitor sees first.

/** How many parties arrive today, are in house since yesterday, and arrive tomorrow, for `count` new guests. */
export function dayCounts(count: number) {
  return {
    today: Math.min(12, Math.floor(count / 8)),
    inHouse: Math.min(3, Math.floor(count / 40)),
    tomorrow: Math.min(8, Math.floor(count / 15)),
  };
}

export type DayPlan = { arrivals: Arrival[]; inHouse: Stay[]; arrivingTomorrow: Stay[] };

/** The guests not yet given a room today or tomorrow, returning ones and new ones, and ways to take them. */
function guestPools(floor: ServiceFloor, pastStays: PastStayCounts, birthdayGuest: number | null) {
  const { draw, companionsOf } = floor;
  const busy = new Set<number>(birthdayGuest === null ? [] : [birthdayGuest]);
  const returningPool = draw.shuffle([...pastStays.keys()]);
  const newPool = draw.shuffle(floor.guests.map((_, index) => index).filter((index) => !pastStays.has(index)));
  /** The next guest of the pool who is free (and fits), now busy. */
  const take = (pool: number[], fits: (index: number) => boolean = () => true): number | null => {
    const at = pool.findLastIndex((index) => !busy.has(index) && fits(index));
    if (at < 0) return null;
    const [index] = pool.splice(at, 1) as [number];
    busy.add(index);
    return index;
  };
  return {
    returningPool,
    newPool,
    take,
    hasFreeCompanion: (index: number) => (companionsOf.get(index) ?? []).some((other) => !busy.has(other)),
    /** A short history keeps the first card of the list readable (every dish served before is listed). */
    fewVisits: (index: number) => (pastStays.get(index) ?? 0) <= 2,
    takeAny: (preferReturning: boolean) =>
      preferReturning ? (take(returningPool) ?? take(newPool)) : (take(newPool) ?? take(returningPool)),
    /** With chance `p`, one free companion of the lead (now busy); else nobody. */
    partyOf: (lead: number, p: number): number[] => {
      const linked = (companionsOf.get(lead) ?? []).filter((index) => !busy.has(index));
      if (linked.length === 0 || !draw.chance(p)) return [];
      const member = draw.pick(linked);
      busy.add(member);
      return [member];
    },
  };
}

/** Who is in which room today and tomorrow; nothing is written yet. */
export function planTheDay(floor: ServiceFloor, pastStays: PastStayCounts, birthdayGuest: number | null): DayPlan {
  const { draw, today, yesterday, tomorrow } = floor;
  const { chance, pick, between } = draw;
  const { returningPool, newPool, take, hasFreeCompanion, fewVisits, takeAny, partyOf } = guestPools(
    floor,
    pastStays,
    birthdayGuest,
  );

  const occupied = new Set(
    (
      floor.ctx.run
        .prepare(
          `SELECT rooms FROM stays WHERE deleted_at IS NULL AND status IN ('booked', 'in_house')
              AND departure_date > ? AND arrival_date <= ?`,
        )
        .all(yesterday, addDays(tomorrow, 2)) as Array<{ rooms: string }>
    ).flatMap((row) => JSON.parse(row.rooms) as string[]),
  );
  const freeRooms = draw.shuffle(ROOMS.filter((room) => !occupied.has(room)));
  const sizes = dayCounts(floor.guests.length);
  const everydayPurpose = () => pick(['sightseeing', 'sightseeing', 'family', 'business', null]);

  const arrivals: Arrival[] = [];
  const roles: Arrival['role'][] = ['anaphylaxis_lead', 'anaphylaxis_party', 'anniversary', 'birthday'];
  // The parties with the alerts get the first rooms: the top of the arrivals list is what a visitor sees first.
  const todayRooms = freeRooms
    .splice(Math.max(0, freeRooms.length - sizes.today))
    .sort((a, b) => Number(a) - Number(b));
  for (let k = 0; k < sizes.today && todayRooms.length > 0; k++) {
    const role = roles[k] ?? 'other';
    let lead: number | null;
    if (role === 'birthday') lead = birthdayGuest;
    else if (role === 'anaphylaxis_lead') lead = take(returningPool, fewVisits) ?? takeAny(true);
    else if (role === 'anaphylaxis_party')
      lead = take(newPool, hasFreeCompanion) ?? take(returningPool, hasFreeCompanion) ?? takeAny(false);
    else lead = takeAny(role !== 'other' || k % 2 === 0);
    if (lead === null) continue;
    const party = partyOf(lead, role === 'anaphylaxis_party' ? 1 : role === 'anniversary' ? 0.9 : 0.5);
    const nights = role === 'anniversary' ? 2 : role === 'other' && chance(0.3) ? 2 : 1;
    const plan =
      role === 'anaphylaxis_lead'
        ? ROTENBURO
        : role === 'anniversary'
          ? KINENBI
          : role === 'other'
            ? planFor(floor, nights)
            : WASHITSU;
    const dinner = hasDinner(plan);
    arrivals.push({
      role,
      lead,
      party,
      arrival: today,
      nights,
      status: 'booked',
      rooms: [todayRooms.shift() as string],
      plan,
      purpose: role === 'anniversary' ? 'anniversary' : everydayPurpose(),
      tier: role === 'anniversary' ? between(2, 3) : adultTier(floor),
      children: role === 'other' && chance(0.2) ? between(1, 2) : 0,
      note: role === 'other' && chance(0.15) ? '到着は18時頃の予定' : '',
      returning: pastStays.has(lead),
      planned: dinner && (role !== 'other' || chance(0.5)),
    });
  }

  const stayOver = (arrival: string, nights: number, status: StayStatus, count: number): Stay[] => {
    const stays: Stay[] = [];
    for (let k = 0; k < count && freeRooms.length > 0; k++) {
      const lead = takeAny(chance(0.5));
      if (lead === null) break;
      stays.push({
        lead,
        party: partyOf(lead, 0.5),
        arrival,
        nights,
        status,
        rooms: [freeRooms.pop() as string],
        plan: planFor(floor, nights),
        purpose: everydayPurpose(),
        tier: adultTier(floor),
        children: chance(0.15) ? 1 : 0,
        note: '',
      });
    }
    return stays;
  };
  const inHouse = stayOver(yesterday, 2, 'in_house', sizes.inHouse);
  const arrivingTomorrow = stayOver(tomorrow, 1, 'booked', sizes.tomorrow);
  return { arrivals, inHouse, arrivingTomorrow };
}

/** The day's stays with last night's dinner, tonight's and tomorrow's planned menus, and their requests. Yields per stay. */
export function* writeTheDay(
  floor: ServiceFloor,
  day: DayPlan,
  pastStays: PastStayCounts,
): Generator<undefined, void, void> {
  const { today, yesterday, tomorrow } = floor;
  const { chance } = floor.draw;
  for (const stay of day.inHouse) {
    const id = writeStay(floor, stay);
    const dinner = hasDinner(stay.plan);
    const served = courseOf(floor, stay);
    if (dinner && served) serveDinner(floor, id, yesterday, served);
    const tonight = courseOf(floor, stay, 1);
    if (dinner && tonight) planDinner(floor, id, today, tonight);
    writeDayRequests(floor, stay.lead, id, stay, pastStays.has(stay.lead));
    yield;
  }
  for (const arrival of day.arrivals) {
    const id = writeStay(floor, arrival);
    floor.counts.arrivingToday++;
    const course = courseOf(floor, arrival);
    if (arrival.planned && course) planDinner(floor, id, today, course);
    const celebration =
      arrival.role === 'anniversary'
        ? CELEBRATION_TEXTS.slice(0, 1) // 結婚記念日 ケーキ
        : arrival.role === 'birthday'
          ? CELEBRATION_TEXTS.slice(1, 2) // 誕生日に花束
          : [];
    writeDayRequests(floor, arrival.lead, id, arrival, arrival.returning, celebration);
    yield;
  }
  for (const stay of day.arrivingTomorrow) {
    const id = writeStay(floor, stay);
    const course = courseOf(floor, stay);
    if (hasDinner(stay.plan) && course && chance(0.4)) planDinner(floor, id, tomorrow, course);
    if (chance(0.5)) writeDayRequests(floor, stay.lead, id, stay, pastStays.has(stay.lead));
    yield;
  }
}
