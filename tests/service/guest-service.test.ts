import { describe, expect, it } from 'vitest';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import { ALLERGY_STATEMENTS } from '../../electron/core/allergies/rows.ts';
import { HISTORY_STATEMENTS } from '../../electron/core/guests/history.ts';
import { HISTORY_CACHE_STATEMENTS } from '../../electron/core/kitchen/history-cache.ts';
import { REQUEST_STATEMENTS } from '../../electron/core/requests/rows.ts';
import { GUEST_SERVICE_STATEMENTS } from '../../electron/core/service/guest-service.ts';
import { STAY_STATEMENTS } from '../../electron/core/stays/rows.ts';
import { kitchenCore } from '../kitchen/helpers.ts';
import { serviceCore } from './helpers.ts';

describe('guests.service', () => {
  it('sums visits and spend, lists stays latest first, and finds the current stay', async () => {
    const { call, guest, stay } = await serviceCore();
    const [me, friend] = [await guest('佐藤'), await guest('鈴木')];
    await stay(me, { arrivalDate: '2024-05-01', departureDate: '2024-05-02', status: 'departed', amountYen: 30000 });
    await stay(friend, {
      arrivalDate: '2025-03-01',
      departureDate: '2025-03-03',
      status: 'departed',
      amountYen: 99999,
      partyIds: [me],
    });
    await stay(me, { arrivalDate: '2025-08-01', departureDate: '2025-08-02', status: 'cancelled', amountYen: 5000 });
    const now = await stay(me, {
      arrivalDate: '2026-06-14',
      departureDate: '2026-06-16',
      status: 'in_house',
      amountYen: 40000,
    });
    const next = await stay(me, { arrivalDate: '2026-09-01', departureDate: '2026-09-02' });
    const service = await call('guests.service', { id: me });
    expect(service.visits).toEqual({
      count: 3,
      firstVisit: '2024-05-01',
      lastVisit: '2026-06-14',
      totalSpendYen: 70000, // the stay they joined as a companion was paid by its lead
    });
    expect(service.stays.map((s: { arrivalDate: string }) => s.arrivalDate)).toEqual([
      '2026-09-01',
      '2026-06-14',
      '2025-08-01',
      '2025-03-01',
      '2024-05-01',
    ]);
    expect(service.stays[2].status).toBe('cancelled');
    expect(service.stays[3].party[0].guestId).toBe(friend);
    expect(service.currentStayId).toBe(now.id);
    await call('stays.update', { id: now.id, patch: { status: 'departed' } });
    expect((await call('guests.service', { id: me })).currentStayId).toBe(next.id);
  });

  it('shows current allergies most severe first, open requests then the latest 10 handled', async () => {
    const { call, guest, stay } = await serviceCore();
    const me = await guest('佐藤');
    const booked = await stay(me);
    const egg = await call('allergies.record', {
      guestId: me,
      allergenId: seededAllergenId(6),
      severity: 'intolerance',
      tracesOk: true,
    });
    const shrimp = await call('allergies.record', {
      guestId: me,
      allergenId: seededAllergenId(1),
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    const wrong = await call('allergies.record', {
      guestId: me,
      freeAllergen: '生もの',
      severity: 'dislike',
      tracesOk: true,
    });
    await call('allergies.retract', { id: wrong.id, reason: '誤記' });
    for (let i = 0; i < 12; i++) {
      const r = await call('requests.record', { guestId: me, stayId: booked.id, category: 'other', text: `件${i}` });
      await call('requests.setStatus', { id: r.id, status: 'done' });
    }
    const open = await call('requests.record', { guestId: me, stayId: booked.id, category: 'room', text: '加湿器' });
    const service = await call('guests.service', { id: me });
    expect(service.allergies.map((a: { id: string }) => a.id)).toEqual([shrimp.id, egg.id]);
    expect(service.requests).toHaveLength(11);
    expect(service.requests[0].id).toBe(open.id);
    expect(service.requests[1].text).toBe('件11');
  });

  it('shows what was served on the latest stay that has servings, and the dish history grouped per dish', async () => {
    const { call, guest, stay } = await serviceCore();
    const me = await guest('佐藤');
    const first = await stay(me, { arrivalDate: '2025-01-10', departureDate: '2025-01-11', status: 'departed' });
    const second = await stay(me, { arrivalDate: '2025-11-20', departureDate: '2025-11-22', status: 'departed' });
    await stay(me, { arrivalDate: '2026-09-01', departureDate: '2026-09-02' }); // nothing served yet
    const dish = async (name: string) =>
      (await call('dishes.create', { fields: { name, category: 'grilled' } })).id as string;
    const [ayu, tai, nabe] = [await dish('鮎の塩焼き'), await dish('鯛の造り'), await dish('牡丹鍋')];
    const serve = async (stayId: string, date: string, meal: string, dishIds: string[]) =>
      (await call('served.record', { stayId, date, meal, dishIds })).served as Array<{ id: string }>;
    const [ayu1, nabe1] = await serve(first.id, '2025-01-10', 'dinner', [ayu, nabe]);
    await call('served.react', { id: ayu1?.id, reaction: 'praised' });
    await call('served.react', { id: nabe1?.id, reaction: 'left' });
    const [ayu2] = await serve(second.id, '2025-11-20', 'dinner', [ayu]);
    await call('served.react', { id: ayu2?.id, reaction: 'disliked' });
    await serve(second.id, '2025-11-21', 'breakfast', [tai]);
    const [mistake] = await serve(second.id, '2025-11-21', 'dinner', [nabe]);
    await call('served.retract', { id: mistake?.id });
    const service = await call('guests.service', { id: me });
    expect(service.lastServed.stayId).toBe(second.id);
    expect(service.lastServed.arrivalDate).toBe('2025-11-20');
    expect(service.lastServed.served.map((s: { dishName: string }) => s.dishName)).toEqual(['鮎の塩焼き', '鯛の造り']);
    expect(service.dishHistory).toEqual([
      { dishId: tai, dishName: '鯛の造り', lastDate: '2025-11-21', times: 1, reactions: [], allergySeverity: null },
      {
        dishId: ayu,
        dishName: '鮎の塩焼き',
        lastDate: '2025-11-20',
        times: 2,
        reactions: ['disliked', 'praised'],
        allergySeverity: null,
      },
      {
        dishId: nabe,
        dishName: '牡丹鍋',
        lastDate: '2025-01-10',
        times: 1,
        reactions: ['left'],
        allergySeverity: null,
      },
    ]);
  });

  it('flags a dish served before with the allergy it meets: on the card for the guest, on the stay for its party', async () => {
    const k = await kitchenCore();
    const ishihara = await k.guest('石原', '浩');
    const partner = await k.guest('石原', '幸');
    await k.allergy(ishihara, 'shrimp', 'allergy');
    await k.allergy(partner, 'shrimp', 'anaphylaxis');
    const soup = await k.dish('海老真丈の椀', 'soup', ['shrimp'], 'えびしんじょうのわん');
    const sashimi = await k.dish('お造り', 'sashimi', [], 'おつくり');
    const earlier = await k.stay(ishihara, {
      arrivalDate: '2026-03-01',
      departureDate: '2026-03-02',
      partyIds: [partner],
      status: 'departed',
    });
    const recorded = await k.call('served.record', {
      stayId: earlier,
      date: '2026-03-01',
      meal: 'dinner',
      dishIds: [soup, sashimi],
    });
    const flag = (list: Array<{ dishId: string; allergySeverity: string | null }>) =>
      Object.fromEntries(list.map((s) => [s.dishId, s.allergySeverity]));
    // The stay's servings answer for the whole party: the partner's anaphylaxis is the worst.
    expect(flag(recorded.served)).toEqual({ [soup]: 'anaphylaxis', [sashimi]: null });
    expect(flag((await k.call('served.forStay', { stayId: earlier })).served)).toEqual({
      [soup]: 'anaphylaxis',
      [sashimi]: null,
    });
    // The card is 浩's own: his allergy.
    const card = await k.call('guests.service', { id: ishihara });
    expect(flag(card.lastServed.served)).toEqual({ [soup]: 'allergy', [sashimi]: null });
    expect(flag(card.dishHistory)).toEqual({ [soup]: 'allergy', [sashimi]: null });
  });

  it('answers for a guest with nothing recorded, and not_found for an unknown guest', async () => {
    const { call, core, guest } = await serviceCore();
    const me = await guest('佐藤');
    expect(await call('guests.service', { id: me })).toEqual({
      guestId: me,
      visits: { count: 0, firstVisit: null, lastVisit: null, totalSpendYen: 0 },
      stays: [],
      currentStayId: null,
      allergies: [],
      requests: [],
      lastServed: null,
      dishHistory: [],
    });
    expect(await core.call('guests.service', { id: '01900000-0000-7000-8000-999999999999' })).toEqual({
      ok: false,
      error: { code: 'not_found', detail: 'guest_not_found' },
    });
  });

  it('names and flags the dishes as the catalogue has them now: renamed, given an allergen, withdrawn', async () => {
    const { call, guest, stay } = await serviceCore();
    const me = await guest('佐藤');
    const visit = await stay(me, { arrivalDate: '2025-11-20', departureDate: '2025-11-22', status: 'departed' });
    const made = await call('dishes.create', { fields: { name: '海老真丈の椀', category: 'soup' } });
    await call('served.record', { stayId: visit.id, date: '2025-11-20', meal: 'dinner', dishIds: [made.id] });
    await call('allergies.record', {
      guestId: me,
      allergenId: seededAllergenId(1), // えび
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    const shown = async () => {
      const service = await call('guests.service', { id: me });
      return [service.lastServed.served[0], service.dishHistory[0]].map((d) => [d.dishName, d.allergySeverity]);
    };
    // The card is read once, so what it keeps between calls is there to go stale.
    expect(await shown()).toEqual([
      ['海老真丈の椀', null],
      ['海老真丈の椀', null],
    ]);
    const renamed = await call('dishes.update', {
      id: made.id,
      patch: { name: '海老しんじょうの椀', allergenIds: [seededAllergenId(1)] },
      version: made.version,
    });
    expect(await shown()).toEqual([
      ['海老しんじょうの椀', 'anaphylaxis'],
      ['海老しんじょうの椀', 'anaphylaxis'],
    ]);
    // Withdrawn from the catalogue: what was served keeps its name and its flag.
    await call('dishes.delete', { id: renamed.id });
    expect(await shown()).toEqual([
      ['海老しんじょうの椀', 'anaphylaxis'],
      ['海老しんじょうの椀', 'anaphylaxis'],
    ]);
  });

  it('reads only through indexes: no statement of the guest card scans stays, served, party, allergies, requests or the log', async () => {
    const { db } = await serviceCore();
    const statements = {
      ...GUEST_SERVICE_STATEMENTS,
      ...HISTORY_CACHE_STATEMENTS,
      ...STAY_STATEMENTS,
      ...ALLERGY_STATEMENTS,
      ...REQUEST_STATEMENTS,
      ...HISTORY_STATEMENTS,
    };
    const big = /\bSCAN (stays|served|stay_party|allergies|requests|log_entry|log_tx|guests|guest_links)\b/;
    for (const [name, text] of Object.entries(statements)) {
      const named = [...new Set(Array.from(text.matchAll(/@(\w+)/g), (m) => m[1] as string))];
      const positional = Array.from(text.matchAll(/\?/g), () => '["x"]');
      const rows = (
        named.length
          ? db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(Object.fromEntries(named.map((n) => [n, '["x"]'])))
          : db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...positional)
      ) as Array<{ detail: string }>;
      const plan = rows.map((row) => row.detail).join('; ');
      expect(plan, name).not.toMatch(big);
      expect(plan, name).toMatch(/SEARCH/);
    }
  });
});
