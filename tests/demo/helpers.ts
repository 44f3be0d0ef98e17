import { addDays } from '../../shared/text/dates.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';

// A core whose "today" is fixed, with the sample data loaded as the search page's button loads it.

export const TODAY = '2026-11-23';
export const YESTERDAY = addDays(TODAY, -1);
export const TOMORROW = addDays(TODAY, 1);

/** 09:30 local time on `date`: the front desk's morning. */
export function morningOf(date: string): () => number {
  const instant = new Date(`${date}T09:30:00`).getTime();
  return () => instant;
}

export async function sampleCore(options: { count?: number; seed?: number; today?: string } = {}) {
  const test = await makeStaffedCore({ clock: morningOf(options.today ?? TODAY) });
  const result = await test.call('demo.load', { count: options.count ?? 200, seed: options.seed ?? 42 });
  return { ...test, created: result.created as number };
}

export function rowCount(test: TestCore, table: string, where = '1 = 1'): number {
  return (test.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

// biome-ignore lint/suspicious/noExplicitAny: call results are read loosely; the contract checks their shape.
type Loose = any;

/** A day's arrivals with every id replaced by who or what it names: two loads can be compared. */
export function arrivalsDigest(arrivals: Loose): unknown {
  return (arrivals.arrivals as Loose[]).map((arrival) => ({
    rooms: arrival.stay.rooms,
    party: (arrival.stay.party as Loose[]).map((member) => `${member.familyName} ${member.givenName}`),
    stay: [
      arrival.stay.departureDate,
      arrival.stay.adults,
      arrival.stay.children,
      arrival.stay.plan,
      arrival.stay.purpose,
      arrival.stay.amountYen,
      arrival.stay.reservationNo,
      arrival.stay.status,
    ],
    visits: [arrival.visitCount, arrival.lastVisit],
    allergies: (arrival.allergies as Loose[]).map((a) => [a.guestName, a.nameJa, a.severity, a.confirmedAt]),
    requests: (arrival.requests as Loose[]).map((r) => [r.category, r.text, r.status, r.standing]),
    celebrations: (arrival.celebrations as Loose[]).map((c) => [c.kind, c.purpose, c.guestName, c.date]),
    avoid: (arrival.dishesToAvoid as Loose[]).map((d) => [d.dishName, d.reasons, d.severity, d.lastServed]),
    menus: (arrival.menus as Loose[]).map((m) => [m.courseName, (m.dishes as Loose[]).map((d) => d.dishName)]),
  }));
}
