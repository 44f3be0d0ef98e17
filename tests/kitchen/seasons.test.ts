import { describe, expect, it } from 'vitest';
import { byNameInSeasonOrder, dishVersion, mealSeason, monthsToSeason } from '../../electron/core/kitchen/seasons.ts';

describe('a dish name read as a seasonal version', () => {
  it('finds the season in brackets or set apart at either end, and only there', () => {
    expect(dishVersion('鯛の酒蒸し（冬）')).toEqual({ base: '鯛の酒蒸し', season: 3 });
    expect(dishVersion('鯛の酒蒸し (冬)')).toEqual({ base: '鯛の酒蒸し', season: 3 });
    expect(dishVersion('【春】筍ご飯')).toEqual({ base: '筍ご飯', season: 0 });
    expect(dishVersion('鰆の西京焼き・春')).toEqual({ base: '鰆の西京焼き', season: 0 });
    expect(dishVersion('鮎の塩焼き 夏季')).toEqual({ base: '鮎の塩焼き', season: 1 });
    expect(dishVersion('Sea bream (Autumn)')).toEqual({ base: 'seabream', season: 2 });
    // A season inside the name is part of the dish: 秋刀魚, 冬瓜, 春巻き are eaten whatever the course.
    expect(dishVersion('秋刀魚の塩焼き')).toEqual({ base: '秋刀魚の塩焼き', season: null });
    expect(dishVersion('冬瓜の含め煮')).toEqual({ base: '冬瓜の含め煮', season: null });
    expect(dishVersion('春巻き')).toEqual({ base: '春巻き', season: null });
  });

  it('takes a meal’s season from its dishes, and from the date when they do not say', () => {
    const winter = ['八寸（冬）', '鰤大根（冬）', '茶碗蒸し（秋）'].map(dishVersion);
    expect(mealSeason(winter, '2027-04-10')).toBe(3);
    expect(mealSeason(['八寸', '鰤大根'].map(dishVersion), '2027-04-10')).toBe(0);
    // A tie goes to the season nearer the date.
    expect(mealSeason(['八寸（冬）', '鰤大根（春）'].map(dishVersion), '2027-03-01')).toBe(0);
    expect(monthsToSeason('2027-02-20', 0)).toBe(2);
    expect(monthsToSeason('2027-02-20', 2)).toBe(4);
    expect(monthsToSeason('2027-12-10', 2)).toBe(2);
  });
});

describe('names listed with their seasons in the order of the year', () => {
  const sorted = (names: string[]) => [...names].sort(byNameInSeasonOrder);

  it('lists the versions of one dish or course 春夏秋冬, not in the collation order of the kanji (夏秋春冬)', () => {
    expect(sorted(['茶碗蒸し(冬)', '茶碗蒸し(夏)', '茶碗蒸し(春)', '茶碗蒸し(秋)'])).toEqual([
      '茶碗蒸し(春)',
      '茶碗蒸し(夏)',
      '茶碗蒸し(秋)',
      '茶碗蒸し(冬)',
    ]);
    expect(sorted(['【冬】八寸', '【秋】八寸', '【夏】八寸', '【春】八寸'])).toEqual([
      '【春】八寸',
      '【夏】八寸',
      '【秋】八寸',
      '【冬】八寸',
    ]);
    expect(sorted(['Sea bream (winter)', 'Sea bream (autumn)', 'Sea bream (spring)'])).toEqual([
      'Sea bream (spring)',
      'Sea bream (autumn)',
      'Sea bream (winter)',
    ]);
  });

  it('keeps a season’s courses together, in the order of the year, where the season word would sort', () => {
    // Within a season the tiers keep their collation (竹 ちく before 梅 ばい), as before.
    const courses = [
      '冬の会席 梅',
      '夏の会席 竹',
      '秋の会席 梅',
      '春の会席 竹',
      '夏の会席 梅',
      '春の会席 梅',
      '季節の会席',
    ];
    expect(sorted(courses)).toEqual([
      '季節の会席',
      '春の会席 竹',
      '春の会席 梅',
      '夏の会席 竹',
      '夏の会席 梅',
      '秋の会席 梅',
      '冬の会席 梅',
    ]);
  });

  it('leaves a season inside a name to the collation, and is a consistent order for any mix', () => {
    expect(sorted(['冬瓜の含め煮', '秋刀魚の塩焼き', '春巻き'])).toEqual(
      ['冬瓜の含め煮', '秋刀魚の塩焼き', '春巻き'].sort(new Intl.Collator('ja').compare),
    );
    const mixed = ['A(秋田)', 'A(夏)', 'A(春)', 'A', '茶碗蒸し', '茶碗蒸し(冬)', '夏の会席', '夏祭り弁当'];
    const once = sorted(mixed);
    expect(sorted([...mixed].reverse())).toEqual(once);
    for (let i = 0; i < once.length; i++)
      for (let j = i + 1; j < once.length; j++)
        expect(
          byNameInSeasonOrder(once[i] as string, once[j] as string),
          `${once[i]} < ${once[j]}`,
        ).toBeLessThanOrEqual(0);
  });
});
