import { describe, expect, test } from 'vitest';
import type { SyncedTable } from '../../db/schema.ts';
import { COURSE_TIERS, DISH_BASES, ROOMS, SEASONS } from '../../electron/core/demo/service-catalogue.ts';
import { STAGES } from '../../shared/contract/banquets.ts';
import { addDays, addYears } from '../../shared/text/dates.ts';
import { makeCore } from '../support/core.ts';
import { rowsWithInsert } from '../support/log.ts';
import { morningOf, rowCount, sampleCore, TODAY, TOMORROW, YESTERDAY } from './helpers.ts';

// "Load sample data" gives a person trying the app a working day: today's arrivals with every kind of
// alert, returning guests with their history, a dish catalogue and planned menus with warnings.

// biome-ignore lint/suspicious/noExplicitAny: call results are read loosely; the contract checks their shape.
type Loose = any;

describe('today, after loading the sample data', async () => {
  const test200 = await sampleCore();
  const { call } = test200;
  const today = await call('arrivals.forDate', { date: TODAY });
  const arrivals: Loose[] = today.arrivals;

  test('about twelve parties arrive today, each in its own room, listed in room order', () => {
    expect(test200.created).toBe(200);
    expect(arrivals).toHaveLength(12);
    const rooms = arrivals.map((a) => a.stay.rooms[0]);
    expect(new Set(rooms).size).toBe(12);
    expect(rooms.every((room) => ROOMS.includes(room))).toBe(true);
    expect(rooms).toEqual([...rooms].sort((a, b) => Number(a) - Number(b)));
    for (const arrival of arrivals) {
      expect(arrival.stay.arrivalDate).toBe(TODAY);
      expect(arrival.stay.status).toBe('booked');
      expect(arrival.stay.amountYen).toBeGreaterThan(0);
    }
    expect(today.totals.parties).toBe(12);
  });

  test('the alerts staff must see: two anaphylaxis parties, an anniversary, a birthday, returning guests', () => {
    expect(today.totals.anaphylaxis).toBeGreaterThanOrEqual(2);
    const anaphylactic = arrivals.filter((a) => a.allergies.some((x: Loose) => x.severity === 'anaphylaxis'));
    expect(anaphylactic.length).toBeGreaterThanOrEqual(2);
    // One of them is a companion's, confirmed long ago: re-confirm at check-in.
    expect(
      anaphylactic.some((a) =>
        a.allergies.some((x: Loose) => x.severity === 'anaphylaxis' && x.guestId !== a.stay.guestId && x.reconfirmDue),
      ),
    ).toBe(true);
    const celebrations = arrivals.flatMap((a) => a.celebrations);
    expect(celebrations.some((c: Loose) => c.kind === 'purpose' && c.purpose === 'anniversary')).toBe(true);
    expect(celebrations.some((c: Loose) => c.kind === 'birthday' && c.date === TODAY)).toBe(true);
    expect(arrivals.filter((a) => a.visitCount > 0).length).toBeGreaterThanOrEqual(4);
    expect(arrivals.some((a) => a.visitCount === 0)).toBe(true);
    expect(arrivals.some((a) => a.stay.party.length > 1)).toBe(true);
    expect(arrivals.filter((a) => a.menus.length > 0).length).toBeGreaterThanOrEqual(3);
    const requests = arrivals.flatMap((a) => a.requests);
    expect(requests.some((r: Loose) => r.standing)).toBe(true);
    expect(requests.some((r: Loose) => r.category === 'celebration')).toBe(true);
  });

  test('a returning guest’s card shows the visits and what was served', async () => {
    const returning = arrivals.find((a) => a.visitCount > 0 && a.menus.length > 0) as Loose;
    const service = await call('guests.service', { id: returning.stay.guestId });
    expect(service.visits.count).toBe(returning.visitCount);
    expect(service.visits.totalSpendYen).toBeGreaterThan(0);
    expect(service.visits.lastVisit).toBe(returning.lastVisit);
    expect(service.currentStayId).toBe(returning.stay.id);
    expect(service.stays.some((s: Loose) => s.status === 'departed')).toBe(true);
    expect(service.lastServed.served.length).toBeGreaterThanOrEqual(DINNER_DISHES);
    expect(service.dishHistory.length).toBeGreaterThanOrEqual(DINNER_DISHES);
    expect(service.lastServed.arrivalDate < TODAY).toBe(true);
  });

  test('a planned menu warns of the party’s anaphylaxis, offers alternatives, and flags repeats', async () => {
    const planned = arrivals.filter(
      (a) => a.menus.length > 0 && a.allergies.some((x: Loose) => x.severity === 'anaphylaxis'),
    );
    expect(planned.length).toBeGreaterThanOrEqual(2);
    for (const arrival of planned) {
      const { menus } = await call('menus.forStay', { stayId: arrival.stay.id });
      expect(menus).toHaveLength(1);
      expect(menus[0].status).toBe('planned');
      expect(menus[0].date).toBe(TODAY);
      const flagged = menus[0].dishes.filter((d: Loose) => d.worstSeverity === 'anaphylaxis');
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.some((d: Loose) => d.alternatives.length > 0)).toBe(true);
    }
    // The returning one came the same season last year: some dishes would be served again, one was left.
    const returning = planned.find((a) => a.visitCount > 0) as Loose;
    const { menus } = await call('menus.forStay', { stayId: returning.stay.id });
    const repeats = menus[0].dishes.filter((d: Loose) => d.servedBefore.length > 0);
    expect(repeats.length).toBeGreaterThan(0);
    expect(repeats.length).toBeLessThan(menus[0].dishes.length);
    expect(repeats.some((d: Loose) => d.reactions.some((r: Loose) => r.reaction === 'left'))).toBe(true);
  });

  test('around today: parties in house since yesterday, and bookings for tomorrow, in free rooms', async () => {
    const yesterday = await call('arrivals.forDate', { date: YESTERDAY });
    expect(yesterday.arrivals.length).toBeGreaterThanOrEqual(2);
    expect(yesterday.arrivals.every((a: Loose) => a.stay.status === 'in_house')).toBe(true);
    expect(yesterday.arrivals.every((a: Loose) => a.stay.departureDate > TODAY)).toBe(true);
    const tomorrow = await call('arrivals.forDate', { date: TOMORROW });
    expect(tomorrow.arrivals.length).toBeGreaterThanOrEqual(4);
    const inUse = [...yesterday.arrivals, ...arrivals, ...tomorrow.arrivals].map((a: Loose) => a.stay.rooms[0]);
    expect(new Set(inUse).size).toBe(inUse.length);
    // Last night's dinner of an in-house party was served, tonight's is planned.
    const served = await Promise.all(
      yesterday.arrivals.map((a: Loose) => call('served.forStay', { stayId: a.stay.id })),
    );
    expect(served.some((s) => s.served.some((row: Loose) => row.date === YESTERDAY && row.meal === 'dinner'))).toBe(
      true,
    );
  });

  test('the history: ~40% of the guests came before, 1–4 times in the last three years, with dinners served', () => {
    const since = addYears(TODAY, -3);
    const leads = test200.db
      .prepare(
        `SELECT guest_id, count(*) AS n, min(arrival_date) AS first FROM stays
          WHERE status = 'departed' GROUP BY guest_id`,
      )
      .all() as Array<{ guest_id: string; n: number; first: string }>;
    expect(leads.length).toBeGreaterThan(200 * 0.3);
    expect(leads.length).toBeLessThan(200 * 0.5);
    expect(leads.every((lead) => lead.n >= 1 && lead.n <= 4 && lead.first >= since)).toBe(true);
    expect(rowCount(test200, 'stays', `status = 'departed' AND departure_date > '${TODAY}'`)).toBe(0);
    expect(rowCount(test200, 'stay_party')).toBeGreaterThan(10);
    expect(rowCount(test200, 'served')).toBeGreaterThan(leads.length * DINNER_DISHES);
    expect(rowCount(test200, 'served', 'reaction IS NOT NULL')).toBeGreaterThan(5);
  });

  test('allergies for ~8% of the guests, some confirmed long ago; requests open, done and standing', () => {
    const withAllergies = rowCount(test200, 'guests', 'id IN (SELECT guest_id FROM allergies)');
    expect(withAllergies).toBeGreaterThanOrEqual(200 * 0.04);
    expect(withAllergies).toBeLessThanOrEqual(200 * 0.14);
    expect(rowCount(test200, 'allergies', `confirmed_at < '${addYears(TODAY, -1)}'`)).toBeGreaterThan(0);
    expect(rowCount(test200, 'allergies', `confirmed_at >= '${addYears(TODAY, -1)}'`)).toBeGreaterThan(0);
    expect(rowCount(test200, 'requests', "status = 'done'")).toBeGreaterThan(0);
    expect(rowCount(test200, 'requests', "status = 'open' AND standing = 0")).toBeGreaterThan(0);
    expect(rowCount(test200, 'requests', 'standing = 1')).toBeGreaterThan(0);
  });

  test('every row came through the write path: each has its change-log entries', () => {
    for (const table of ['stays', 'stay_party', 'served', 'allergies', 'requests', 'menu_plans', 'dishes', 'courses']) {
      const logged = rowsWithInsert(test200.db, table as SyncedTable);
      expect(logged, table).toBe(rowCount(test200, table));
    }
  });

  test('banquet sales: four halls (松 and 竹 combinable), deals in every stage, lost ones with why and to whom', () => {
    const halls = test200.db
      .prepare('SELECT id, name, combinable_with FROM halls ORDER BY sort_order')
      .all() as Loose[];
    expect(halls.map((h) => h.name)).toEqual(['松の間', '竹の間', '梅の間', '萩の間']);
    expect(JSON.parse(halls[0].combinable_with)).toEqual([halls[1].id]);
    expect(JSON.parse(halls[1].combinable_with)).toEqual([halls[0].id]);
    const stages = test200.db.prepare('SELECT DISTINCT stage FROM banquets ORDER BY stage').pluck().all();
    expect(stages).toEqual([...STAGES].sort());
    expect(rowCount(test200, 'banquets')).toBeGreaterThanOrEqual(35);
    // The report screen's default range (the last twelve months) has held, lost and won deals in it.
    const lastYear = `date > '${addYears(TODAY, -1)}' AND date <= '${TODAY}'`;
    expect(rowCount(test200, 'banquets', `${lastYear} AND stage = 'held'`)).toBeGreaterThanOrEqual(8);
    expect(rowCount(test200, 'banquets', `${lastYear} AND stage = 'lost' AND competitor <> ''`)).toBeGreaterThanOrEqual(
      4,
    );
    expect(rowCount(test200, 'banquets', "stage = 'lost' AND (lost_reason IS NULL OR closing_note = '')")).toBe(0);
    // Every deal has its timeline, ending in its current stage.
    expect(
      rowCount(
        test200,
        'banquets',
        `stage <> (SELECT s.stage FROM banquet_stages s WHERE s.banquet_id = banquets.id ORDER BY s.at DESC LIMIT 1)`,
      ),
    ).toBe(0);
    // A memorial service held this year brings its next anniversary's call up now; two holds lapse this week.
    expect(
      rowCount(test200, 'follow_ups', `kind = 'memorial' AND status = 'open' AND due_date <= '${TODAY}'`),
    ).toBeGreaterThan(0);
    expect(rowCount(test200, 'follow_ups', "kind = 'yearly'")).toBeGreaterThan(0);
    expect(rowCount(test200, 'banquets', `stage = 'provisional' AND hold_expires_on <= '${addDays(TODAY, 7)}'`)).toBe(
      2,
    );
    for (const table of ['halls', 'banquets', 'banquet_stages', 'follow_ups']) {
      const logged = rowsWithInsert(test200.db, table as SyncedTable);
      expect(logged, table).toBe(rowCount(test200, table));
    }
  });
});

