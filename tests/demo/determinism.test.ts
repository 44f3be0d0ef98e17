import { expect, test } from 'vitest';
import { addDays } from '../../shared/text/dates.ts';
import { arrivalsDigest, rowCount, sampleCore, TODAY } from './helpers.ts';

// Sample data is the same for the same seed and clock (ids aside): a screenshot, a bug report or a
// demo can be made again. And the day it makes holds on any day of the year.

const TABLES = [
  'guests',
  'stays',
  'stay_party',
  'served',
  'allergies',
  'requests',
  'menu_plans',
  'halls',
  'banquets',
  'banquet_stages',
  'follow_ups',
  // Not log_tx: sample data commits in slices of a few milliseconds each, so how many transactions it
  // takes depends on the machine; what they hold (log_entry) does not.
  'log_entry',
];

/** Every stay with its guests' names instead of ids, in a stable order. */
function staysDigest(test: Awaited<ReturnType<typeof sampleCore>>) {
  return test.db
    .prepare(
      `SELECT g.family_name || ' ' || g.given_name AS lead, s.arrival_date, s.departure_date, s.rooms, s.adults,
              s.children, s.plan, s.purpose, s.channel, s.amount_yen, s.status, s.created_at,
              (SELECT count(*) FROM served v WHERE v.stay_id = s.id) AS served,
              (SELECT group_concat(v.reaction) FROM served v WHERE v.stay_id = s.id) AS reactions
         FROM stays s JOIN guests g ON g.id = s.guest_id
        ORDER BY s.arrival_date, s.rooms, lead, s.created_at`,
    )
    .all();
}

test('the same seed and clock give the same data', async () => {
  const [first, second] = [await sampleCore({ seed: 7 }), await sampleCore({ seed: 7 })];
  for (const table of TABLES) expect(rowCount(second, table), table).toBe(rowCount(first, table));
  expect(staysDigest(second)).toEqual(staysDigest(first));
  for (const date of [addDays(TODAY, -1), TODAY, addDays(TODAY, 1)]) {
    const [a, b] = await Promise.all([first, second].map((t) => t.call('arrivals.forDate', { date })));
    expect(arrivalsDigest(b)).toEqual(arrivalsDigest(a));
  }
});

test('another seed gives other data', async () => {
  const [first, other] = [await sampleCore({ seed: 7 }), await sampleCore({ seed: 8 })];
  expect(staysDigest(other)).not.toEqual(staysDigest(first));
});

test.each([
  '2026-03-01', // the first day of spring
  '2026-05-31', // last day of spring: last year's visit must be in the same season
  '2028-02-29', // a leap day: the birthday guest was born on one
  '2026-12-31', // tomorrow is next year
])('on %s the day still has its parties, alerts and planned menus', async (today) => {
  const test = await sampleCore({ count: 120, seed: 11, today });
  const { arrivals, totals } = await test.call('arrivals.forDate', { date: today });
  expect(arrivals).toHaveLength(12);
  expect(totals.anaphylaxis).toBeGreaterThanOrEqual(2);
  const celebrations = arrivals.flatMap((a: { celebrations: Array<{ kind: string; date: string | null }> }) =>
    a.celebrations.map((c) => `${c.kind}:${c.date ?? ''}`),
  );
  expect(celebrations).toContain(`birthday:${today}`);
  expect(celebrations).toContain('purpose:');
  const planned = arrivals.filter((a: { menus: unknown[] }) => a.menus.length > 0);
  expect(planned.length).toBeGreaterThanOrEqual(3);
});
