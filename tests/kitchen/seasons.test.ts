import { describe, expect, it } from 'vitest';
import { dishVersion, mealSeason, monthsToSeason } from '../../electron/core/kitchen/seasons.ts';

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
