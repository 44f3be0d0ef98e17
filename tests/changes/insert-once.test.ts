import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableSpec } from '../../db/log/registry.ts';
import { createLogStore, encodeRowId } from '../../db/log/store.ts';
import { makeCore, makeStaffedCore } from '../support/core.ts';
import { everything, syncedTables } from '../support/replica.ts';
import { random, randomWrite } from './workload.ts';

// An insert written on this PC keeps no second copy of its row in the log: the row holds the values until one
// of them changes, and the insert keeps the values about to change just before (db/log/row-backed.ts). What
// another PC receives, what a replay rebuilds and what the History tab shows must not tell the forms apart.

const hanako = { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' };

/** The log's stored inserts by what they keep themselves: nothing, some columns (base 1), or the whole row. */
function storedInserts(db: ReturnType<typeof makeCore>['db']) {
  return db
    .prepare(
      `SELECT CASE WHEN value IS NULL THEN 'none' WHEN base IS NOT NULL THEN 'some' ELSE 'whole' END AS keeps,
              count(*) AS n
         FROM log_entry WHERE col = 0 GROUP BY keeps ORDER BY keeps`,
    )
    .all() as Array<{ keeps: string; n: number }>;
}

describe('an insert kept once, in its row', () => {
  it('is read by the rowid the history found its row at, and never from another row', async () => {
    const { db, call } = await makeStaffedCore();
    const hanakoRow = await call('guests.create', { fields: { ...hanako, note: '初回' } });
    const jiro = await call('guests.create', { fields: { ...hanako, givenName: '次郎', givenReading: 'じろう' } });
    const guests = tableSpec('guests');
    const rowidOf = (id: string) => db.prepare('SELECT rowid FROM guests WHERE id = ?').pluck().get(id) as number;
    const insertOf = (id: string) =>
      db
        .prepare('SELECT value, base FROM log_entry WHERE tbl = ? AND row = ? AND col = 0')
        .get(guests.id, encodeRowId(id)) as { value: unknown; base: unknown };
    const named = (columns: Array<[number, unknown]>) =>
      Object.fromEntries(columns.map(([col, value]) => [guests.columns[col - 1]?.name, value]));
    const log = createLogStore(db);

    expect(insertOf(hanakoRow.id).value).toBeNull(); // kept in its row: the case the rowid is for
    const [columns] = log.insertColumnsOfMany(guests.id, [
      { id: hanakoRow.id, rowid: rowidOf(hanakoRow.id), ...insertOf(hanakoRow.id) },
    ]);
    expect(named(columns ?? [])).toMatchObject({ given_name: '花子', note: '初回' });
    // A rowid that holds another guest (it never should: the app does not VACUUM) is no row, not that guest's.
    expect(() =>
      log.insertColumnsOfMany(guests.id, [{ id: hanakoRow.id, rowid: rowidOf(jiro.id), ...insertOf(hanakoRow.id) }]),
    ).toThrow(/not there/);
    expect(() =>
      log.insertColumnsOfMany(guests.id, [{ id: hanakoRow.id, rowid: null, ...insertOf(hanakoRow.id) }]),
    ).toThrow(/not there/);
  });

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

    // Nothing written since the staff member and the guest were inserted: no insert keeps a value itself.
    expect(storedInserts(origin.db)).toEqual([{ keeps: 'none', n: 2 }]);
    expect(guestInsert()).toContain('初回');

    await origin.call('guests.update', { id: guest.id, patch: { note: '窓側', familyName: '鈴木' } });
    // The edit had the guest's insert keep the two values it replaced, and only those.
    expect(storedInserts(origin.db)).toEqual([
      { keeps: 'none', n: 1 },
      { keeps: 'some', n: 1 },
    ]);
    expect(guestInsert()).toEqual(expect.arrayContaining(['初回', '佐藤', 'さとう', 'はなこ']));
    expect(guestInsert()).not.toContain('窓側');
    expect(guestInsert()).not.toContain('鈴木');

    // The rest of the guest, changed later, is still shipped as created.
    await origin.call('guests.update', { id: guest.id, patch: { givenName: '春子' } });
    expect(guestInsert()).toEqual(expect.arrayContaining(['初回', '佐藤', '花子']));

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

  it('ships each write as written, whatever was edited since; a replica of a replica is the same register', async () => {
    // The second hop ships inserts received whole; the first ships inserts read from their rows.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        let now = Date.UTC(2026, 5, 15, 1, 0, 0);
        const origin = await makeStaffedCore({ clock: () => (now += 1), afterAnswer: 'nextTurn' });
        const r = random(seed);
        // Erasure is the one rewrite of what was logged (docs/data-model.md): left out, every transaction must
        // ship later exactly as it shipped when it was written, whatever was edited since.
        const noErasure: typeof origin.core.call = (name, input) =>
          name === 'guests.erase'
            ? Promise.resolve({ ok: false, error: { code: 'invalid', message: 'left out' } } as never)
            : origin.core.call(name, input);
        const asWritten = everything(origin.core);
        for (let i = 0; i < 120; i++) {
          now += r.int(0, 3) * 60_000;
          await randomWrite(origin.db, noErasure, r, now);
          asWritten.push(...everything(origin.core).slice(asWritten.length));
        }
        expect(everything(origin.core)).toEqual(asWritten);
        // The history must have both forms: inserts kept in their rows, and inserts that kept values since.
        const kinds = new Set(storedInserts(origin.db).map((group) => group.keeps));
        expect(kinds).toContain('none');
        expect(kinds).toContain('some');
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
