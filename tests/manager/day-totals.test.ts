import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../db/query.ts';
import type { CoreContext } from '../../electron/core/context.ts';
import { arrivalsByDay } from '../../electron/core/manager/arrivals.ts';
import { addDays } from '../../shared/text/dates.ts';
import { makeCore, type TestCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';
import { type Loose, managerCore } from './helpers.ts';

// manager_days (kept write by write by manager/day-totals.ts) must always say what the reference SQL
// (arrivals.ts BY_DAY: every visit of the days, each one's earlier visit looked up) says, for every day: after
// random stays created, moved to another day or guest, given another status (cancelled, no-show) or amount, guests merged
// (名寄せ) and merges undone; on a second PC that replays the first one's log; and after a build from scratch.
// The overview itself (its totals, buckets and the year before) then gives the reference's answer.

const GUESTS = 4;
const STAYS = 8;
const STATUSES = ['booked', 'in_house', 'departed', 'cancelled', 'no_show'] as const;
const FIRST_DAY = '2024-03-01';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const EVERY_DAY = { from: '2000-01-01', to: '2099-12-31' };

const create = fc.record({
  kind: fc.constant('create' as const),
  guest: fc.nat(GUESTS - 1),
  day: fc.nat(700),
  status: fc.constantFrom(...STATUSES, 'departed'),
  amount: fc.constantFrom(0, 12_000, 50_000),
});
const update = fc.record({
  kind: fc.constant('update' as const),
  stay: fc.nat(STAYS - 1),
  day: fc.option(fc.nat(700)),
  guest: fc.option(fc.nat(GUESTS - 1)),
  status: fc.option(fc.constantFrom(...STATUSES)),
  amount: fc.option(fc.constantFrom(0, 12_000, 50_000)),
});
const merge = fc.record({ kind: fc.constant('merge' as const), kept: fc.nat(GUESTS - 1), merged: fc.nat(GUESTS - 1) });
const undo = fc.record({ kind: fc.constant('undo' as const) });
const operation = fc.oneof(create, create, update, update, merge, undo);

const kept = (db: Database) =>
  db
    .prepare(
      'SELECT day, arrivals, arrivals - firsts AS returns, yen FROM manager_days WHERE arrivals <> 0 ORDER BY day',
    )
    .all();

const reference = (db: Database) =>
  arrivalsByDay({ run: createRunner(db) } as unknown as CoreContext, EVERY_DAY.from, EVERY_DAY.to).sort((a, b) =>
    a.day < b.day ? -1 : 1,
  );

async function jobsDone(test: TestCore) {
  for (let i = 0; i < 200; i++) {
    if ((await test.call('jobs.list', {})).jobs.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('jobs still running');
}

describe('manager_days kept write by write', () => {
  it('always says what the reference SQL says, here, on a replica and after a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 16 }), async (operations) => {
        const test = await managerCore('2026-06-01');
        const { call, db } = test;
        const guests: string[] = [];
        for (let i = 0; i < GUESTS; i++) guests.push(await test.guest(`客${i}`));
        const stays: string[] = [];
        const merges: string[] = [];
        for (const op of operations) {
          if (op.kind === 'create') {
            if (stays.length >= STAYS) continue;
            const id = await test
              .stay(guests[op.guest] as string, addDays(FIRST_DAY, op.day), { status: op.status, amountYen: op.amount })
              .catch(() => undefined); // a merged-away guest takes no stay
            if (id) stays.push(id);
          } else if (op.kind === 'update') {
            const id = stays[op.stay % Math.max(1, stays.length)];
            if (!id) continue;
            const patch: Record<string, unknown> = {};
            if (op.day !== null) {
              patch.arrivalDate = addDays(FIRST_DAY, op.day);
              patch.departureDate = addDays(FIRST_DAY, op.day + 1);
            }
            if (op.guest !== null) patch.guestId = guests[op.guest];
            if (op.status !== null) patch.status = op.status;
            if (op.amount !== null) patch.amountYen = op.amount;
            await test.core.call('stays.update', { id, patch });
          } else if (op.kind === 'merge') {
            if (op.kept === op.merged) continue;
            const made = await test.core.call('duplicates.merge', {
              keptId: guests[op.kept],
              mergedId: guests[op.merged],
            });
            if (made.ok) merges.push((made.value as Loose).mergeId);
          } else {
            const last = merges.pop();
            if (last) await test.core.call('duplicates.undoMerge', { id: last });
          }
        }
        const expected = reference(db);
        expect(kept(db)).toEqual(expected);

        // The overview reads the table and answers as the reference does.
        const view: Loose = await call('manager.overview', YEAR);
        const inYear = expected.filter((d) => d.day >= YEAR.from && d.day <= YEAR.to);
        expect(view.totals).toEqual({
          arrivals: inYear.reduce((n, d) => n + d.arrivals, 0),
          returning: inYear.reduce((n, d) => n + d.returns, 0),
          staysYen: inYear.reduce((n, d) => n + d.yen, 0),
        });
        const before = expected.filter((d) => d.day >= '2024-01-01' && d.day <= '2024-12-31');
        expect(view.previousTotals.returning).toBe(before.reduce((n, d) => n + d.returns, 0));

        // A second PC replaying this one's log keeps the same table.
        const replica = makeCore();
        replica.core.changes.apply(everything(test.core));
        expect(kept(replica.db)).toEqual(expected);
        replica.core.close();

        // Built again from scratch (as after a version change), the same.
        db.prepare("DELETE FROM meta WHERE key = 'manager_days'").run();
        db.prepare(
          'UPDATE manager_days SET arrivals = arrivals + 7 WHERE day = (SELECT min(day) FROM manager_days)',
        ).run();
        const whileBuilding: Loose = await call('manager.overview', YEAR);
        expect(whileBuilding.totals).toEqual(view.totals);
        await jobsDone(test);
        expect(kept(db)).toEqual(expected);
        test.core.close();
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
