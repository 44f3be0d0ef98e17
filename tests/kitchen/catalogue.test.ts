import { describe, expect, it } from 'vitest';
import { allergen, kitchenCore } from './helpers.ts';

const UNKNOWN = '01900000-0000-7000-8000-999999999999';

describe('dish catalogue', () => {
  it('lists dishes by course position, then by reading, each with its allergens', async () => {
    const { call, dish } = await kitchenCore();
    await dish('水菓子', 'dessert', [], 'みずがし');
    const tempura = await dish('海老天', 'fried', ['shrimp', 'wheat'], 'えびてん');
    await dish('胡麻豆腐', 'appetizer', ['sesame'], 'ごまどうふ');
    await dish('穴子天', 'fried', ['wheat'], 'あなごてん');
    await dish('白和え', 'appetizer', ['soybean'], 'しらあえ');
    const { dishes } = await call('dishes.list', {});
    expect(dishes.map((d: { name: string }) => d.name)).toEqual(['胡麻豆腐', '白和え', '穴子天', '海老天', '水菓子']);
    const shown = dishes.find((d: { id: string }) => d.id === tempura);
    expect(shown).toMatchObject({ category: 'fried', allergenIds: [allergen('shrimp'), allergen('wheat')] });
    expect(shown.deletedAt).toBeNull();
  });

  it('refuses an allergen that is not in the catalogue, and a withdrawn one on a new dish, changing nothing', async () => {
    const { call, dish, refuses } = await kitchenCore();
    await refuses(
      'dishes.create',
      { fields: { name: '謎の料理', category: 'other', allergenIds: [UNKNOWN] } },
      'not_found',
      'allergen_not_found',
    );
    const kept = await dish('ごま和え', 'appetizer', ['sesame']);
    await call('allergens.delete', { id: allergen('sesame') });
    await refuses(
      'dishes.create',
      { fields: { name: '胡麻豆腐', category: 'appetizer', allergenIds: [allergen('sesame')] } },
      'conflict',
      'allergen_withdrawn',
    );
    await refuses(
      'dishes.update',
      {
        id: await dish('白和え', 'appetizer', ['soybean']),
        patch: { allergenIds: [allergen('soybean'), allergen('sesame')] },
      },
      'conflict',
      'allergen_withdrawn',
    );
    // A dish that already had it keeps it (it still contains sesame) while other fields change.
    const updated = await call('dishes.update', {
      id: kept,
      patch: { name: 'ごま和え（春菊）', allergenIds: [allergen('sesame'), allergen('soybean')] },
    });
    expect(updated.allergenIds).toEqual([allergen('sesame'), allergen('soybean')]);
    expect(updated.name).toBe('ごま和え(春菊)'); // typed full-width brackets are folded
  });

  it('withdraws a dish as a tombstone and brings it back, refusing the same step twice', async () => {
    const { call, dish, refuses } = await kitchenCore();
    const id = await dish('鮎の塩焼き', 'grilled');
    await refuses('dishes.restore', { id }, 'conflict', 'dish_not_deleted');
    const withdrawn = await call('dishes.delete', { id });
    expect(withdrawn.deletedAt).not.toBeNull();
    expect((await call('dishes.list', {})).dishes).toEqual([]);
    expect((await call('dishes.list', { includeDeleted: true })).dishes.map((d: { id: string }) => d.id)).toEqual([id]);
    await refuses('dishes.delete', { id }, 'conflict', 'dish_already_deleted');
    await refuses('dishes.update', { id, patch: { name: '鮎' } }, 'conflict', 'dish_deleted');
    expect((await call('dishes.restore', { id })).deletedAt).toBeNull();
    await refuses('dishes.delete', { id: UNKNOWN }, 'not_found', 'dish_not_found');
  });

  it('refuses a dish without a name or with an unknown category', async () => {
    const { refuses } = await kitchenCore();
    const error = await refuses(
      'dishes.create',
      { fields: { name: ' ', category: 'soup_of_the_day' } },
      'invalid_input',
    );
    expect(error?.issues).toEqual(
      expect.arrayContaining([
        { path: 'fields.name', code: 'required' },
        { path: 'fields.category', code: 'invalid_choice' },
      ]),
    );
  });
});

