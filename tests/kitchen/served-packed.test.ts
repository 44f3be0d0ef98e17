import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { migrate } from '../../db/migrate.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { packValue, STORED_FORMS, unpackRow, unpackValue } from '../../db/stored-form.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import { twoPcs } from '../changes/two-pcs.ts';
import { downloaded } from '../exports/helpers.ts';
import { reopenCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';
import { kitchenCore, TODAY } from './helpers.ts';

// `served` keeps its ids as 16 bytes, its times as integer milliseconds, its day as a number and its meal as a
// code (db/stored-form.ts, migration 17):
// it was 45 % of a 1,000,000-guest register. What staff and other PCs see must not change: a register from
// before reads and ships the same after the upgrade, what the app writes reads back as written, and a value that
// does not pack is kept exactly as it came.

const FORMS = STORED_FORMS.served ?? {};
const OLD_SERVED = (MIGRATIONS.find((migration) => migration.version === 2)?.sql ?? '').match(
  /CREATE TABLE served \([^;]*\) STRICT;/,
)?.[0];

/** Puts `served` back in the layout of schema 16 (text ids and times, the same rows), as a register from before. */
function asBeforeTheUpgrade(db: Database.Database) {
  if (!OLD_SERVED) throw new Error('the old served table is not in migration 2');
  const rows = (db.prepare('SELECT rowid, * FROM served ORDER BY rowid').all() as Array<Record<string, unknown>>).map(
    (row) => unpackRow('served', row),
  );
  db.pragma('foreign_keys = OFF');
  db.exec('DROP TABLE served');
  db.exec(OLD_SERVED);
  db.exec('CREATE INDEX served_stay ON served(stay_id, date, meal, dish_id, reaction, retracted_at)');
  const columns = Object.keys(rows[0] ?? {});
  const insert = db.prepare(
    `INSERT INTO served (${columns.join(', ')}) VALUES (${columns.map((name) => `@${name}`).join(', ')})`,
  );
  for (const row of rows) insert.run(row);
  db.pragma('user_version = 16');
  db.pragma('foreign_keys = ON');
}

async function kitchenWithServings() {
  const kitchen = await kitchenCore();
  const { call, guest, stay, dish, course } = kitchen;
  const guestId = await guest('石原', '浩');
  const stayId = await stay(guestId);
  const soup = await dish('海老真丈の椀', 'soup');
  const sashimi = await dish('鯛の造り', 'sashimi');
  const rice = await dish('鯛めし', 'rice');
  const courseId = await course('竹', [soup, sashimi]);
  const dinner = await call('served.record', {
    stayId,
    date: TODAY,
    meal: 'dinner',
    dishIds: [soup, sashimi],
    courseId,
  });
  await call('served.record', { stayId, date: TODAY, meal: 'breakfast', dishIds: [rice] });
  await call('served.react', { id: dinner.served[0].id, reaction: 'left', note: '半分残された' });
  await call('served.retract', { id: dinner.served[1].id });
  return { ...kitchen, guestId, stayId, rice };
}

describe('served, kept packed', () => {
  it('reads and ships a register from before the upgrade exactly as before, and keeps recording', async () => {
    const kitchen = await kitchenWithServings();
    const { call, core, db, stayId, guestId } = kitchen;
    const before = await seen(call, stayId, guestId);
    const shipped = everything(core);
    core.close();

    asBeforeTheUpgrade(db);
    expect(db.prepare('SELECT count(*) FROM served WHERE typeof(id) = ?').pluck().get('text')).toBe(3);
    expect(migrate(db)).toBe(17);
    // Every id and time is packed now.
    const kinds = db
      .prepare(
        `SELECT DISTINCT typeof(id), typeof(stay_id), typeof(date), typeof(meal), typeof(dish_id), typeof(created_at),
                typeof(updated_at) FROM served`,
      )
      .raw()
      .all();
    expect(kinds).toEqual([['blob', 'blob', 'integer', 'integer', 'blob', 'integer', 'integer']]);

    // The same inn's day as before the upgrade: the card's "staying now" and the disclosure's name depend on it.
    const again = reopenCore({ core, db }, { clock: () => Date.parse('2026-06-15T11:00:00+09:00') });
    const callAgain = (name: string, input: unknown) => unwrap(again, name, input);
    expect(everything(again)).toEqual(shipped);
    expect(await seen(callAgain, stayId, guestId)).toEqual(before);
    // Recording goes on: the dish already served at breakfast is not served twice, a new meal is.
    const lunch = await callAgain('served.record', {
      stayId,
      date: TODAY,
      meal: 'lunch',
      dishIds: [kitchen.rice],
    });
    expect(lunch.served).toHaveLength(1);
    // What the app writes is packed to the same types: whole numbers as INTEGERs (bound as JS numbers they would
    // sit in these ANY columns as 8-byte REALs).
    expect(
      db
        .prepare('SELECT DISTINCT typeof(date), typeof(meal), typeof(created_at), typeof(updated_at) FROM served')
        .raw()
        .all(),
    ).toEqual([['integer', 'integer', 'integer', 'integer']]);
    expect((await callAgain('served.forStay', { stayId })).served).toHaveLength(4);
    again.close();
  });

  it('packs an id, a time, a day or a meal only when it reads back identical, in the migration as in the app', () => {
    const hex = fc.constantFrom(...'0123456789abcdef');
    const group = (length: number) => fc.string({ unit: hex, minLength: length, maxLength: length });
    const uuid = fc.tuple(group(8), group(4), group(4), group(4), group(12)).map((parts) => parts.join('-'));
    const anyId = fc.oneof(
      uuid,
      uuid.map((id) => id.toUpperCase()),
      uuid.map((id) => `${id}x`),
      fc.string(),
    );
    const iso = fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString());
    const anyTime = fc.oneof(
      iso,
      iso.map((time) => time.replace('.', ',')),
      iso.map((time) => `${time.slice(0, 19)}Z`), // no milliseconds
      iso.map((time) => time.toLowerCase()),
      fc.constantFrom('2026-02-30T10:00:00.000Z', '2026-13-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', ''),
      fc.string(),
    );
    const day = fc.integer({ min: -719_528, max: 2_932_896 }).map((days) => new Date(days * 86_400_000).toISOString());
    const anyDay = fc.oneof(
      day.map((time) => time.slice(0, 10)), // 0000-01-01 to 9999-12-31
      fc.constantFrom('2026-02-29', '2024-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '令和8年6月15日', ''),
      fc.string(),
    );
    const anyMeal = fc.oneof(
      fc.constantFrom('dinner', 'breakfast', 'lunch', 'banquet', 'Dinner', 'brunch'),
      fc.string(),
    );
    const row = fc.record({
      id: anyId,
      stay_id: anyId,
      date: anyDay,
      meal: anyMeal,
      dish_id: anyId,
      course_id: fc.option(anyId),
      retracted_at: fc.option(anyTime),
      created_at: anyTime,
      updated_at: anyTime,
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 40, selector: (r) => r.id }), (rows) => {
        const db = new Database(':memory:');
        db.pragma('foreign_keys = OFF'); // ids that lead nowhere, as a faulty PC could have left them
        for (const migration of MIGRATIONS.filter((m) => m.version <= 16)) {
          db.exec(migration.sql);
          migration.run?.(db);
        }
        db.pragma('user_version = 16');
        const insert = db.prepare(
          `INSERT INTO served (id, stay_id, date, meal, dish_id, course_id, retracted_at, created_at, updated_at)
           VALUES (@id, @stay_id, @date, @meal, @dish_id, @course_id, @retracted_at, @created_at, @updated_at)`,
        );
        for (const r of rows) insert.run(r);
        migrate(db);
        const columns = Object.keys(FORMS);
        const read = db
          .prepare(
            `SELECT ${columns.map((c) => `${c}, typeof(${c}) AS "${c}:type"`).join(', ')} FROM served ORDER BY rowid`,
          )
          .all() as Array<Record<string, unknown>>;
        // What SQLite makes of the app's packed value as a parameter: its type too (an integer bound as a REAL
        // would sit in these ANY columns as 8 bytes).
        const bound = db.prepare('SELECT ? AS value, typeof(?) AS type');
        read.forEach((stored, i) => {
          const written = rows[i] as Record<string, unknown>;
          for (const [column, form] of Object.entries(FORMS)) {
            // The migration packs as the app does, to the same SQLite type...
            const app = packValue(form, written[column]);
            expect({ value: stored[column], type: stored[`${column}:type`] }).toEqual(bound.get(app, app));
            // ...and every value reads back as it was written.
            expect(unpackValue(form, stored[column])).toEqual(written[column]);
          }
        });
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('keeps aside a change from another PC that puts a number where a time or an id belongs', async () => {
    const { a, b, sync } = await twoPcs();
    const guest = await a.call('guests.create', { fields: { familyName: '早川', familyReading: 'はやかわ' } });
    const stay = await a.call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2030-06-15', departureDate: '2030-06-16', rooms: ['201'] },
    });
    const dish = await a.call('dishes.create', { fields: { name: '蕪蒸し', reading: '', category: 'steamed' } });
    const served = (
      await a.call('served.record', { stayId: stay.id, date: '2030-06-15', meal: 'dinner', dishIds: [dish.id] })
    ).served[0];
    sync();
    const last = a.core.changes.exportAfter(0, 1000).transactions.at(-1) as ShippedTx;
    const faulty = (hlc: number, column: string, value: unknown): ShippedTx => ({
      ...last,
      hlc,
      call: 'served.react',
      entries: [
        {
          table: tableSpec('served').id,
          col: columnSpec('served', column)?.id as number,
          row: served.id,
          value: value as never,
          prev: null,
        },
      ],
    });
    const report = b.core.changes.apply([
      faulty(last.hlc + 1, 'retracted_at', 1_781_510_400_000),
      faulty(last.hlc + 2, 'dish_id', 42),
    ]);
    expect(report.held.map((held) => held.reason)).toEqual(['cannot_store', 'cannot_store']);
    const onB = await b.call('served.forStay', { stayId: stay.id });
    expect(onB.served[0]).toMatchObject({ id: served.id, dishId: dish.id, retractedAt: null });
  });
});

async function unwrap(
  core: { call(name: string, input: unknown): Promise<unknown> },
  name: string,
  input: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read call results loosely, as in tests/support/core.ts.
): Promise<any> {
  const result = (await core.call(name, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** What staff see of the servings: the stay's list, the guest's card, the day's arrivals, the disclosure. */
async function seen(call: (name: string, input: unknown) => Promise<unknown>, stayId: string, guestId: string) {
  const disclosure = (await call('guests.disclose', { id: guestId, format: 'json', language: 'ja' })) as {
    file: string;
  };
  // biome-ignore lint/suspicious/noExplicitAny: downloaded() reads through `call` only.
  const file = await downloaded({ call } as any, disclosure.file);
  return {
    served: await call('served.forStay', { stayId }),
    card: await call('guests.service', { id: guestId }),
    arrivals: await call('arrivals.forDate', { date: TODAY }),
    // When it was made is the one thing that may differ.
    disclosure: { ...JSON.parse(file.bytes.toString('utf8')), madeAt: undefined },
  };
}