const DINNER_DISHES = 8;

test('the dish catalogue is loaded once, even when sample data is loaded twice', async () => {
  const test = await sampleCore({ count: 100 });
  await test.call('demo.load', { count: 100, seed: 43 });
  const { dishes } = await test.call('dishes.list', {});
  expect(dishes).toHaveLength(DISH_BASES.length * SEASONS.length);
  expect(new Set(dishes.map((d: Loose) => d.name)).size).toBe(dishes.length);
  const { courses } = await test.call('courses.list', {});
  expect(courses).toHaveLength(COURSE_TIERS.length * SEASONS.length);
  expect(courses.every((c: Loose) => c.dishes.length === DINNER_DISHES)).toBe(true);
  // The second load's arrivals went to rooms still free.
  const { arrivals } = await test.call('arrivals.forDate', { date: TODAY });
  expect(arrivals).toHaveLength(24);
  const rooms = arrivals.map((a: Loose) => a.stay.rooms[0]);
  expect(new Set(rooms).size).toBe(rooms.length);
});

test('ifEmpty adds nothing to a register that has guests', async () => {
  const test = await sampleCore({ count: 100 });
  const stays = rowCount(test, 'stays');
  expect(await test.call('demo.load', { count: 100, ifEmpty: true })).toEqual({ created: 0 });
  expect(rowCount(test, 'stays')).toBe(stays);
});