describe('courses', () => {
  it('keeps the dishes in the order given and shows them with the course', async () => {
    const { call, dish } = await kitchenCore();
    const a = await dish('先付', 'appetizer');
    const b = await dish('椀物', 'soup');
    const c = await dish('造り', 'sashimi');
    const course = await call('courses.create', {
      fields: { name: '季節の会席', priceYen: 12000, dishIds: [c, a, b] },
    });
    expect(course.dishIds).toEqual([c, a, b]);
    expect(course.dishes.map((d: { name: string }) => d.name)).toEqual(['造り', '先付', '椀物']);
    const changed = await call('courses.update', { id: course.id, patch: { dishIds: [a, b, c], priceYen: 15000 } });
    expect(changed.dishes.map((d: { name: string }) => d.name)).toEqual(['先付', '椀物', '造り']);
    expect(changed.priceYen).toBe(15000);
    expect((await call('courses.list', {})).courses.map((x: { id: string }) => x.id)).toEqual([course.id]);
  });

  it('offers a meal’s courses with its season first, then courses of no season, then the seasons to come, dearest first', async () => {
    const { call, dish } = await kitchenCore();
    const a = await dish('先付', 'appetizer');
    const made = async (name: string, priceYen: number) =>
      call('courses.create', { fields: { name, priceYen, dishIds: [a] } });
    for (const [name, price] of [
      ['春の会席 松', 20_000],
      ['冬の会席 梅', 10_000],
      ['お子さま会席', 5_000],
      ['冬の会席 特選', 30_000],
      ['夏の会席 竹', 15_000],
      ['冬の会席 松', 20_000],
      ['秋の会席 梅', 10_000],
    ] as const)
      await made(name, price);
    const names = async (input: object) =>
      (await call('courses.list', input)).courses.map((course: { name: string }) => course.name);
    // A December dinner: winter first, dearest first; then the course of no season; then spring, summer, autumn.
    expect(await names({ forDate: '2026-12-06' })).toEqual([
      '冬の会席 特選',
      '冬の会席 松',
      '冬の会席 梅',
      'お子さま会席',
      '春の会席 松',
      '夏の会席 竹',
      '秋の会席 梅',
    ]);
    // A May lunch: spring first, then the rest as the year goes on.
    expect((await names({ forDate: '2027-05-01' })).slice(0, 3)).toEqual([
      '春の会席 松',
      'お子さま会席',
      '夏の会席 竹',
    ]);
    // The catalogue's own list keeps its order by name, the seasons 春夏秋冬.
    expect(await names({})).toEqual([
      'お子さま会席',
      '春の会席 松',
      '夏の会席 竹',
      '秋の会席 梅',
      '冬の会席 松',
      '冬の会席 特選',
      '冬の会席 梅',
    ]);
  });

  it('refuses a course with an unknown or a withdrawn dish, changing nothing', async () => {
    const { call, dish, course, refuses } = await kitchenCore();
    const a = await dish('先付', 'appetizer');
    const gone = await dish('鯛の兜煮', 'simmered');
    await call('dishes.delete', { id: gone });
    await refuses('courses.create', { fields: { name: '会席', dishIds: [a, UNKNOWN] } }, 'not_found', 'dish_not_found');
    await refuses('courses.create', { fields: { name: '会席', dishIds: [a, gone] } }, 'conflict', 'dish_deleted');
    const id = await course('会席', [a]);
    await refuses('courses.update', { id, patch: { dishIds: [gone, a] } }, 'conflict', 'dish_deleted');
    const empty = await refuses('courses.create', { fields: { name: '会席', dishIds: [] } }, 'invalid_input');
    expect(empty?.issues).toEqual([{ path: 'fields.dishIds', code: 'required' }]);
    await refuses('courses.create', { fields: { name: '会席', dishIds: [a, a] } }, 'invalid_input');
  });

  it('withdraws a course, which then cannot be changed or withdrawn again', async () => {
    const { call, dish, course, refuses } = await kitchenCore();
    const id = await course('会席', [await dish('先付', 'appetizer')]);
    expect((await call('courses.delete', { id })).deletedAt).not.toBeNull();
    expect((await call('courses.list', {})).courses).toEqual([]);
    expect((await call('courses.list', { includeDeleted: true })).courses).toHaveLength(1);
    await refuses('courses.delete', { id }, 'conflict', 'course_already_deleted');
    await refuses('courses.update', { id, patch: { name: '新会席' } }, 'conflict', 'course_deleted');
    await refuses('courses.delete', { id: UNKNOWN }, 'not_found', 'course_not_found');
  });
});
