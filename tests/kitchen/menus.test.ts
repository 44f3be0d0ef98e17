import { describe, expect, it } from 'vitest';
import { allergen, kitchenCore, TODAY } from './helpers.ts';

const UNKNOWN = '01900000-0000-7000-8000-999999999999';

type Warning = {
  dishName: string;
  allergies: Array<{ severity: string; guestName: string; allergenId: string }>;
  worstSeverity: string | null;
  servedBefore: Array<{ stayId: string; date: string; meal: string }>;
  reactions: Array<{ date: string; reaction: string }>;
  alternatives: Array<{ dishId: string; name: string }>;
};

/**
 * A returning couple: 太郎 has an anaphylaxis to shrimp, 花子 an egg allergy and an intolerance to alcohol
 * (a free allergen no dish records). Last year they were served sashimi, sweetfish (left uneaten) and fried
 * chicken; four years ago 花子 came alone and had beef shabu-shabu.
 */
async function returningCouple() {
  const k = await kitchenCore();
  const { call } = k;
  const taro = await k.guest('山田', '太郎');
  const hanako = await k.guest('山田', '花子');
  await k.allergy(hanako, 'egg', 'allergy');
  await k.allergy(taro, 'shrimp', 'anaphylaxis');
  await call('allergies.record', {
    guestId: hanako,
    freeAllergen: 'アルコール',
    severity: 'intolerance',
    tracesOk: true,
  });

  const dishes = {
    sashimi: await k.dish('お造り', 'sashimi', [], 'おつくり'),
    chawanmushi: await k.dish('茶碗蒸し', 'steamed', ['egg'], 'ちゃわんむし'),
    ebiten: await k.dish('海老天', 'fried', ['shrimp', 'wheat', 'egg'], 'えびてん'),
    anagoten: await k.dish('穴子天', 'fried', ['wheat', 'egg'], 'あなごてん'),
    karaage: await k.dish('鶏の唐揚げ', 'fried', ['wheat', 'chicken'], 'とりのからあげ'),
    yasaiten: await k.dish('野菜天', 'fried', ['wheat'], 'やさいてん'),
    kakiage: await k.dish('かき揚げ', 'fried', ['wheat'], 'かきあげ'),
    ayu: await k.dish('鮎の塩焼き', 'grilled', [], 'あゆのしおやき'),
    nodoguro: await k.dish('のどぐろ塩焼き', 'grilled', [], 'のどぐろしおやき'),
    shabu: await k.dish('牛しゃぶ', 'simmered', ['beef'], 'ぎゅうしゃぶ'),
    dessert: await k.dish('水菓子', 'dessert', [], 'みずがし'),
  };

  const lastYear = await k.stay(taro, {
    arrivalDate: '2025-05-10',
    departureDate: '2025-05-11',
    partyIds: [hanako],
    status: 'departed',
  });
  await call('served.record', {
    stayId: lastYear,
    date: '2025-05-10',
    meal: 'dinner',
    dishIds: [dishes.sashimi, dishes.ayu, dishes.karaage],
  });
  const [ayuServed] = (await call('served.forStay', { stayId: lastYear })).served.filter(
    (s: { dishId: string }) => s.dishId === dishes.ayu,
  );
  await call('served.react', { id: ayuServed.id, reaction: 'left' });
  const fourYearsAgo = await k.stay(hanako, {
    arrivalDate: '2022-03-01',
    departureDate: '2022-03-02',
    status: 'departed',
  });
  await call('served.record', { stayId: fourYearsAgo, date: '2022-03-01', meal: 'dinner', dishIds: [dishes.shabu] });

  const stayId = await k.stay(taro, { arrivalDate: TODAY, departureDate: '2026-06-17', partyIds: [hanako] });
  const courseId = await k.course('夏の会席', [
    dishes.sashimi,
    dishes.chawanmushi,
    dishes.ebiten,
    dishes.ayu,
    dishes.shabu,
    dishes.dessert,
  ]);
  return { ...k, taro, hanako, dishes, lastYear, fourYearsAgo, stayId, courseId };
}

const byName = (warnings: Warning[]) => new Map(warnings.map((w) => [w.dishName, w]));

