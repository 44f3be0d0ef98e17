import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index.ts';
import { makeCore, makeStaffedCore } from '../support/core.ts';
import { everything, searchTerms, syncedTables } from '../support/replica.ts';
import { RECORDING_CALLS, random, randomWrite, WRITE_CALLS } from './workload.ts';

// The log is the record: replaying it into a new, empty database must rebuild every synced table exactly,
// including the columns derived from it (updated_at, a deal's stage, superseded_by), the conflicts, and the
// search index. Random sequences of every write call of the contract, valid and refused.

async function history(seed: number, steps: number) {
  let now = Date.UTC(2026, 5, 15, 1, 0, 0);
  const clock = () => (now += 1);
  const origin = await makeStaffedCore({ clock, afterAnswer: 'nextTurn' });
  const r = random(seed);
  const made = new Set<string>();
  for (let i = 0; i < steps; i++) {
    now += r.int(0, 3) * 60_000;
    const { name, ok } = await randomWrite(origin.db, origin.core.call, r, now);
    if (ok) made.add(name);
  }
  return { origin, made };
}

describe('replaying the log', () => {
  it('lists every write call of the contract in the workload', () => {
    const writes = Object.entries(contract)
      .filter(([, spec]) => spec.writes)
      .map(([name]) => name)
      .filter((name) => name !== 'staff.setCurrent' && name !== 'staff.clearCurrent');
    expect(new Set(WRITE_CALLS)).toEqual(new Set(writes));
  });

  it('exercises every write call: each succeeds in a long enough history', async () => {
    const made = new Set<string>();
    for (const seed of [1, 2, 3]) for (const name of (await history(seed, 400)).made) made.add(name);
    // A decision needs a conflict, and conflicts come from another PC: the convergence simulation makes them.
    const needsAnotherPc = new Set(['conflicts.decide']);
    expect([...WRITE_CALLS].filter((name) => !made.has(name) && !needsAnotherPc.has(name))).toEqual([]);
  }, 60_000);

  it('records access log entries (cards opened, sheets printed) in the histories it replays', async () => {
    const { origin, made } = await history(4, 200);
    for (const name of RECORDING_CALLS) expect(made).toContain(name);
    const entries = origin.db.prepare('SELECT count(*) FROM access_log').pluck().get() as number;
    expect(entries).toBeGreaterThan(0);
    const replica = makeCore();
    replica.core.changes.apply(everything(origin.core));
    expect(syncedTables(replica.db).access_log).toEqual(syncedTables(origin.db).access_log);
  });

  it('rebuilds every synced table exactly in an empty database (random sequences of every write call)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 60, max: 200 }),
        async (seed, steps) => {
          const { origin } = await history(seed, steps);
          // On the origin's day: ranks count visits over the last N years from the day.
          const replica = makeCore({ clock: () => Date.UTC(2026, 5, 15, 12, 0, 0) });
          const report = replica.core.changes.apply(everything(origin.core));
          expect(report.refused).toEqual([]);
          expect(report.held).toEqual([]);
          expect(syncedTables(replica.db)).toEqual(syncedTables(origin.db));
          expect(searchTerms(replica.db)).toEqual(searchTerms(origin.db));
          // Guest ranks are derived on each PC: once both have caught up with the rules, they agree.
          await origin.call('ranks.recompute', {});
          // The staff came with the log: the same owner sits down at the replica to recompute there.
          await replica.call('staff.setCurrent', { id: origin.staffId });
          await replica.call('ranks.recompute', {});
          const ranks = (db: typeof origin.db) => db.prepare('SELECT * FROM guest_ranks ORDER BY guest_id').all();
          expect(ranks(replica.db)).toEqual(ranks(origin.db));
          origin.core.close();
          replica.core.close();
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('applying the same log twice changes nothing', async () => {
    const { origin } = await history(7, 120);
    const replica = makeCore();
    const log = everything(origin.core);
    replica.core.changes.apply(log);
    const once = syncedTables(replica.db);
    const again = replica.core.changes.apply(log);
    expect(again.applied).toBe(0);
    expect(again.duplicates).toBe(log.length);
    expect(syncedTables(replica.db)).toEqual(once);
  });
});
