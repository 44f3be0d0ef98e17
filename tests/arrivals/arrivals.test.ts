import { describe, expect, it } from 'vitest';
import { kitchenCore, TODAY } from '../kitchen/helpers.ts';
import { arrivalDay as day } from './day.ts';

const UNKNOWN = '01900000-0000-7000-8000-999999999999';

describe('arrivals of a day', () => {
  it('lists the day by first room, numbers before longer numbers, leaving cancelled stays out', async () => {
    const { call, suzuki, tanakaStay, takahashiStay } = await day();
    const result = await call('arrivals.forDate', { date: TODAY });
    expect(result.date).toBe(TODAY);
    expect(result.arrivals.map((a: { stay: { id: string } }) => a.stay.id)).toEqual([
      tanakaStay,
      suzuki,
      takahashiStay,
    ]);
    expect(result.totals).toEqual({ parties: 3, adults: 5, children: 1, anaphylaxis: 1 });
  });

  it('counts the lead guest’s earlier visits, as lead or companion, and gives the last one', async () => {
    const { call, suzuki, tanakaStay } = await day();
    const { arrivals } = await call('arrivals.forDate', { date: TODAY });
    const byStay = new Map(arrivals.map((a: { stay: { id: string } }) => [a.stay.id, a]));
    expect(byStay.get(suzuki)).toMatchObject({ visitCount: 2, lastVisit: '2025-02-01' });
    expect(byStay.get(tanakaStay)).toMatchObject({ visitCount: 0, lastVisit: null });
  });

  it('shows the party’s allergies by severity, open requests, celebrations and birthdays within the stay', async () => {
    const { call, suzuki, sachiko, forStay, standing } = await day();
    const [arrival] = (await call('arrivals.forDate', { date: TODAY, stayId: suzuki })).arrivals;
    expect(arrival.allergies.map((a: { severity: string; guestName: string }) => [a.severity, a.guestName])).toEqual([
      ['anaphylaxis', '鈴木 幸子'],
      ['allergy', '鈴木 一郎'],
    ]);
    expect(arrival.requests.map((r: { id: string }) => r.id).sort()).toEqual([forStay.id, standing.id].sort());
    expect(arrival.celebrations).toEqual([
      { kind: 'purpose', purpose: 'anniversary', guestId: null, guestName: '鈴木 一郎', date: null },
      { kind: 'birthday', purpose: null, guestId: sachiko, guestName: '鈴木 幸子', date: '2026-06-16' },
    ]);
  });

  it('gives the lead guest’s own birthday within the stay, as a companion’s', async () => {
    const k = await day();
    const lead = await k.guest('中村', 'はるか', '1992-06-16');
    const stay = await k.stay(lead, { rooms: ['5'], departureDate: '2026-06-17' });
    const [arrival] = (await k.call('arrivals.forDate', { date: TODAY, stayId: stay })).arrivals;
    expect(arrival.celebrations).toEqual([
      { kind: 'birthday', purpose: null, guestId: lead, guestName: '中村 はるか', date: '2026-06-16' },
    ]);
  });

  it('leaves out a birthday just before the stay', async () => {
    const { call, takahashiStay } = await day();
    const [arrival] = (await call('arrivals.forDate', { date: TODAY, stayId: takahashiStay })).arrivals;
    expect(arrival.celebrations).toEqual([]);
    expect(arrival.allergies).toEqual([]);
    expect(arrival.dishesToAvoid).toEqual([]);
  });

  it('gives the dishes to avoid: planned dishes with allergens by severity first, then dishes served before or disliked', async () => {
    const { call, suzuki, dishes } = await day();
    const [arrival] = (await call('arrivals.forDate', { date: TODAY, stayId: suzuki })).arrivals;
    expect(arrival.dishesToAvoid).toEqual([
      {
        dishId: dishes.peanutTofu,
        dishName: '落花生豆腐',
        reasons: ['allergen'],
        severity: 'anaphylaxis',
        lastServed: null,
      },
      // 天ぷら carries 一郎's allergen too, but is not on a planned menu: the allergy itself is the alert.
      {
        dishId: dishes.ayu,
        dishName: '鮎の塩焼き',
        reasons: ['served', 'disliked'],
        severity: null,
        lastServed: '2024-08-01',
      },
      { dishId: dishes.sashimi, dishName: 'お造り', reasons: ['served'], severity: null, lastServed: '2024-08-01' },
    ]);
  });

  it('flags a dish served before as an allergen, with its severity, when it carries an allergen of the party', async () => {
    const k = await kitchenCore();
    const guest = await k.guest('石原', '浩');
    await k.allergy(guest, 'shrimp', 'anaphylaxis');
    const shrimpSoup = await k.dish('海老真丈の椀', 'soup', ['shrimp'], 'えびしんじょうのわん');
    const sashimi = await k.dish('お造り', 'sashimi', [], 'おつくり');
    const earlier = await k.stay(guest, { arrivalDate: '2026-03-01', departureDate: '2026-03-02', status: 'departed' });
    await k.call('served.record', {
      stayId: earlier,
      date: '2026-03-01',
      meal: 'dinner',
      dishIds: [shrimpSoup, sashimi],
    });
    const today = await k.stay(guest, { arrivalDate: TODAY, departureDate: '2026-06-16', rooms: ['5'] });
    const [arrival] = (await k.call('arrivals.forDate', { date: TODAY, stayId: today })).arrivals;
    expect(arrival.dishesToAvoid).toEqual([
      {
        dishId: shrimpSoup,
        dishName: '海老真丈の椀',
        reasons: ['allergen', 'served'],
        severity: 'anaphylaxis',
        lastServed: '2026-03-01',
      },
      { dishId: sashimi, dishName: 'お造り', reasons: ['served'], severity: null, lastServed: '2026-03-01' },
    ]);
  });

  it('lists at most ten repeats to avoid, most recent first, and counts the rest', async () => {
    const k = await day();
    const { call, suzuki, visit2024 } = k;
    // 一郎 was served fourteen more dishes in 2024 (and お造り, 鮎 before): sixteen repeats in all.
    const more = [];
    for (let n = 0; n < 14; n++) more.push(await k.dish(`八寸 ${n}`, 'appetizer', [], `はっすん${n}`));
    await call('served.record', { stayId: visit2024, date: '2024-08-02', meal: 'breakfast', dishIds: more });
    const [arrival] = (await call('arrivals.forDate', { date: TODAY, stayId: suzuki })).arrivals;
    const repeats = arrival.dishesToAvoid.filter((dish: { severity: string | null }) => dish.severity === null);
    expect(repeats).toHaveLength(10);
    expect(arrival.moreDishesToAvoid).toBe(6);
    // Disliked first; then the latest servings; the allergen dish is never counted against the ten.
    expect(arrival.dishesToAvoid[0].severity).toBe('anaphylaxis');
    expect(repeats[0].reasons).toContain('disliked');
    expect(repeats.slice(1).every((dish: { lastServed: string }) => dish.lastServed === '2024-08-02')).toBe(true);
  });

  it('carries the planned menus with their warnings', async () => {
    const k = await day();
    const { call, suzuki, menu } = k;
    await k.dish('胡麻豆腐', 'appetizer', [], 'ごまどうふ');
    await k.dish('鯛の造り', 'sashimi', [], 'たいのつくり');
    const [arrival] = (await call('arrivals.forDate', { date: TODAY, stayId: suzuki })).arrivals;
    expect(arrival.menus.map((m: { id: string }) => m.id)).toEqual([menu.id]);
    const [tofu, sashimi] = arrival.menus[0].dishes;
    expect(tofu.worstSeverity).toBe('anaphylaxis');
    expect(sashimi.servedBefore.map((s: { date: string }) => s.date)).toEqual(['2024-08-01']);
    // On the day, alternatives are offered for the dish with an allergen, not for a mere repeat (the planner's).
    expect(tofu.alternatives.length).toBeGreaterThan(0);
    expect(sashimi.alternatives).toEqual([]);
    const planned = await call('menus.forStay', { stayId: suzuki });
    expect(planned.menus[0].dishes[1].alternatives.length).toBeGreaterThan(0);
    await call('menus.update', { id: menu.id, status: 'cancelled' });
    const [again] = (await call('arrivals.forDate', { date: TODAY, stayId: suzuki })).arrivals;
    expect(again.menus).toEqual([]);
  });

  it('answers one stay only when it arrives that day, and is not cancelled', async () => {
    const { core, tomorrow, cancelled, call } = await day();
    for (const stayId of [tomorrow, cancelled, UNKNOWN]) {
      const result = await core.call('arrivals.forDate', { date: TODAY, stayId });
      expect(result).toEqual({ ok: false, error: { code: 'not_found', detail: 'stay_not_found' } });
    }
    const empty = await call('arrivals.forDate', { date: '2026-07-01' });
    expect(empty).toEqual({
      date: '2026-07-01',
      arrivals: [],
      totals: { parties: 0, adults: 0, children: 0, anaphylaxis: 0 },
    });
    const typed = await call('arrivals.forDate', { date: '２０２６/６/１６' });
    expect(typed.arrivals.map((a: { stay: { id: string } }) => a.stay.id)).toEqual([tomorrow]);
  });
});
