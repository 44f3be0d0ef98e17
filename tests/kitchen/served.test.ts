import { describe, expect, it } from 'vitest';
import { kitchenCore, TODAY } from './helpers.ts';

const UNKNOWN = '01900000-0000-7000-8000-999999999999';

async function setting() {
  const k = await kitchenCore();
  const guestId = await k.guest('佐藤', '花子');
  const stayId = await k.stay(guestId, { arrivalDate: TODAY, departureDate: '2026-06-17' });
  const sashimi = await k.dish('お造り', 'sashimi');
  const ayu = await k.dish('鮎の塩焼き', 'grilled');
  return { ...k, guestId, stayId, sashimi, ayu };
}

describe('served', () => {
  it('records one row per dish, once per meal, and lists them by day and meal', async () => {
    const { call, stayId, sashimi, ayu, course } = await setting();
    const courseId = await course('会席', [sashimi, ayu]);
    const dinner = await call('served.record', {
      stayId,
      date: TODAY,
      meal: 'dinner',
      dishIds: [sashimi, ayu],
      courseId,
    });
    expect(dinner.served.map((s: { dishName: string }) => s.dishName)).toEqual(['お造り', '鮎の塩焼き']);
    expect(dinner.served[0]).toMatchObject({ stayId, date: TODAY, meal: 'dinner', courseId, reaction: null });
    // Ticking the same dish again for the same meal does not serve it twice.
    const again = await call('served.record', { stayId, date: TODAY, meal: 'dinner', dishIds: [ayu] });
    expect(again.served[0].id).toBe(dinner.served[1].id);
    await call('served.record', { stayId, date: '2026-06-16', meal: 'breakfast', dishIds: [ayu] });
    await call('served.record', { stayId, date: TODAY, meal: 'breakfast', dishIds: [sashimi] });
    const { served } = await call('served.forStay', { stayId });
    expect(served.map((s: { date: string; meal: string }) => `${s.date} ${s.meal}`)).toEqual([
      `${TODAY} breakfast`,
      `${TODAY} dinner`,
      `${TODAY} dinner`,
      '2026-06-16 breakfast',
    ]);
  });

  it('refuses a day outside the stay, a cancelled stay, an unknown stay, dish or course, changing nothing', async () => {
    const { call, stayId, guestId, sashimi, stay, dish, refuses } = await setting();
    const meal = { stayId, date: TODAY, meal: 'dinner', dishIds: [sashimi] };
    const outside = await refuses('served.record', { ...meal, date: '2026-06-18' }, 'invalid_input');
    expect(outside?.issues).toEqual([{ path: 'date', code: 'date_outside_stay' }]);
    await refuses('served.record', { ...meal, date: '2026-06-14' }, 'invalid_input');
    await refuses('served.record', { ...meal, stayId: UNKNOWN }, 'not_found', 'stay_not_found');
    await refuses('served.record', { ...meal, dishIds: [sashimi, UNKNOWN] }, 'not_found', 'dish_not_found');
    await refuses('served.record', { ...meal, courseId: UNKNOWN }, 'not_found', 'course_not_found');
    const gone = await dish('鯛の兜煮', 'simmered');
    await call('dishes.delete', { id: gone });
    await refuses('served.record', { ...meal, dishIds: [gone] }, 'conflict', 'dish_deleted');
    const cancelled = await stay(guestId, { status: 'cancelled' });
    await refuses('served.record', { ...meal, stayId: cancelled }, 'conflict', 'stay_cancelled');
    await refuses('served.record', { ...meal, meal: 'supper' }, 'invalid_input');
    expect((await call('served.forStay', { stayId })).served).toEqual([]);
  });

  it('records a reaction with a note, clears it, and retracts a mistaken entry as a flag', async () => {
    const { call, stayId, sashimi, refuses } = await setting();
    const [row] = (await call('served.record', { stayId, date: TODAY, meal: 'dinner', dishIds: [sashimi] })).served;
    const left = await call('served.react', { id: row.id, reaction: 'left', note: '半分ほど残された' });
    expect(left).toMatchObject({ reaction: 'left', note: '半分ほど残された' });
    const cleared = await call('served.react', { id: row.id, reaction: null });
    expect(cleared).toMatchObject({ reaction: null, note: '半分ほど残された' });
    await refuses('served.react', { id: row.id, reaction: 'loved' }, 'invalid_input');
    const retracted = await call('served.retract', { id: row.id });
    expect(retracted.retractedAt).not.toBeNull();
    await refuses('served.retract', { id: row.id }, 'conflict', 'served_already_retracted');
    await refuses('served.react', { id: row.id, reaction: 'praised' }, 'conflict', 'served_retracted');
    await refuses('served.react', { id: UNKNOWN, reaction: 'praised' }, 'not_found', 'served_not_found');
    // The record stays, flagged.
    expect((await call('served.forStay', { stayId })).served.map((s: { id: string }) => s.id)).toEqual([row.id]);
  });
});
