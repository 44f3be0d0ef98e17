import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCore, makeStaffedCore } from '../support/core.ts';
import { everything, syncedTables } from '../support/replica.ts';
import { random, randomWrite } from './workload.ts';

// An insert written on this PC keeps no second copy of its row in the log: the row holds the values until one
// of them changes, and the insert takes them just before (db/log/store.ts). What another PC receives, what a
// replay rebuilds and what the History tab shows must not tell the two apart.

const hanako = { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' };

/** The log's stored inserts of one table: how many hold no copy, how many hold one. */
function storedInserts(db: ReturnType<typeof makeCore>['db']) {
  return db
    .prepare('SELECT value IS NULL AS lazy, count(*) AS n FROM log_entry WHERE col = 0 GROUP BY lazy ORDER BY lazy')
    .all() as Array<{ lazy: number; n: number }>;
}

describe('an insert kept once, in its row', () => {
  it('ships a new guest as created, and still as created after an edit, with the edit beside it', async () => {
    const origin = await makeStaffedCore();
    const guest = await origin.call('guests.create', { fields: { ...hanako, note: '初回' } });
    /** The values of the guest's insert, as another PC receives it. */
    const guestInsert = () => {
      const entry = everything(origin.core)
        .flatMap((tx) => tx.entries)
        .find((shipped) => shipped.row === guest.id && shipped.col === 0);
      if (!entry) throw new Error('the guest was shipped without its insert');
      return (entry.value as Array<[number, unknown]>).map(([, value]) => value);
    };

    // Nothing written since the staff member and the guest was inserted: no insert holds a copy.
    expect(storedInserts(origin.db)).toEqual([{ lazy: 1, n: 2 }]);
    expect(guestInsert()).toContain('初回');

    await origin.call('guests.update', { id: guest.id, patch: { note: '窓側', familyName: '鈴木' } });
    // The edit made the guest's insert take the row as it was; the staff member's insert still holds none.
    expect(storedInserts(origin.db)).toEqual([
      { lazy: 0, n: 1 },
      { lazy: 1, n: 1 },
    ]);
    expect(guestInsert()).toEqual(expect.arrayContaining(['初回', '佐藤']));
    expect(guestInsert()).not.toContain('窓側');

    const replica = makeCore();
    replica.core.changes.apply(everything(origin.core));
    expect(syncedTables(replica.db)).toEqual(syncedTables(origin.db));

    const { rows } = await origin.call('guests.history', { id: guest.id });
    expect(rows.map((row: { change: unknown }) => row.change)).toContainEqual({
      kind: 'guestField',
      field: 'familyName',
      from: '佐藤',
      to: '鈴木',
    });
  });

  it('a replica of a replica is the same register, whatever was edited after its rows were inserted', async () => {
    // The second hop ships inserts received whole; the first ships inserts read from their rows.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        let now = Date.UTC(2026, 5, 15, 1, 0, 0);
        const origin = await makeStaffedCore({ clock: () => (now += 1) });
        const r = random(seed);
        for (let i = 0; i < 120; i++) {
          now += r.int(0, 3) * 60_000;
          await randomWrite(origin.db, origin.core.call, r, now);
        }
        const lazy = storedInserts(origin.db).find((group) => group.lazy === 1)?.n ?? 0;
        const copied = storedInserts(origin.db).find((group) => group.lazy === 0)?.n ?? 0;
        expect(lazy).toBeGreaterThan(0);
        expect(copied).toBeGreaterThan(0);
        const first = makeCore({ clock: () => now });
        first.core.changes.apply(everything(origin.core));
        const second = makeCore({ clock: () => now });
        second.core.changes.apply(everything(first.core));
        expect(syncedTables(second.db)).toEqual(syncedTables(origin.db));
        expect(everything(second.core)).toEqual(everything(origin.core));
        for (const core of [origin.core, first.core, second.core]) core.close();
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
