import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../db/query.ts';
import type { CoreContext } from '../../electron/core/context.ts';
import { periodOf } from '../../electron/core/manager/period.ts';
import { requestFiguresByScan } from '../../electron/core/manager/requests.ts';
import { REQUEST_CATEGORIES } from '../../shared/contract/requests.ts';
import { makeCore, type TestCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';
import { at, type Loose, managerCore } from './helpers.ts';

// The request figures of whole months come from manager_request_months (kept write by write by
// manager/request-months.ts), the days of a month cut by the period from the requests. On random requests taken,
// done, cancelled and reopened over two years, the overview gives what the reference (every request of the period
// read, requests.ts) gives, for a year, a month and a period cut mid-month at both ends; the table is the same on
// a second PC that replays the log, and after a build from scratch.

const PERIODS = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-02-10', to: '2025-07-20' },
  { from: '2025-04-03', to: '2025-04-19' },
];
const request = fc.record({
  category: fc.constantFrom(...REQUEST_CATEGORIES.slice(0, 3)),
  minute: fc.integer({ min: 0, max: 600 * 24 * 60 }),
  outcome: fc.constantFrom('open', 'done', 'cancelled', 'reopened'),
  after: fc.integer({ min: 0, max: 3 * 24 * 60 }),
});

const table = (db: Database) =>
  db.prepare('SELECT * FROM manager_request_months WHERE n <> 0 ORDER BY month, category, status, minutes').all();

async function jobsDone(test: TestCore) {
  for (let i = 0; i < 200; i++) {
    if ((await test.call('jobs.list', {})).jobs.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('jobs still running');
}

describe('manager_request_months kept write by write', () => {
  it('gives the reference figures for whole and cut months, here, on a replica and after a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { maxLength: 14 }), async (requests) => {
        const test = await managerCore('2024-11-01');
        const { call, setNow, db } = test;
        const guest = await test.guest('佐藤');
        const start = at('2024-11-01', '00:00');
        type Event = { at: number; run: () => Promise<void> };
        const events: Event[] = [];
        const ids = new Map<number, string>();
        requests.forEach((r, index) => {
          const recorded = start + r.minute * 60_000;
          events.push({
            at: recorded,
            run: async () => {
              const made = await call('requests.record', {
                guestId: guest,
                standing: true,
                category: r.category,
                text: '要望',
              });
              ids.set(index, made.id);
            },
          });
          if (r.outcome === 'open') return;
          events.push({
            at: recorded + r.after * 60_000,
            run: async () => {
              const status = r.outcome === 'cancelled' ? 'cancelled' : 'done';
              await call('requests.setStatus', { id: ids.get(index), status });
              if (r.outcome === 'reopened') await call('requests.setStatus', { id: ids.get(index), status: 'open' });
            },
          });
        });
        events.sort((a, b) => a.at - b.at);
        for (const event of events) {
          setNow(event.at);
          await event.run();
        }
        setNow(at('2026-06-01'));
        const ctx = { run: createRunner(db), timeZone: () => 'Asia/Tokyo' } as unknown as CoreContext;
        for (const period of PERIODS) {
          const view: Loose = await call('manager.overview', period);
          expect(view.requests).toEqual(requestFiguresByScan(ctx, periodOf(ctx, period.from, period.to)));
        }
        const kept = table(db);

        const replica = makeCore();
        replica.core.changes.apply(everything(test.core));
        expect(table(replica.db)).toEqual(kept);
        replica.core.close();

        db.prepare("DELETE FROM meta WHERE key = 'manager_request_months'").run();
        db.prepare('UPDATE manager_request_months SET n = n + 3').run();
        await call('manager.overview', PERIODS[0]);
        await jobsDone(test);
        expect(table(db)).toEqual(kept);
        test.core.close();
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it("follows the inn's time zone: another zone counts each request in that zone's month", async () => {
    const test = await managerCore('2025-01-01');
    const { call, setNow, db } = test;
    const guest = await test.guest('佐藤');
    // 31 March, 23:30 in Tokyo: 31 March 10:30 in New York; 1 April 08:00 in Tokyo: 31 March 19:00 in New York.
    for (const instant of ['2025-03-31T23:30:00+09:00', '2025-04-01T08:00:00+09:00', '2025-04-15T12:00:00+09:00']) {
      setNow(Date.parse(instant));
      await call('requests.record', { guestId: guest, standing: true, category: 'meals', text: '要望' });
    }
    setNow(Date.parse('2025-06-01T10:00:00+09:00'));
    const april = { from: '2025-04-01', to: '2025-04-30' };
    expect((await call('manager.overview', april)).requests[0]).toMatchObject({ category: 'meals', total: 2 });
    await call('settings.update', { patch: { timeZone: 'America/New_York' } });
    // Counted from the requests until the months are built again for the new zone; then from them: the same.
    expect((await call('manager.overview', april)).requests[0]).toMatchObject({ total: 1 });
    await jobsDone(test);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'manager_request_months'").pluck().get()).toBe(
      '1|America/New_York|whole',
    );
    expect((await call('manager.overview', april)).requests[0]).toMatchObject({ total: 1 });
    expect((await call('manager.overview', { from: '2025-03-01', to: '2025-03-31' })).requests[0]).toMatchObject({
      total: 2,
    });
    test.core.close();
  });
});
