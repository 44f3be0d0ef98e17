import { SEEDED_ALLERGENS, seededAllergenId } from '../../../db/migrations/0002-service.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import { COURSE_TIERS, DINNER_ORDER, DISH_BASES, SEASONS } from './service-catalogue.ts';

// The sample dish catalogue: every base dish in a version per season, and a course per season and tier.
// Written once, into an empty catalogue; a second "load sample data" (or an inn's own catalogue) is read
// back instead, so dishes are never duplicated.

export type DemoCourse = { id: string; dishIds: string[]; allergenCodes: ReadonlySet<string> };

export type DemoCatalogue = {
  /** The course for a season (0 spring … 3 winter) and tier (index into COURSE_TIERS), if there is one. */
  course(season: number, tier: number): DemoCourse | null;
  /** Dish ids both courses serve. */
  shared(a: DemoCourse, b: DemoCourse): string[];
};

const courseName = (season: number, tier: number) => `${SEASONS[season]}の会席 ${COURSE_TIERS[tier]?.[0] ?? ''}`;

function writeCatalogue(session: WriteSession, stamp: string): void {
  const allergenIds = new Map(SEEDED_ALLERGENS.map(([code], index) => [code, seededAllergenId(index + 1)]));
  const dishes: Array<{ id: string; category: string; season: number }> = [];
  SEASONS.forEach((season, seasonIndex) => {
    for (const [base, category, allergens] of DISH_BASES) {
      const id = session.newId();
      session.writeRow('dishes', id, {
        name: `${base}（${season}）`,
        reading: '',
        category,
        allergen_ids: allergens.map((code) => allergenIds.get(code)).filter((known) => known !== undefined),
        note: '',
        created_at: stamp,
        updated_at: stamp,
      });
      dishes.push({ id, category, season: seasonIndex });
    }
  });
  SEASONS.forEach((_, seasonIndex) => {
    COURSE_TIERS.forEach(([, price], tier) => {
      // One dish of each course position; the odd tiers serve a steamed dish where the others fry.
      const dishIds = DINNER_ORDER.map((category) => {
        const wanted = category === 'fried' && tier % 2 === 1 ? 'steamed' : category;
        const choices = dishes.filter((dish) => dish.season === seasonIndex && dish.category === wanted);
        return (choices[(tier * 3 + seasonIndex) % choices.length] as { id: string }).id;
      });
      session.writeRow('courses', session.newId(), {
        name: courseName(seasonIndex, tier),
        price_yen: price,
        note: '',
        dish_ids: dishIds,
        created_at: stamp,
        updated_at: stamp,
      });
    });
  });
}

/** Writes the sample catalogue when there are no dishes yet; either way returns the courses to serve. */
export function ensureDemoCatalogue(ctx: CoreContext, session: WriteSession, stamp: string): DemoCatalogue {
  const hasDishes = ctx.run.prepare('SELECT 1 FROM dishes LIMIT 1').get() !== undefined;
  if (!hasDishes) writeCatalogue(session, stamp);

  const codeOf = new Map(
    (ctx.run.prepare('SELECT id, code FROM allergens').all() as Array<{ id: string; code: string }>).map((row) => [
      row.id,
      row.code,
    ]),
  );
  const dishAllergens = new Map(
    (
      ctx.run.prepare('SELECT id, allergen_ids FROM dishes WHERE deleted_at IS NULL').all() as Array<{
        id: string;
        allergen_ids: string;
      }>
    ).map((row) => [row.id, (JSON.parse(row.allergen_ids) as string[]).map((id) => codeOf.get(id) ?? '')]),
  );
  const rows = ctx.run
    .prepare('SELECT id, name, dish_ids FROM courses WHERE deleted_at IS NULL ORDER BY rowid')
    .all() as Array<{ id: string; name: string; dish_ids: string }>;
  // Only courses every dish of which can still be served.
  const courses = rows
    .map((row) => ({ id: row.id, name: row.name, dishIds: JSON.parse(row.dish_ids) as string[] }))
    .filter((course) => course.dishIds.length > 0 && course.dishIds.every((id) => dishAllergens.has(id)))
    .map((course) => ({
      ...course,
      allergenCodes: new Set(course.dishIds.flatMap((id) => dishAllergens.get(id) ?? [])),
    }));
  const byName = new Map(courses.map((course) => [course.name, course]));

  return {
    // The sample course of that name, or (an inn's own catalogue) one of its courses, the same one each time.
    course: (season, tier) =>
      byName.get(courseName(season, tier)) ?? courses[(season * COURSE_TIERS.length + tier) % courses.length] ?? null,
    shared: (a, b) => a.dishIds.filter((id) => b.dishIds.includes(id)),
  };
}