test('first start with --demo: the sample inn brings its people, and every deal names who handles it', async () => {
  const test = makeCore({ clock: morningOf(TODAY) });
  expect(await test.call('demo.load', { count: 100, seed: 5, ifEmpty: true })).toEqual({ created: 100 });
  expect(rowCount(test, 'stays')).toBeGreaterThan(10);
  const { staff } = await test.call('staff.list', {});
  expect(staff.map((member: { name: string }) => member.name)).toEqual(['女将 山田', '佐藤 花子', '鈴木 健太']);
  // Each with roles, so trying the app shows what each role sees: the 女将 owns the register.
  expect(staff.map((member: { roles: string[] }) => member.roles)).toEqual([
    ['owner', 'manager'],
    ['front', 'service', 'banquet'],
    ['kitchen'],
  ]);
  // 担当 on the deals list: none empty (read as the 女将, chosen at the PC).
  await test.call('staff.setCurrent', { id: staff[0].id });
  const { banquets } = await test.call('banquets.list', {});
  expect(banquets.length).toBeGreaterThan(5);
  expect(banquets.filter((deal: { staffName: string | null }) => !deal.staffName)).toEqual([]);
});

test('a register with its own people keeps them: sample data adds nobody', async () => {
  const test = await sampleCore({ count: 30 });
  const { staff } = await test.call('staff.list', {});
  expect(staff).toHaveLength(1);
});

test('a handful of guests: no working day to fill, but no failure either', async () => {
  const test = await sampleCore({ count: 3 });
  expect(test.created).toBe(3);
  expect(rowCount(test, 'dishes')).toBe(DISH_BASES.length * SEASONS.length);
  const { arrivals } = await test.call('arrivals.forDate', { date: TODAY });
  expect(arrivals).toHaveLength(0);
});
