// The catalogue of the service layer: the staff, a dish of every base per season and a course per season
// and tier (a few hundred rows), entered one by one through the write path before the history begins.

import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';
import {
  COURSE_TIERS,
  DINNER_ORDER,
  DISH_BASES,
  SEASONS,
  SERVICE_STAFF,
} from '../../electron/core/demo/service-catalogue.ts';
import { type Call, type Draws, HISTORY_START } from './service-common.ts';

export type Dish = { id: string; name: string; category: string; season: number };
export type Course = { id: string; season: number; tier: number; dishIds: string[] };

export type Menu = {
  /** Every staff member: the proprietress (who enters everything else), then the service staff. */
  staffIds: string[];
  allergenIds: Map<string, string>;
  /** The breakfast dishes of each season. */
  breakfasts: Dish[][];
  courseFor: (season: number, tier: number) => Course;
  /** The calls that enter the catalogue, at `t` and the milliseconds after it. */
  calls: (t: number) => Call[];
};

/** The first staff member, added before anyone is chosen at the PC (a fixed id: she draws nothing). */
const PROPRIETRESS: [id: string, name: string, reading: string] = [
  '01501e7c-7000-7000-8000-000000000001',
  '女将 山田',
  'やまだ',
];

export function planMenu(draws: Draws): Menu {
  const { newId } = draws;
  const allergenIds = new Map(SEEDED_ALLERGENS.map(([code], index) => [code, seededAllergenId(index + 1)]));
  const staff: Array<[id: string, name: string, reading: string]> = [PROPRIETRESS];
  for (const [name, reading] of SERVICE_STAFF) staff.push([newId(HISTORY_START), name, reading]);
  const dishes: Array<Dish & { allergenIds: string[] }> = [];
  SEASONS.forEach((season, seasonIndex) => {
    for (const [base, category, allergens] of DISH_BASES) {
      const ids = allergens.map((code) => allergenIds.get(code) as string);
      dishes.push({
        id: newId(HISTORY_START),
        name: `${base}（${season}）`,
        category,
        season: seasonIndex,
        allergenIds: ids,
      });
    }
  });
  const courses: Array<Course & { name: string; price: number }> = [];
  SEASONS.forEach((season, seasonIndex) => {
    COURSE_TIERS.forEach(([tierName, price], tier) => {
      const ofSeason = (category: string) => dishes.filter((d) => d.season === seasonIndex && d.category === category);
      const dishIds = DINNER_ORDER.map((category) => {
        const choices = ofSeason(category === 'fried' && tier % 2 === 1 ? 'steamed' : category);
        return (choices[(tier * 3 + seasonIndex) % choices.length] as { id: string }).id;
      });
      courses.push({
        id: newId(HISTORY_START),
        season: seasonIndex,
        tier,
        dishIds,
        name: `${season}の会席 ${tierName}`,
        price,
      });
    });
  });

  const calls = (t: number): Call[] => {
    const owner = PROPRIETRESS[0];
    const out: Call[] = staff.map(([id, name, reading], i) => ({
      t: t + i,
      name: 'staff.create',
      staff: i === 0 ? null : owner,
      write: (session) => session.writeRow('staff', id, { name, reading, active: true, created_at: session.now() }),
    }));
    for (const dish of dishes) {
      out.push({
        t: t + out.length,
        name: 'dishes.create',
        staff: owner,
        write: (session) =>
          session.writeRow('dishes', dish.id, {
            name: dish.name,
            reading: '',
            category: dish.category,
            allergen_ids: dish.allergenIds,
            note: '',
            created_at: session.now(),
          }),
      });
    }
    for (const course of courses) {
      out.push({
        t: t + out.length,
        name: 'courses.create',
        staff: owner,
        write: (session) =>
          session.writeRow('courses', course.id, {
            name: course.name,
            price_yen: course.price,
            note: '',
            dish_ids: course.dishIds,
            created_at: session.now(),
          }),
      });
    }
    return out;
  };

  const breakfasts = SEASONS.map((_, season) =>
    dishes.filter((d) => d.season === season && d.category === 'breakfast'),
  );
  const courseFor = (season: number, tier: number) =>
    courses.find((c) => c.season === season && c.tier === tier) as Course;
  return { staffIds: staff.map(([id]) => id), allergenIds, breakfasts, courseFor, calls };
}