describe('menu warnings', () => {
  it('flags the allergen dishes for the whole party, anaphylaxis first, with allergen-free alternatives', async () => {
    const { call, stayId, courseId, dishes } = await returningCouple();
    const plan = await call('menus.plan', { stayId, date: TODAY, meal: 'dinner', courseId });
    expect(plan).toMatchObject({ status: 'planned', courseName: '夏の会席', courseId });
    expect(plan.dishes.map((w: Warning) => w.dishName)).toEqual([
      'お造り',
      '茶碗蒸し',
      '海老天',
      '鮎の塩焼き',
      '牛しゃぶ',
      '水菓子',
    ]);
    const warnings = byName(plan.dishes);
    const ebiten = warnings.get('海老天') as Warning;
    expect(ebiten.allergies.map((a) => [a.severity, a.guestName, a.allergenId])).toEqual([
      ['anaphylaxis', '山田 太郎', allergen('shrimp')],
      ['allergy', '山田 花子', allergen('egg')],
    ]);
    expect(ebiten.worstSeverity).toBe('anaphylaxis');
    // Same category, free of shrimp and egg, not served last year (karaage), by reading.
    expect(ebiten.alternatives).toEqual([
      { dishId: dishes.kakiage, name: 'かき揚げ' },
      { dishId: dishes.yasaiten, name: '野菜天' },
    ]);
    expect(warnings.get('茶碗蒸し')?.worstSeverity).toBe('allergy');
    expect(warnings.get('茶碗蒸し')?.alternatives).toEqual([]); // no other steamed dish
    const dessert = warnings.get('水菓子') as Warning;
    expect(dessert).toMatchObject({
      allergies: [],
      worstSeverity: null,
      servedBefore: [],
      reactions: [],
      alternatives: [],
    });
    expect(plan.uncheckedAllergies).toEqual([{ guestName: '山田 花子', name: 'アルコール', severity: 'intolerance' }]);
  });

  it('flags a dish served on an earlier stay with its date, and one left uneaten, within the repeat period', async () => {
    const { call, stayId, courseId, lastYear, fourYearsAgo, dishes } = await returningCouple();
    const plan = await call('menus.plan', { stayId, date: TODAY, meal: 'dinner', courseId });
    const warnings = byName(plan.dishes);
    expect(warnings.get('お造り')?.servedBefore).toEqual([{ stayId: lastYear, date: '2025-05-10', meal: 'dinner' }]);
    const ayu = warnings.get('鮎の塩焼き') as Warning;
    expect(ayu.reactions).toEqual([{ date: '2025-05-10', reaction: 'left' }]);
    expect(ayu.alternatives).toEqual([{ dishId: dishes.nodoguro, name: 'のどぐろ塩焼き' }]);
    // Four years ago is outside the inn's default three years…
    expect(warnings.get('牛しゃぶ')?.servedBefore).toEqual([]);
    await call('settings.update', { patch: { repeatDishYears: 5 } });
    // …and inside five.
    const [again] = (await call('menus.forStay', { stayId })).menus;
    expect(byName(again.dishes).get('牛しゃぶ')?.servedBefore).toEqual([
      { stayId: fourYearsAgo, date: '2022-03-01', meal: 'dinner' },
    ]);
  });

  it('still flags a dish left or disliked on a stay older than the repeat period, but not one merely served', async () => {
    const { call, stayId, courseId, fourYearsAgo } = await returningCouple();
    const [served] = (await call('served.forStay', { stayId: fourYearsAgo })).served;
    await call('served.react', { id: served.id, reaction: 'disliked' });
    await call('settings.update', { patch: { repeatDishYears: 1 } });
    const plan = await call('menus.plan', { stayId, date: TODAY, meal: 'dinner', courseId });
    const shabu = byName(plan.dishes).get('牛しゃぶ') as Warning;
    expect(shabu.servedBefore).toEqual([]);
    expect(shabu.reactions).toEqual([{ date: '2022-03-01', reaction: 'disliked' }]);
    // Last year's sashimi is outside one year: no longer a repeat.
    expect(byName(plan.dishes).get('お造り')?.servedBefore).toEqual([]);
  });

  it('checks a course or a list of dishes without saving anything', async () => {
    const { call, core, db, stayId, courseId, dishes } = await returningCouple();
    const before = (db.prepare('SELECT count(*) AS n FROM log_entry').get() as { n: number }).n;
    const checked = await call('menus.check', { stayId, courseId });
    expect(checked.courseName).toBe('夏の会席');
    expect(byName(checked.dishes).get('海老天')?.worstSeverity).toBe('anaphylaxis');
    const swapped = await call('menus.check', { stayId, dishIds: [dishes.yasaiten, dishes.dessert] });
    expect(swapped.courseId).toBeNull();
    expect(swapped.dishes.every((w: Warning) => w.worstSeverity === null)).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM log_entry').get() as { n: number }).n).toBe(before);
    const neither = await core.call('menus.check', { stayId });
    expect(neither.ok).toBe(false);
  });
});

