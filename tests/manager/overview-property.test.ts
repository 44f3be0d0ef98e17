import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { REQUEST_CATEGORIES } from '../../shared/contract/requests.ts';
import { addDays } from '../../shared/text/dates.ts';
import { at, type Loose, managerCore } from './helpers.ts';

// On random registers (stays of a few guests over two years, in any status; requests taken and done at random
// times), the overview's counts equal what the test works out from what it recorded, and every list behind a
// count holds that many records.

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const STATUSES = ['booked', 'in_house', 'departed', 'cancelled', 'no_show'] as const;
/** Visits: what the view counts as arrivals. */
const ARRIVED = new Set(['in_house', 'departed']);

const stayArb = fc.record({
  guest: fc.integer({ min: 0, max: 3 }),
  day: fc.integer({ min: 0, max: 700 }), // from 2024-03-01: before, within and after 2025
  status: fc.constantFrom(...STATUSES),
  amountYen: fc.integer({ min: 0, max: 200_000 }),
});
const requestArb = fc.record({
  guest: fc.integer({ min: 0, max: 3 }),
  category: fc.constantFrom(...REQUEST_CATEGORIES),
  minute: fc.integer({ min: 0, max: 700 * 24 * 60 }),
  doneAfter: fc.option(fc.integer({ min: 0, max: 5 * 24 * 60 }), { nil: null }),
});

const nearestRank = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : (sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1] as number);

describe('manager.overview on random registers', () => {
  test('counts equal the records the test made, and each list holds as many', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stayArb, { maxLength: 14 }),
        fc.array(requestArb, { maxLength: 10 }),
        async (stays, requests) => {
          const start = at('2024-03-01', '00:00');
          const test = await managerCore('2024-02-01');
          const { call, setNow, guest, stay } = test;
          const guests = [await guest('佐藤'), await guest('鈴木'), await guest('田中'), await guest('高橋')];
          const dated = stays.map((s) => ({ ...s, date: addDays('2024-03-01', s.day) }));
          for (const s of dated) {
            await stay(guests[s.guest] as string, s.date, { status: s.status, amountYen: s.amountYen });
          }
          // Taken and done in time order (the log's clock only moves forward).
          type Event = { at: number; run: () => Promise<void> };
          const events: Event[] = [];
          const ids = new Map<number, string>();
          requests.forEach((r, index) => {
            const recorded = start + r.minute * 60_000;
            events.push({
              at: recorded,
              run: async () => {
                const made = await call('requests.record', {
                  guestId: guests[r.guest],
                  standing: true,
                  category: r.category,
                  text: '要望',
                });
                ids.set(index, made.id);
              },
            });
            if (r.doneAfter !== null) {
              events.push({
                at: recorded + r.doneAfter * 60_000,
                run: async () => {
                  await call('requests.setStatus', { id: ids.get(index), status: 'done' });
                },
              });
            }
          });
          events.sort((a, b) => a.at - b.at);
          for (const event of events) {
            setNow(event.at);
            await event.run();
          }

          const view: Loose = await call('manager.overview', YEAR);
          const inYear = dated.filter((s) => ARRIVED.has(s.status) && s.date >= YEAR.from && s.date <= YEAR.to);
          const returning = inYear.filter((s) =>
            dated.some((e) => e.guest === s.guest && ARRIVED.has(e.status) && e.date < s.date),
          );
          expect(view.totals).toEqual({
            arrivals: inYear.length,
            returning: returning.length,
            staysYen: inYear.reduce((sum, s) => sum + s.amountYen, 0),
          });
          expect(view.buckets.reduce((sum: number, b: Loose) => sum + b.arrivals, 0)).toBe(inYear.length);

          const yearStart = at('2025-01-01', '00:00');
          const yearEnd = at('2026-01-01', '00:00');
          for (const category of REQUEST_CATEGORIES) {
            const mine = requests.filter((r) => {
              const recorded = start + r.minute * 60_000;
              return r.category === category && recorded >= yearStart && recorded < yearEnd;
            });
            const minutes = mine
              .filter((r) => r.doneAfter !== null)
              .map((r) => r.doneAfter as number)
              .sort((a, b) => a - b);
            expect(view.requests.find((row: Loose) => row.category === category)).toEqual({
              category,
              total: mine.length,
              open: mine.length - minutes.length,
              done: minutes.length,
              cancelled: 0,
              medianMinutes: nearestRank(minutes, 0.5),
              p90Minutes: nearestRank(minutes, 0.9),
            });
          }

          const total = async (input: Record<string, unknown>) =>
            ((await call('manager.list', { ...YEAR, limit: 200, ...input })) as Loose).total;
          expect(await total({ figure: 'arrivals' })).toBe(view.totals.arrivals);
          expect(await total({ figure: 'returning' })).toBe(view.totals.returning);
          for (const bucket of view.buckets) {
            if (bucket.arrivals === 0) continue;
            expect(await total({ figure: 'returning', from: bucket.from, to: bucket.to })).toBe(bucket.returning);
          }
          for (const row of view.requests) {
            if (row.total === 0) continue;
            expect(await total({ figure: 'requests', category: row.category })).toBe(row.total);
            expect(await total({ figure: 'requests', category: row.category, status: 'done' })).toBe(row.done);
          }
          for (const person of view.staff) {
            expect(await total({ figure: 'staff', staffId: person.staffId, kind: 'requests' })).toBe(person.requests);
          }
          test.core.close();
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
