import { kitchenCore, TODAY } from '../kitchen/helpers.ts';

// A day of twelve typical parties, made through the core's real calls (guests, allergies, dishes, a course,
// an earlier stay with what was served, tonight's planned dinner), for the kitchen sheet's page tests.
// Typical: a party of two to four, two allergies, a planned course, three to six dishes to avoid, some of them
// served on the last visit.

export { TODAY };

const FAMILIES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田'];
const GIVEN = ['一郎', '花子', '健', '美咲'];

/** Two allergies per party, of the lead and a companion: [allergen code, severity, traces tolerated]. */
const ALLERGIES: [string, string, boolean][][] = [
  [
    ['shrimp', 'anaphylaxis', false],
    ['milk', 'allergy', true],
  ],
  [
    ['wheat', 'allergy', false],
    ['sesame', 'intolerance', true],
  ],
  [
    ['buckwheat', 'anaphylaxis', false],
    ['egg', 'allergy', false],
  ],
  [
    ['peanut', 'anaphylaxis', false],
    ['soybean', 'dislike', true],
  ],
  [
    ['crab', 'allergy', false],
    ['squid', 'allergy', true],
  ],
  [
    ['beef', 'dislike', true],
    ['milk', 'allergy', false],
  ],
];

export async function typicalDay() {
  const k = await kitchenCore();
  const { call } = k;
  const dish = (name: string, category: string, allergens: string[]) => k.dish(name, category, allergens);
  const course = {
    sesameTofu: await dish('胡麻豆腐', 'appetizer', ['sesame', 'soybean']),
    shrimpSoup: await dish('海老真丈の椀', 'soup', ['shrimp', 'wheat']),
    sashimi: await dish('お造り三種', 'sashimi', ['squid']),
    ayu: await dish('鮎の塩焼き', 'grilled', []),
    simmered: await dish('炊き合わせ', 'simmered', ['soybean', 'wheat']),
    tempura: await dish('天ぷら盛り合わせ', 'fried', ['shrimp', 'wheat', 'egg']),
    taiRice: await dish('鯛めし', 'rice', ['soybean']),
    matcha: await dish('抹茶アイス', 'dessert', ['milk']),
  };
  // The rest of the catalogue: alternatives to swap in, and what was served last time.
  await dish('蛤の潮汁', 'soup', []);
  await dish('冬瓜の含め煮', 'simmered', []);
  await dish('わらび餅', 'dessert', ['soybean']);
  const fruit = await dish('季節の果物', 'dessert', []);
  const courseId = await k.course('初夏の会席', Object.values(course));

  const rooms: { room: string; lead: string; leadName: string }[] = [];
  for (let n = 0; n < 12; n++) {
    const family = FAMILIES[n] as string;
    const size = 2 + (n % 3);
    const members: string[] = [];
    for (let m = 0; m < size; m++) members.push(await k.guest(family, GIVEN[m] as string));
    const [lead, ...companions] = members as [string, ...string[]];
    const pair = ALLERGIES[n % ALLERGIES.length] ?? [];
    for (const [i, [code, severity, tracesOk]] of pair.entries()) {
      await k.allergy(members[i] as string, code, severity, tracesOk);
    }
    const party = { partyIds: companions, adults: size };
    const earlier = await k.stay(lead, {
      ...party,
      arrivalDate: '2025-06-10',
      departureDate: '2025-06-11',
      status: 'departed',
    });
    const { served } = await call('served.record', {
      stayId: earlier,
      date: '2025-06-10',
      meal: 'dinner',
      dishIds: [course.ayu, fruit],
    });
    if (n % 2 === 0) await call('served.react', { id: served[0].id, reaction: 'left' });
    const room = String(101 + n);
    const stayId = await k.stay(lead, { ...party, rooms: [room], arrivalDate: TODAY, departureDate: '2026-06-16' });
    await call('menus.plan', { stayId, date: TODAY, meal: 'dinner', courseId });
    rooms.push({ room, lead, leadName: `${family} ${GIVEN[0]}` });
  }
  return { ...k, rooms, courseId };
}
