import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { rawRequest } from '../support/http.ts';

// Every edit call a form makes carries the version its form read: two screens editing the same field of the
// same record, through the HTTP door, the second is refused with both values until it sends the new version.

let app: RunningApp;

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below.
type Loose = any;

async function callApi(name: string, input: unknown): Promise<Loose> {
  const port = app.server.port;
  const response = await rawRequest({
    port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-yadocho-token': app.server.token },
    body: JSON.stringify(input),
  });
  return JSON.parse(response.body);
}

async function value(name: string, input: unknown): Promise<Loose> {
  const body = await callApi(name, input);
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** One edit call: how to make a record to edit (its id and version), and an edit of one field to a value. */
type Case = {
  call: string;
  table: string;
  column: string;
  values: [unknown, unknown];
  make(): Promise<{ id: string; version: number }>;
  edit(id: string, value: unknown, version: number): unknown;
  /** The value as the error shows it (as stored), when it differs from what was sent. */
  stored?(value: unknown): unknown;
};

const guest = () => value('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
const dish = () => value('dishes.create', { fields: { name: '八寸', category: 'appetizer' } });
const today = () => localDate(Date.now(), DEFAULT_TIME_ZONE); // the core's day, as it plans meals
const tomorrow = () => addDays(today(), 1);

const CASES: Case[] = [
  {
    call: 'stays.update',
    table: 'stays',
    column: 'note',
    values: ['窓側', '和室'],
    make: async () =>
      value('stays.create', {
        fields: { guestId: (await guest()).id, arrivalDate: '2026-05-01', departureDate: '2026-05-02', rooms: ['101'] },
      }),
    edit: (id, note, version) => ({ id, patch: { note }, version }),
  },
  {
    call: 'banquets.update',
    table: 'banquets',
    column: 'headcount',
    values: [30, 40],
    make: async () => {
      const detail = await value('banquets.create', {
        fields: {
          organiserId: (await guest()).id,
          type: 'bonenkai',
          date: '2026-12-10',
          startTime: '18:00',
          endTime: '20:00',
          headcount: 20,
        },
      });
      return { id: detail.banquet.id, version: detail.version };
    },
    edit: (id, headcount, version) => ({ id, fields: { headcount }, version }),
  },
  {
    call: 'halls.update',
    table: 'halls',
    column: 'note',
    values: ['舞台あり', '控室つき'],
    make: () =>
      value('halls.create', { fields: { name: '松の間', capacity: { seated: 40, standing: 60, theatre: 50 } } }),
    edit: (id, note, version) => ({ id, fields: { note }, version }),
  },
  {
    call: 'dishes.update',
    table: 'dishes',
    column: 'allergen_ids',
    values: [[], []], // replaced in the test by allergen ids
    make: dish,
    edit: (id, allergenIds, version) => ({ id, patch: { allergenIds }, version }),
    stored: (ids) => JSON.stringify(ids),
  },
  {
    call: 'courses.update',
    table: 'courses',
    column: 'price_yen',
    values: [8000, 9000],
    make: async () => value('courses.create', { fields: { name: '月コース', dishIds: [(await dish()).id] } }),
    edit: (id, priceYen, version) => ({ id, patch: { priceYen }, version }),
  },
  {
    call: 'allergens.update',
    table: 'allergens',
    column: 'name_en',
    values: ['Japanese yam', 'Nagaimo'],
    make: () => value('allergens.create', { fields: { nameJa: '長芋', nameEn: 'Yam', legalClass: 'other' } }),
    edit: (id, nameEn, version) => ({ id, patch: { nameEn }, version }),
  },
  {
    call: 'staff.update',
    table: 'staff',
    column: 'name',
    values: ['仲居 佐藤', '仲居 佐藤 花子'],
    make: () => value('staff.create', { name: '仲居' }),
    edit: (id, name, version) => ({ id, name, version }),
  },
  {
    call: 'menus.update',
    table: 'menu_plans',
    column: 'dish_ids',
    values: [[], []], // replaced in the test by two other dishes
    make: async () => {
      const stay = await value('stays.create', {
        fields: { guestId: (await guest()).id, arrivalDate: today(), departureDate: tomorrow(), rooms: ['101'] },
      });
      const plan = { stayId: stay.id, date: today(), meal: 'dinner', courseId: null, dishIds: [(await dish()).id] };
      return value('menus.plan', plan);
    },
    edit: (id, dishIds, version) => ({ id, dishIds, version }),
    stored: (ids) => JSON.stringify(ids),
  },
  {
    call: 'settings.update',
    table: 'settings',
    column: 'value',
    values: [5, 7],
    make: async () => ({ id: 'repeatDishYears', version: (await value('settings.get', {})).version }),
    edit: (_id, repeatDishYears, version) => ({ patch: { repeatDishYears }, version }),
    stored: (years) => JSON.stringify(years),
  },
];

beforeEach(async () => {
  app = await startApp({ staticDir: null });
  const staff = await value('staff.create', { name: 'フロント 鈴木' });
  await value('staff.setCurrent', { id: staff.id });
});
afterEach(async () => {
  await app.stop();
});

describe('edit calls carry the version their form read', () => {
  for (const test of CASES) {
    it(`${test.call}: the second screen gets both values, then wins with the new version`, async () => {
      if (test.call === 'dishes.update') {
        const allergens = (await value('allergens.list', {})).allergens;
        test.values = [[allergens[0].id], [allergens[1].id]];
      }
      if (test.call === 'menus.update') test.values = [[(await dish()).id], [(await dish()).id]];
      const stored = test.stored ?? ((v: unknown) => v);
      const record = await test.make();
      const [first, second] = test.values;

      await value(test.call, test.edit(record.id, first, record.version));
      const refused = await callApi(test.call, test.edit(record.id, second, record.version));
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', detail: 'edited_since' } });
      expect(refused.error.changes).toEqual([
        {
          table: test.table,
          id: record.id,
          column: test.column,
          yours: stored(second),
          theirs: stored(first),
          staffName: 'フロント 鈴木',
          at: expect.any(String),
        },
      ]);
      expect(refused.error.version).toBeGreaterThan(record.version);

      const saved = await value(test.call, test.edit(record.id, second, refused.error.version));
      expect(JSON.stringify(saved)).toContain(JSON.stringify(second));
    });
  }
});
