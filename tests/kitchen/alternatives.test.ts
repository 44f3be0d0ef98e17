import { describe, expect, it } from 'vitest';
import { allergen, kitchenCore } from './helpers.ts';

// The alternatives offered for a flagged dish, in a catalogue made as the sample data makes it: every dish in
// a version per season, named 茶碗蒸し（冬）, and a course per season. The kitchen wants the dishes of the
// course's season first, and each dish once, not 鯛の酒蒸し four times over. (Names come back with the
// brackets folded to half width, as every text field is.)

const SEASONS = ['春', '夏', '秋', '冬'] as const;
type Season = (typeof SEASONS)[number];

type Alternative = { dishId: string; name: string };
type Warning = { dishName: string; servedBefore: unknown[]; alternatives: Alternative[] };

async function seasonalKitchen() {
  const k = await kitchenCore();
  /** A dish in its four seasonal versions, by season. */
  const seasonal = async (name: string, reading: string, category: string, allergens: string[]) => {
    const versions = {} as Record<Season, string>;
    for (const season of SEASONS) versions[season] = await k.dish(`${name}（${season}）`, category, allergens, reading);
    return versions;
  };
  const chawanmushi = await seasonal('茶碗蒸し', 'ちゃわんむし', 'steamed', ['egg', 'shrimp', 'chicken']);
  const kaburamushi = await seasonal('蕪蒸し', 'かぶらむし', 'steamed', ['egg', 'yam']);
  const sakamushi = await seasonal('鯛の酒蒸し', 'たいのさかむし', 'steamed', []);
  const sashimi = await seasonal('鯛の造り', 'たいのつくり', 'sashimi', []);
  const buri = await seasonal('鰤大根', 'ぶりだいこん', 'simmered', ['soybean', 'wheat']);
  const course = (season: Season) =>
    k.course(`${season}の会席 竹`, [sashimi[season], buri[season], chawanmushi[season]]);
  const guest = await k.guest('大森', '和子');
  /** A stay around `date` and the dinner of `course` planned on it: the warning of its 茶碗蒸し. */
  const steamedWarning = async (courseId: string, date: string, departureDate: string) => {
    const stayId = await k.stay(guest, { arrivalDate: date, departureDate });
    const plan = await k.call('menus.plan', { stayId, date, meal: 'dinner', courseId });
    return plan.dishes.find((w: Warning) => w.dishName.startsWith('茶碗蒸し')) as Warning;
  };
  return { ...k, guest, chawanmushi, kaburamushi, sakamushi, course, steamedWarning };
}

describe('alternatives to a flagged dish', () => {
  it('offers each dish once, in the version of the course’s season (茶碗蒸し in the winter 竹 course)', async () => {
    const { allergy, guest, course, steamedWarning, kaburamushi, sakamushi } = await seasonalKitchen();
    await allergy(guest, 'shrimp', 'anaphylaxis');
    const warning = await steamedWarning(await course('冬'), '2027-01-20', '2027-01-21');
    expect(warning.dishName).toBe('茶碗蒸し(冬)');
    expect(warning.alternatives).toEqual([
      { dishId: kaburamushi.冬, name: '蕪蒸し(冬)' },
      { dishId: sakamushi.冬, name: '鯛の酒蒸し(冬)' },
    ]);
  });

  it('goes by the course’s season, not the calendar’s: a winter course planned in March', async () => {
    const { allergy, guest, course, steamedWarning, kaburamushi, sakamushi } = await seasonalKitchen();
    await allergy(guest, 'shrimp', 'allergy');
    const warning = await steamedWarning(await course('冬'), '2027-03-20', '2027-03-21');
    expect(warning.alternatives.map((a) => a.dishId)).toEqual([kaburamushi.冬, sakamushi.冬]);
  });

  it('offers the nearest season’s version where the course’s own is not safe, after the in-season ones', async () => {
    const { allergy, call, guest, course, steamedWarning, kaburamushi, sakamushi } = await seasonalKitchen();
    await allergy(guest, 'shrimp', 'anaphylaxis');
    // This winter's 蕪蒸し is made with shrimp; spring and autumn are one season away, and late February is
    // nearer to spring.
    await call('dishes.update', {
      id: kaburamushi.冬,
      patch: { allergenIds: ['egg', 'yam', 'shrimp'].map(allergen) },
    });
    const warning = await steamedWarning(await course('冬'), '2027-02-20', '2027-02-21');
    expect(warning.alternatives).toEqual([
      { dishId: sakamushi.冬, name: '鯛の酒蒸し(冬)' },
      { dishId: kaburamushi.春, name: '蕪蒸し(春)' },
    ]);
    // In December, autumn is the nearer one.
    const december = await steamedWarning(await course('冬'), '2027-12-10', '2027-12-11');
    expect(december.alternatives.map((a) => a.name)).toEqual(['鯛の酒蒸し(冬)', '蕪蒸し(秋)']);
  });

  it('never offers another version of a dish on the plan, or of one the party was served before', async () => {
    const { call, stay, guest, course, steamedWarning, chawanmushi, kaburamushi, sakamushi } = await seasonalKitchen();
    // Last winter they had this 茶碗蒸し, and 鯛の酒蒸し in the summer.
    const lastWinter = await stay(guest, {
      arrivalDate: '2026-01-15',
      departureDate: '2026-01-16',
      status: 'departed',
    });
    await call('served.record', { stayId: lastWinter, date: '2026-01-15', meal: 'dinner', dishIds: [chawanmushi.冬] });
    const summer = await stay(guest, { arrivalDate: '2025-07-10', departureDate: '2025-07-11', status: 'departed' });
    await call('served.record', { stayId: summer, date: '2025-07-10', meal: 'dinner', dishIds: [sakamushi.夏] });

    const warning = await steamedWarning(await course('冬'), '2027-01-20', '2027-01-21');
    expect(warning.servedBefore).toHaveLength(1);
    // Not 茶碗蒸し（春） for the 茶碗蒸し（冬） they had, nor this winter's 鯛の酒蒸し for last summer's.
    expect(warning.alternatives).toEqual([{ dishId: kaburamushi.冬, name: '蕪蒸し(冬)' }]);
  });

  it('offers 鯛の酒蒸し once, in winter, for the 茶碗蒸し of the sample catalogue’s winter 竹 course', async () => {
    const k = await kitchenCore();
    await k.call('demo.load', { count: 20, seed: 11 });
    const { courses } = await k.call('courses.list', {});
    const winter = courses.find((c: { name: string }) => c.name === '冬の会席 竹');
    const guest = await k.guest('大森', '和子');
    await k.allergy(guest, 'shrimp', 'anaphylaxis');
    const stayId = await k.stay(guest, { arrivalDate: '2027-01-20', departureDate: '2027-01-21' });
    const plan = await k.call('menus.plan', { stayId, date: '2027-01-20', meal: 'dinner', courseId: winter.id });
    const steamed = plan.dishes.find((w: Warning) => w.dishName === '茶碗蒸し（冬）') as Warning;
    expect(steamed.alternatives.map((a) => a.name).sort()).toEqual(['蕪蒸し（冬）', '鯛の酒蒸し（冬）'].sort());
  });
});
