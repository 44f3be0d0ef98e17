// The catalogue of the service layer: the service staff, a dish of every base per season and a course
// per season and tier (a few hundred rows). Unlike the bulk tables it goes through the write path, logged,
// as staff would enter it in the app.

import type { Database } from 'better-sqlite3';
import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';
import {
  COURSE_TIERS,
  DINNER_ORDER,
  DISH_BASES,
  SEASONS,
  SERVICE_STAFF,
} from '../../electron/core/demo/service-catalogue.ts';
import { type Draws, HISTORY_START } from './service-common.ts';
import type { BenchWrites } from './writes.ts';

export type Dish = { id: string; name: string; category: string; season: number };
export type Course = { id: string; season: number; tier: number; dishIds: string[] };

export type Menu = {
  /** Every staff member: the guests layer's, then the service staff. */
  staffIds: string[];
  allergenIds: Map<string, string>;
  /** The breakfast dishes of each season. */
  breakfasts: Dish[][];
  courseFor: (season: number, tier: number) => Course;
};

export function writeMenu(db: Database, writes: BenchWrites, draws: Draws): Menu {
  const { newId, counts } = draws;
  const stamp = new Date(HISTORY_START).toISOString();
  const staffIds = (db.prepare('SELECT id FROM staff').pluck().all() as string[]).slice();
  const allergenIds = new Map(SEEDED_ALLERGENS.map(([code], index) => [code, seededAllergenId(index + 1)]));
  const dishes: Dish[] = [];
  const courses: Course[] = [];
  writes.transact(staffIds[0] ?? null, (session) => {
    for (const [name, reading] of SERVICE_STAFF) {
      const id = newId(HISTORY_START);
      session.writeRow('staff', id, { name, reading, active: true, created_at: stamp, updated_at: stamp });
      staffIds.push(id);
    }
    SEASONS.forEach((season, seasonIndex) => {
      for (const [base, category, allergens] of DISH_BASES) {
        const id = newId(HISTORY_START);
        const name = `${base}（${season}）`;
        const ids = allergens.map((code) => allergenIds.get(code) as string);
        session.writeRow('dishes', id, { name, category, allergen_ids: ids, created_at: stamp, updated_at: stamp });
        dishes.push({ id, name, category, season: seasonIndex });
      }
    });
    SEASONS.forEach((season, seasonIndex) => {
      COURSE_TIERS.forEach(([tierName, price], tier) => {
        const ofSeason = (category: string) =>
          dishes.filter((d) => d.season === seasonIndex && d.category === category);
        const dishIds = DINNER_ORDER.map((category) => {
          const choices = ofSeason(category === 'fried' && tier % 2 === 1 ? 'steamed' : category);
          return (choices[(tier * 3 + seasonIndex) % choices.length] as { id: string }).id;
        });
        const id = newId(HISTORY_START);
        session.writeRow('courses', id, {
          name: `${season}の会席 ${tierName}`,
          price_yen: price,
          dish_ids: dishIds,
          created_at: stamp,
          updated_at: stamp,
        });
        courses.push({ id, season: seasonIndex, tier, dishIds });
      });
    });
  });
  counts.staff = staffIds.length;
  counts.dishes = dishes.length;
  counts.courses = courses.length;
  const breakfasts = SEASONS.map((_, season) =>
    dishes.filter((d) => d.season === season && d.category === 'breakfast'),
  );
  const courseFor = (season: number, tier: number) =>
    courses.find((c) => c.season === season && c.tier === tier) as Course;
  return { staffIds, allergenIds, breakfasts, courseFor };
}
