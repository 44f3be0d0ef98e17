import { describe, expect, test } from 'vitest';
import { at, type Loose, managerCore } from './helpers.ts';

// The manager's view through the core's door, on a small register seeded call by call: each figure's
// expected value is worked out here from what the test itself recorded, and the list behind each figure
// holds exactly the records the figure counts.

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

async function seeded() {
  // The log's clock only moves forward (a stamp never goes back), so the register is written in time order.
  const test = await managerCore('2023-01-01');
  const { call, setNow, guest, stay, as, okami, nakai } = test;
  const sato = await guest('佐藤', '花子');
  const suzuki = await guest('鈴木', '一郎');
  const tanaka = await guest('田中');

  // Allergies by the 女将 in 2023: one confirmed then (due again by 2026), a dislike (never due), and one
  // as a ledger leaves it, never confirmed (要確認).
  await call('allergies.record', { guestId: suzuki, freeAllergen: 'えび', severity: 'allergy', tracesOk: false });
  await call('allergies.record', { guestId: tanaka, freeAllergen: 'しいたけ', severity: 'dislike', tracesOk: false });
  test.db.prepare("UPDATE allergies SET confirmed_at = '' WHERE free_allergen = 'しいたけ'").run();

  // 佐藤: came in 2024, back twice in 2025 (both returning). 鈴木: came in 2024, twice in 2025 (both
  // returning); a cancelled stay and a no-show count for nothing. 田中: in the house since 2025-12-30, the
  // first visit; a booking for the next day is no arrival yet.
  await stay(sato, '2024-03-01', { amountYen: 30_000 });
  await stay(suzuki, '2024-02-11', { amountYen: 10_000 });
  await stay(sato, '2025-02-10', { amountYen: 40_000 });
  await stay(sato, '2025-08-20', { amountYen: 50_000 });
  await stay(suzuki, '2025-02-11', { amountYen: 20_000 });
  await stay(suzuki, '2025-11-03', { amountYen: 25_000 });
  await stay(suzuki, '2025-05-05', { amountYen: 99_000, status: 'cancelled' });
  await stay(suzuki, '2025-06-06', { amountYen: 77_000, status: 'no_show' });
  await stay(tanaka, '2025-12-30', { amountYen: 60_000, status: 'in_house' });
  await stay(tanaka, '2025-12-31', { amountYen: 70_000, status: 'booked' });

  // Requests taken by the 仲居: one on the last evening of 2024 (outside the period), two in 2025 done after
  // 30 and 90 minutes, one left open.
  await as(nakai);
  const request = async (guestId: string, category: string, recorded: number, doneAfterMinutes?: number) => {
    setNow(recorded);
    const made = await call('requests.record', { guestId, standing: true, category, text: `${category} の要望` });
    if (doneAfterMinutes !== undefined) {
      setNow(recorded + doneAfterMinutes * 60_000);
      await call('requests.setStatus', { id: made.id, status: 'done' });
    }
    return made.id as string;
  };
  await request(tanaka, 'meals', at('2024-12-31', '23:00'), 10);
  await request(sato, 'meals', at('2025-02-10', '15:00'), 30);
  await request(suzuki, 'meals', at('2025-02-11', '16:00'), 90);
  await request(sato, 'room', at('2025-08-20', '17:00'));

  // An allergy recorded by the 女将 in 2025, confirmed then (within the twelve months before today).
  await as(okami);
  setNow(at('2025-09-01'));
  await call('allergies.record', { guestId: sato, freeAllergen: 'そば粉', severity: 'anaphylaxis', tracesOk: false });
  setNow(at('2026-06-15'));
  return { ...test, sato, suzuki, tanaka };
}

