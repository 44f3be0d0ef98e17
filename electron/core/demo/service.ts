import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import type { GeneratedGuest } from './generate.ts';
import { makeDraw } from './random.ts';
import { writeAllergies } from './service-allergies.ts';
import {
  BIRTHDAY_STREAM,
  openServiceFloor,
  type ServiceDemoCounts,
  type ServiceDemoInput,
  stream,
} from './service-floor.ts';
import { chooseReturningGuests, planLastYearStays, writePastStays } from './service-history.ts';
import { writeStandingRequests } from './service-requests.ts';
import { dayCounts, planTheDay, writeTheDay } from './service-today.ts';

// The service floor of the sample data, written with the sample guests: past stays with what was served,
// allergies, requests, and a working day around the core's "today" (parties in house since yesterday,
// today's arrivals with every kind of alert, tomorrow's bookings). Everything goes through the write path,
// so it has its change log like anything staff record. Deterministic for a seed and a clock: every part
// draws from one PRNG stream, so the steps below must keep their order.

export type { ServiceDemoCounts, ServiceDemoInput } from './service-floor.ts';
export { dayCounts } from './service-today.ts';

/**
 * Moves one generated guest's birthday to today (keeping the year), before the guests are written, so one of
 * today's parties has a birthday within its stay. Returns that guest's index, or null when too few guests.
 */
export function giveBirthdayToday(guests: GeneratedGuest[], seed: number, today: string): number | null {
  if (dayCounts(guests.length).today < 4) return null;
  const draw = makeDraw(stream(seed, BIRTHDAY_STREAM));
  const leads = guests.flatMap((guest, index) => (guest.companion ? [] : [index]));
  const index = draw.pick(leads);
  const guest = guests[index] as GeneratedGuest;
  let year = Number(guest.birthday.slice(0, 4)) || Number(today.slice(0, 4)) - draw.between(30, 70);
  if (today.endsWith('-02-29')) year -= year % 4; // born on a leap day
  guest.birthday = `${year}-${today.slice(5)}`;
  return index;
}

/**
 * Writes the service floor through `session`, yielding after each unit that may end a slice (demo/sample-data.ts
 * commits a slice at a time): `number` after a guest's past stays (that guest's index), `undefined` otherwise.
 */
export function* writeServiceDemo(
  ctx: CoreContext,
  session: WriteSession,
  input: ServiceDemoInput,
): Generator<number | undefined, ServiceDemoCounts, void> {
  const floor = openServiceFloor(ctx, session, input);
  yield;
  // 1. Who came before: ~40% of the guests, 1–4 stays each over the last three years.
  const pastStays = chooseReturningGuests(floor);
  // 2. The working day: who is in which room today and tomorrow (nobody in two rooms at once).
  const day = planTheDay(floor, pastStays, input.birthdayGuest);
  // 3. Returning parties arriving today with a menu came in the same season last year.
  const lastYearStays = planLastYearStays(floor, day.arrivals);
  // 4. Past stays, each with the dinners served and perhaps a request taken.
  yield* writePastStays(floor, pastStays, lastYearStays, day.arrivals);
  // 5. Allergies, an anaphylaxis among them in two of today's parties.
  yield* writeAllergies(floor, day.arrivals);
  // 6. Standing requests, one of them for a returning party arriving today.
  yield* writeStandingRequests(floor, day.arrivals);
  // 7. The working day itself: stays, dinners served and planned, requests.
  yield* writeTheDay(floor, day, pastStays);
  return floor.counts;
}
