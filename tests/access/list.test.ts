import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';
import { accessCore, deskPause, MINUTE } from './helpers.ts';

// accessLog.list: the filters answer what they say, newest first, and the pages walk every entry exactly once
// whatever the page size, entries from another PC with the very same time included.

type Entry = { id: string; at: string; action: string; staff: { id: string } | null; guest: { id: string } | null };

/** Every page of a filtered list, following `next` until there is none. */
async function walk(call: TestCore['call'], filter: object, limit: number) {
  const seen: Entry[] = [];
  let after: unknown;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await call('accessLog.list', { ...filter, limit, ...(after ? { after } : {}) });
    seen.push(...page.entries);
    if (!page.next) return seen;
    after = page.next;
  }
  throw new Error('the pages never ended');
}

/** A log with cards opened by three people, sheets and exports, over three inn days, plus another PC's. */
async function busyLog() {
  const t = await accessCore();
  const second = (await t.call('guests.create', { fields: { familyName: '高橋', familyReading: 'たかはし' } }))
    .id as string;
  for (let day = 0; day < 3; day++) {
    for (const [who, guest] of [
      [t.okami, t.guest],
      [t.front, second],
      [t.nakai, t.guest],
      [t.front, t.guest],
    ] as const) {
      await t.choose(who);
      await t.call('guests.get', { id: guest });
      await t.call('accessLog.sheetPrinted', { sheet: 'kitchen', date: '2026-12-03', via: 'print' });
      t.advance(40 * MINUTE);
    }
    await t.choose(t.okami);
    await t.call('exports.run', { kinds: ['guests'], format: 'csv', filter: { by: 'all' }, language: 'ja' });
    t.advance(20 * 60 * MINUTE);
  }
  // Another PC whose clock stands at the moment of our first entry: its entries tie with ours on time, told
  // apart by id.
  const [first] = (await t.entries({ limit: 500 })).slice(-1);
  const tie = Date.parse(first.at);
  const other = await makeStaffedCore({ clock: () => tie });
  const guest = (await other.call('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } })).id;
  for (let i = 0; i < 3; i++) {
    await other.call('accessLog.sheetPrinted', { sheet: 'briefing', date: '2026-12-03', via: 'pdf' });
    await other.call('guests.get', { id: guest }); // one look: the next two are within its window
  }
  await deskPause();
  const report = t.core.changes.apply(everything(other.core));
  expect(report.refused).toEqual([]);
  return { t, second, otherNode: other.core.nodeId };
}

describe('listing the access log', () => {
  it('filters by the inn’s days, staff, guest, action and PC, newest first', async () => {
    const { t, second, otherNode } = await busyLog();
    const all: Entry[] = (await t.call('accessLog.list', { limit: 500 })).entries;
    expect(all).toHaveLength(3 * (4 * 2 + 1) + 4);
    const times = all.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    // Two entries of this PC and the other at the same millisecond.
    expect(new Set(times).size).toBeLessThan(times.length);

    const entries = (filter: object) => t.entries({ ...filter, limit: 500 });
    expect((await entries({ staffId: t.front })).every((e: Entry) => e.staff?.id === t.front)).toBe(true);
    expect(await entries({ staffId: t.front })).toHaveLength(3 * 4);
    expect(await entries({ staffId: t.nakai })).toHaveLength(3 * 2);
    // Nobody chosen may not open a card or print a sheet any more: no entry is under no one.
    expect(await entries({ staffId: 'none' })).toHaveLength(0);
    expect(await entries({ guestId: second })).toHaveLength(3);
    expect(await entries({ action: 'exported' })).toHaveLength(3);
    expect(await entries({ action: 'card_opened', guestId: t.guest })).toHaveLength(3 * 3);
    expect(await entries({ node: otherNode })).toHaveLength(4);
    // The inn's days: the first day is 10:00 to about 12:40 on the 3rd, the next ones a day later each (Tokyo).
    expect(await entries({ from: '2026-12-03', to: '2026-12-03' })).toHaveLength(9 + 4);
    expect(await entries({ from: '2026-12-04' })).toHaveLength(2 * 9);
    expect(await entries({ to: '2026-12-02' })).toHaveLength(0);
  });

  it('refuses a period that ends before it starts, in words the screen translates', async () => {
    const t = await accessCore();
    const answer = await t.core.call('accessLog.list', { from: '2026-12-05', to: '2026-12-01' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'to', code: 'range_invalid' }] },
    });
  });

  it('walks every entry exactly once, in order, whatever the page size and filter', async () => {
    const { t } = await busyLog();
    const filters = [{}, { staffId: t.front }, { action: 'card_opened' }, { from: '2026-12-04' }, { staffId: t.nakai }];
    const whole = new Map<number, string[]>();
    for (const [index, filter] of filters.entries()) {
      whole.set(
        index,
        (await t.entries({ ...filter, limit: 500 })).map((entry: Entry) => entry.id),
      );
    }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: filters.length - 1 }),
        async (limit, index) => {
          const ids = (await walk(t.call, filters[index] as object, limit)).map((entry) => entry.id);
          expect(ids).toEqual(whole.get(index));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