describe('manager.overview', () => {
  test('counts arrivals, returning arrivals and revenue by month, with the same days a year before', async () => {
    const { call } = await seeded();
    const view: Loose = await call('manager.overview', YEAR);
    // 2025: 佐藤 ×2 and 鈴木 ×2, all returning (each came in 2024); 田中 ×1, the first.
    expect(view.totals).toEqual({ arrivals: 5, returning: 4, staysYen: 40_000 + 50_000 + 20_000 + 25_000 + 60_000 });
    expect(view.previous).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(view.previousTotals).toEqual({ arrivals: 2, returning: 0, staysYen: 40_000 });
    expect(view.bucket).toBe('month');
    expect(view.buckets).toHaveLength(12);
    const february = view.buckets[1];
    expect(february).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-28',
      arrivals: 2,
      returning: 2,
      staysYen: 60_000,
    });
    expect(view.revenueByMonth.find((row: Loose) => row.month === '2025-12')).toEqual({
      month: '2025-12',
      staysYen: 60_000,
      banquetsYen: 0,
    });
  });

  test('a period of a month is shown by week, Monday to Sunday, clipped to the month', async () => {
    const { call } = await seeded();
    const view: Loose = await call('manager.overview', { from: '2025-02-01', to: '2025-02-28' });
    expect(view.bucket).toBe('week');
    expect(view.buckets[0]).toMatchObject({ from: '2025-02-01', to: '2025-02-02' });
    expect(view.buckets[1]).toMatchObject({ from: '2025-02-03', to: '2025-02-09' });
    const week = view.buckets.find((bucket: Loose) => bucket.from === '2025-02-10');
    expect(week).toMatchObject({ to: '2025-02-16', arrivals: 2 });
    expect(view.buckets.at(-1)).toMatchObject({ from: '2025-02-24', to: '2025-02-28' });
  });

  test('requests by category: done, open, and the median and 90th percentile of minutes to done', async () => {
    const { call } = await seeded();
    const view: Loose = await call('manager.overview', YEAR);
    const meals = view.requests.find((row: Loose) => row.category === 'meals');
    expect(meals).toEqual({
      category: 'meals',
      total: 2,
      open: 0,
      done: 2,
      cancelled: 0,
      medianMinutes: 30,
      p90Minutes: 90,
    });
    expect(view.requests.find((row: Loose) => row.category === 'room')).toMatchObject({
      total: 1,
      open: 1,
      done: 0,
      medianMinutes: null,
    });
    expect(view.requests).toHaveLength(8);
  });

  test('allergies recorded and confirmed in the period, due again and never confirmed as of today', async () => {
    const { call } = await seeded();
    const view: Loose = await call('manager.overview', YEAR);
    expect(view.allergies).toEqual({ recorded: 1, confirmed: 1, overdue: 1, needsReview: 1, asOf: '2026-06-15' });
    const overdue: Loose = await call('manager.list', { ...YEAR, figure: 'allergies.overdue' });
    expect(overdue.rows.map((row: Loose) => [row.guestName, row.allergenJa])).toEqual([['鈴木 一郎', 'えび']]);
  });

  test("a deleted guest's allergies are no longer due, in the figure and in its list alike", async () => {
    const { call } = await seeded();
    const overdue: Loose = await call('manager.list', { ...YEAR, figure: 'allergies.overdue' });
    await call('guests.delete', { id: overdue.rows[0].guestId });
    const view: Loose = await call('manager.overview', YEAR);
    expect(view.allergies).toMatchObject({ recorded: 1, overdue: 0 });
    expect((await call('manager.list', { ...YEAR, figure: 'allergies.overdue' })).total).toBe(0);
  });

  test('records per staff member come from who was working when each was written', async () => {
    const { call, okami, nakai } = await seeded();
    const view: Loose = await call('manager.overview', YEAR);
    const byName = Object.fromEntries(view.staff.map((row: Loose) => [row.name, row]));
    expect(byName['仲居 鈴木']).toMatchObject({ staffId: nakai, requests: 3, allergies: 0, total: 3 });
    // The 女将 recorded one allergy in 2025 (the others in 2023, when she also registered the guests).
    expect(byName['女将 山田']).toMatchObject({ staffId: okami, allergies: 1, guests: 0, requests: 0 });
    const list: Loose = await call('manager.list', { ...YEAR, figure: 'staff', staffId: nakai, kind: 'requests' });
    expect(list.total).toBe(3);
    expect(list.rows.map((row: Loose) => row.guestName).sort()).toEqual(['佐藤 花子', '佐藤 花子', '鈴木 一郎']);
    expect(list.rows.every((row: Loose) => row.call === 'requests.record')).toBe(true);
  });

  test('the list behind each figure holds as many records as the figure counts', async () => {
    const { call } = await seeded();
    const view: Loose = await call('manager.overview', YEAR);
    const total = async (input: Record<string, unknown>) =>
      ((await call('manager.list', { ...YEAR, limit: 200, ...input })) as Loose).total;
    expect(await total({ figure: 'arrivals' })).toBe(view.totals.arrivals);
    expect(await total({ figure: 'returning' })).toBe(view.totals.returning);
    const february = view.buckets[1];
    expect(await total({ figure: 'arrivals', from: february.from, to: february.to })).toBe(february.arrivals);
    for (const row of view.requests) {
      expect(await total({ figure: 'requests', category: row.category })).toBe(row.total);
      expect(await total({ figure: 'requests', category: row.category, status: 'done' })).toBe(row.done);
    }
    for (const figure of ['recorded', 'confirmed', 'overdue', 'needsReview']) {
      expect(await total({ figure: `allergies.${figure}` })).toBe(view.allergies[figure]);
    }
    for (const person of view.staff) {
      for (const kind of ['guests', 'requests', 'allergies', 'served']) {
        expect(await total({ figure: 'staff', staffId: person.staffId, kind })).toBe(person[kind]);
      }
    }
    const arrivals: Loose = await call('manager.list', { ...YEAR, figure: 'arrivals' });
    expect(arrivals.rows.map((row: Loose) => [row.date, row.guestName, row.returning])).toEqual([
      ['2025-02-10', '佐藤 花子', true],
      ['2025-02-11', '鈴木 一郎', true],
      ['2025-08-20', '佐藤 花子', true],
      ['2025-11-03', '鈴木 一郎', true],
      ['2025-12-30', '田中', false],
    ]);
  });

  test('lists are paged', async () => {
    const { call } = await seeded();
    const first: Loose = await call('manager.list', { ...YEAR, figure: 'arrivals', limit: 2 });
    const second: Loose = await call('manager.list', { ...YEAR, figure: 'arrivals', limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect(first.rows).toHaveLength(2);
    expect(second.rows.map((row: Loose) => row.date)).toEqual(['2025-08-20', '2025-11-03']);
  });

  test('a period that ends before it starts is refused with the field named', async () => {
    const { core } = await seeded();
    const result = await core.call('manager.overview', { from: '2025-12-31', to: '2025-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(result)).toContain('range_invalid');
    const staff = await core.call('manager.list', { ...YEAR, figure: 'staff' });
    expect(JSON.stringify(staff)).toContain('required');
  });

  test('revenue by guest rank: the ranks of today in the order of the rules, then the guests with none', async () => {
    const { call, sato, suzuki } = await seeded();
    expect((await call('manager.overview', YEAR)).revenueByRank).toBeNull();
    const { version } = await call('ranks.rules', {});
    await call('ranks.updateRules', {
      version,
      rules: [
        { name: 'VIP', manual: true, minVisits: null, minSpendYen: null, years: 1, combine: 'and' },
        { name: '常連', manual: false, minVisits: 3, minSpendYen: null, years: 5, combine: 'and' },
      ],
    });
    await call('ranks.recompute', {});
    await call('ranks.setManual', { guestId: sato, rank: 'VIP' });
    const view: Loose = await call('manager.overview', YEAR);
    // 佐藤 (VIP by hand) and 鈴木 (three visits) each arrived twice in 2025; 田中, with no visit yet, once.
    expect(view.revenueByRank).toEqual([
      { rank: 'VIP', stays: 2, staysYen: 90_000 },
      { rank: '常連', stays: 2, staysYen: 45_000 },
      { rank: '', stays: 1, staysYen: 60_000 },
    ]);
    const vip: Loose = await call('manager.list', { ...YEAR, figure: 'rank', rank: 'VIP' });
    expect(vip.rows.map((row: Loose) => row.guestName)).toEqual(['佐藤 花子', '佐藤 花子']);
    const regulars: Loose = await call('manager.list', { ...YEAR, figure: 'rank', rank: '常連' });
    expect(regulars.rows.every((row: Loose) => row.guestId === suzuki)).toBe(true);
    expect((await call('manager.list', { ...YEAR, figure: 'rank', rank: '' })).total).toBe(1);
  });

  test('the banquet figures are the banquet report of the same dates', async () => {
    const { call } = await seeded();
    const view: Loose = await call('manager.overview', YEAR);
    expect(view.banquets).toEqual(await call('banquets.report', YEAR));
  });
});