describe('menu planning', () => {
  it('swaps dishes, serves the plan as served rows of the course, and lists menus that are not cancelled', async () => {
    const { call, stayId, courseId, dishes } = await returningCouple();
    const plan = await call('menus.plan', { stayId, date: TODAY, meal: 'dinner', courseId });
    const swappedIds = plan.dishIds.map((id: string) => (id === dishes.ebiten ? dishes.yasaiten : id));
    const swapped = await call('menus.update', { id: plan.id, dishIds: swappedIds });
    expect(swapped.dishes.map((w: Warning) => w.dishName)).toContain('野菜天');
    expect(swapped.dishes.some((w: Warning) => w.worstSeverity === 'anaphylaxis')).toBe(false);
    const served = await call('menus.serve', { id: plan.id });
    expect(served.status).toBe('served');
    const rows = (await call('served.forStay', { stayId })).served;
    expect(rows.map((s: { dishId: string }) => s.dishId)).toEqual(expect.arrayContaining(swappedIds));
    expect(rows).toHaveLength(swappedIds.length);
    expect(rows.every((s: { courseId: string; date: string; meal: string }) => s.courseId === courseId)).toBe(true);

    const breakfast = await call('menus.plan', {
      stayId,
      date: '2026-06-16',
      meal: 'breakfast',
      courseId: null,
      dishIds: [dishes.dessert],
    });
    const lunch = await call('menus.plan', { stayId, date: '2026-06-16', meal: 'lunch', courseId });
    expect((await call('menus.update', { id: lunch.id, status: 'cancelled' })).status).toBe('cancelled');
    const { menus } = await call('menus.forStay', { stayId });
    expect(menus.map((m: { id: string }) => m.id)).toEqual([plan.id, breakfast.id]);
  });

  it('refuses each bad plan with its code, changing nothing', async () => {
    const k = await returningCouple();
    const { call, refuses, stayId, courseId, dishes, taro } = k;
    const meal = { stayId, date: TODAY, meal: 'dinner', courseId };
    const outside = await refuses('menus.plan', { ...meal, date: '2026-06-20' }, 'invalid_input');
    expect(outside?.issues).toEqual([{ path: 'date', code: 'date_outside_stay' }]);
    await refuses('menus.plan', { ...meal, stayId: UNKNOWN }, 'not_found', 'stay_not_found');
    const cancelled = await k.stay(taro, { status: 'cancelled' });
    await refuses('menus.plan', { ...meal, stayId: cancelled }, 'conflict', 'stay_cancelled');
    await refuses('menus.plan', { ...meal, courseId: UNKNOWN }, 'not_found', 'course_not_found');
    await refuses('menus.plan', { ...meal, dishIds: [dishes.dessert, UNKNOWN] }, 'not_found', 'dish_not_found');
    const noDishes = await refuses('menus.plan', { ...meal, courseId: null }, 'invalid_input');
    expect(noDishes?.issues).toEqual([{ path: 'dishIds', code: 'required' }]);

    // A course with a dish withdrawn since cannot be planned as it is: the dish must be swapped.
    await call('dishes.delete', { id: dishes.ayu });
    await refuses('menus.plan', meal, 'conflict', 'dish_deleted');
    await call('dishes.restore', { id: dishes.ayu });
    const oldCourse = await k.course('春の会席', [dishes.sashimi]);
    await call('courses.delete', { id: oldCourse });
    await refuses('menus.plan', { ...meal, courseId: oldCourse }, 'conflict', 'course_deleted');

    const plan = await call('menus.plan', meal);
    await refuses('menus.plan', meal, 'conflict', 'menu_already_planned');
    await refuses('menus.update', { id: UNKNOWN, status: 'cancelled' }, 'not_found', 'menu_not_found');
    await refuses('menus.update', { id: plan.id, dishIds: [] }, 'invalid_input');
    await call('dishes.delete', { id: dishes.kakiage });
    await refuses('menus.update', { id: plan.id, dishIds: [dishes.kakiage] }, 'conflict', 'dish_deleted');
    await call('menus.serve', { id: plan.id });
    await refuses('menus.serve', { id: plan.id }, 'conflict', 'menu_not_planned');
    await refuses('menus.update', { id: plan.id, status: 'cancelled' }, 'conflict', 'menu_not_planned');
    await refuses('menus.serve', { id: UNKNOWN }, 'not_found', 'menu_not_found');
  });
});
