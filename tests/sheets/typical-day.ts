import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';

// A day of twelve typical parties, made through the core's real calls (guests, allergies, dishes, a course,
// an earlier stay with what was served, the day's planned dinner), for the kitchen sheet's page tests: the
// PDF maker's (tests/sheets, a core in the test) and the print view's (tests/e2e, over the HTTP door).
// Typical: a party of two to four, two allergies, a planned course, three to six dishes to avoid, some of them
// served on the last visit.

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

// biome-ignore lint/suspicious/noExplicitAny: call results are read loosely; the contract checks their shape.
export type Call = (name: string, input: unknown) => Promise<any>;

/** The seeded catalogue allergen with this code ('shrimp', 'egg', …). */
function allergen(code: string): string {
  const index = SEEDED_ALLERGENS.findIndex(([c]) => c === code);
  if (index < 0) throw new Error(`no seeded allergen ${code}`);
  return seededAllergenId(index + 1);
}

export type TypicalRoom = { room: string; leadName: string };

/**
 * Writes the day through `call`: the parties arrive on `day` for one night, and came before on `earlier`.
 * Returns each room with its lead, in room order.
 */
export async function writeTypicalDay(call: Call, dates: { day: string; earlier: string }): Promise<TypicalRoom[]> {
  const { day, earlier } = dates;
  const next = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  const dish = async (name: string, category: string, allergens: string[]) =>
    (
      await call('dishes.create', {
        fields: { name, reading: 'てすと', category, allergenIds: allergens.map(allergen) },
      })
    ).id as string;
  const guest = async (familyName: string, givenName: string) =>
    (await call('guests.create', { fields: { familyName, givenName, familyReading: 'てすと' } })).id as string;
  const stay = async (guestId: string, fields: Record<string, unknown>) =>
    (await call('stays.create', { fields: { guestId, ...fields } })).id as string;

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
  const courseId = (await call('courses.create', { fields: { name: '初夏の会席', dishIds: Object.values(course) } }))
    .id as string;

  const rooms: TypicalRoom[] = [];
  for (let n = 0; n < 12; n++) {
    const family = FAMILIES[n] as string;
    const size = 2 + (n % 3);
    const members: string[] = [];
    for (let m = 0; m < size; m++) members.push(await guest(family, GIVEN[m] as string));
    const [lead, ...companions] = members as [string, ...string[]];
    const pair = ALLERGIES[n % ALLERGIES.length] ?? [];
    for (const [i, [code, severity, tracesOk]] of pair.entries()) {
      await call('allergies.record', { guestId: members[i], allergenId: allergen(code), severity, tracesOk });
    }
    const room = String(101 + n);
    const party = { partyIds: companions, adults: size, rooms: [room] };
    const before = await stay(lead, {
      ...party,
      arrivalDate: earlier,
      departureDate: next(earlier),
      status: 'departed',
    });
    const { served } = await call('served.record', {
      stayId: before,
      date: earlier,
      meal: 'dinner',
      dishIds: [course.ayu, fruit],
    });
    if (n % 2 === 0) await call('served.react', { id: served[0].id, reaction: 'left' });
    const stayId = await stay(lead, { ...party, arrivalDate: day, departureDate: next(day) });
    await call('menus.plan', { stayId, date: day, meal: 'dinner', courseId });
    rooms.push({ room, leadName: `${family} ${GIVEN[0]}` });
  }
  return rooms;
}
