import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { morningOf, TODAY } from '../demo/helpers.ts';
import { FINE_SLICES, makeStaffedCore } from '../support/core.ts';
import { count, expectConsistent } from '../support/register.ts';

// Long jobs through the core's own door (`call`), on real SQLite: other calls are answered between slices,
// progress is reported, and a cancel stops a job at a slice boundary with `cancelled`, leaving whole units.

/** Each stay as who and when, with how many came and were served: the same in two loads of one seed and clock. */
function stays(db: Database): string[] {
  const rows = db
    .prepare(
      `SELECT g.family_name || ' ' || g.given_name AS lead, s.arrival_date, s.rooms,
              (SELECT count(*) FROM stay_party p WHERE p.stay_id = s.id) AS party,
              (SELECT count(*) FROM served v WHERE v.stay_id = s.id) AS served
         FROM stays s JOIN guests g ON g.id = s.guest_id`,
    )
    .all();
  return rows.map((row) => JSON.stringify(row)).sort();
}

describe('long jobs', () => {
  it('answers a search typed while sample data loads, before the load is done', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    await test.call('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
    const finished: string[] = [];
    const loading = test.core.call('demo.load', { count: 40, seed: 3 }).then((result) => {
      finished.push('demo.load');
      return result;
    });
    const search = test.core.call('guests.search', { q: 'はやし' }).then((result) => {
      finished.push('guests.search');
      return result;
    });
    expect(await search).toMatchObject({ ok: true });
    expect(await loading).toEqual({ ok: true, value: { created: 40 } });
    expect(finished).toEqual(['guests.search', 'demo.load']);
  });

  it('reports progress up to the total, and a final event', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    const events: JobProgress[] = [];
    test.core.onProgress((progress) => events.push(progress));
    await test.call('demo.load', { count: 30, seed: 1 });
    expect(events.length).toBeGreaterThan(30);
    expect(new Set(events.map((event) => event.job)).size).toBe(1);
    expect(events.every((event) => event.kind === 'demo.load')).toBe(true);
    const done = events.map((event) => event.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 60, total: 60 });
    expect(events.slice(0, -1).every((event) => event.state === 'running')).toBe(true);
  });

  it('refuses a stop to someone whose roles could not have started the job; the job runs on', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    const cook = (await test.call('staff.create', { name: '板長 佐藤', roles: ['kitchen'] })).id as string;
    let refused: Promise<unknown> | undefined;
    test.core.onProgress((progress) => {
      // The owner's sample data is loading; the cook sits down at the PC and presses "stop".
      if (progress.state === 'running' && progress.done === 25 && !refused) {
        refused = (async () => {
          await test.call('staff.setCurrent', { id: cook });
          return test.core.call('jobs.cancel', { job: progress.job });
        })();
      }
    });
    const result = await test.core.call('demo.load', { count: 60, seed: 5 });
    expect(await refused).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: 'system.maintain' } },
    });
    expect(result).toEqual({ ok: true, value: { created: 60 } });
  });

  it('lists a running job and stops it on cancel: its call answers `cancelled`, the register stays whole', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    let cancelAt: Promise<unknown> | undefined;
    const listed: unknown[] = [];
    test.core.onProgress((progress) => {
      // Part way through the guests: a person presses "stop".
      if (progress.state === 'running' && progress.done === 25 && !cancelAt) {
        cancelAt = (async () => {
          listed.push(await test.call('jobs.list', {}));
          return test.call('jobs.cancel', { job: progress.job });
        })();
      }
    });
    const result = await test.core.call('demo.load', { count: 200, seed: 5 });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await cancelAt).toEqual({ cancelling: true });
    expect(listed[0]).toMatchObject({ jobs: [{ kind: 'demo.load', state: 'running' }] });
    const guests = count(test.db, 'SELECT count(*) AS n FROM guests');
    expect(guests).toBeGreaterThanOrEqual(25);
    expect(guests).toBeLessThan(200);
    expectConsistent(test.db);
    expect(await test.call('jobs.list', {})).toEqual({ jobs: [] });
    // The job is gone: cancelling it again says so.
    const job = (listed[0] as { jobs: JobProgress[] }).jobs[0]?.job;
    expect(await test.call('jobs.cancel', { job })).toEqual({ cancelling: false });
  });

  it('leaves whole units when cancelled during the service floor, and loads again afterwards', async () => {
    const clock = morningOf(TODAY);
    const full = await makeStaffedCore({ clock, jobs: FINE_SLICES });
    await full.call('demo.load', { count: 30, seed: 9 });
    const test = await makeStaffedCore({ clock, jobs: FINE_SLICES });
    let cancelled = false;
    test.core.onProgress((progress) => {
      // Past the guests (done > count): in the returning guests' past stays.
      if (progress.state === 'running' && progress.done > 30 && !cancelled) {
        cancelled = true;
        void test.call('jobs.cancel', { job: progress.job });
      }
    });
    expect(await test.core.call('demo.load', { count: 30, seed: 9 })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(count(test.db, 'SELECT count(*) AS n FROM guests')).toBe(30);
    expect(count(test.db, 'SELECT count(*) AS n FROM stays')).toBeGreaterThan(0);
    expect(count(test.db, 'SELECT count(*) AS n FROM banquets')).toBe(0);
    expectConsistent(test.db);
    // Every stay written is whole: its party and every dinner served, as in the load that was not stopped.
    const whole = stays(full.db);
    const written = stays(test.db);
    expect(written.length).toBeLessThan(whole.length);
    for (const stay of written) expect(whole).toContain(stay);
    expect(await test.call('demo.load', { count: 10, seed: 9 })).toEqual({ created: 10 });
    expectConsistent(test.db);
  });

  it('refuses a second index rebuild while one runs', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    await test.call('demo.load', { count: 20, seed: 2 });
    const first = test.core.call('system.rebuildSearchIndex', {});
    const second = await test.core.call('system.rebuildSearchIndex', {});
    expect(second).toEqual({ ok: false, error: { code: 'conflict', detail: 'rebuild_running' } });
    expect(await first).toEqual({ ok: true, value: { guests: 20 } });
  });
});
