import type { Dish, DishWarning } from '../../../shared/contract/kitchen.ts';
import { type DishVersion, dishVersion, mealSeason, monthsToSeason, type Season, seasonsApart } from './seasons.ts';

// What to swap in for a flagged dish: a dish of the same course position, free of the party's allergens, that is
// not on the plan and that the party was not served (or did not leave) before. A catalogue made in seasonal
// versions has each dish four times, so "a dish" is the dish whatever its season: it is offered once, in the
// version of the meal's season if that one is safe, else the nearest season's; and the meal's season comes first.

const MAX_ALTERNATIVES = 5;

type Alternative = DishWarning['alternatives'][number];

/** The catalogue as alternatives need it (warnings.ts's Catalogue). */
type Dishes = { byCategory: Map<string, Dish[]>; position: Map<string, number>; versions: Map<string, DishVersion> };

export type AlternativeLimits = {
  /** Catalogue allergens anyone in the party must avoid. */
  avoidAllergens: ReadonlySet<string>;
  /** Dishes the party had on another stay within the repeat years, or left or disliked: not again, in any season. */
  earlierDishIds: Iterable<string>;
};

/** How well a version suits a meal of `season` on `date`: lower is better. */
function seasonFit(version: DishVersion, season: Season, date: string): [seasons: number, months: number] {
  if (version.season === season) return [0, 0];
  // A dish made the year round suits any season, after the season's own.
  if (version.season === null) return [1, 0];
  return [1 + seasonsApart(version.season, season), monthsToSeason(date, version.season)];
}

/** The alternatives to each flagged dish of one plan, the plan's facts worked out once. */
export function alternativesFinder(
  catalogue: Dishes,
  plan: { date: string; dishIds: readonly string[] },
  limits: AlternativeLimits,
): (dish: Dish) => Alternative[] {
  const versionOf = (dishId: string) => catalogue.versions.get(dishId);
  const planned = plan.dishIds.flatMap((id) => versionOf(id) ?? []);
  const season = mealSeason(planned, plan.date);
  // Another season's 茶碗蒸し is still 茶碗蒸し: not twice in one meal, nor again for a party that had it.
  const excluded = new Set(planned.map((version) => version.base));
  for (const id of limits.earlierDishIds) {
    const version = versionOf(id);
    if (version) excluded.add(version.base);
  }

  return (dish) => {
    const best = new Map<string, { dish: Dish; seasons: number; months: number; position: number }>();
    for (const other of catalogue.byCategory.get(dish.category) ?? []) {
      if (other.allergenIds.some((id) => limits.avoidAllergens.has(id))) continue;
      const version = versionOf(other.id) ?? dishVersion(other.name);
      if (excluded.has(version.base)) continue;
      const [seasons, months] = seasonFit(version, season, plan.date);
      const candidate = { dish: other, seasons, months, position: catalogue.position.get(other.id) ?? 0 };
      const kept = best.get(version.base);
      if (!kept || byFit(candidate, kept) < 0) best.set(version.base, candidate);
    }
    return [...best.values()]
      .sort(byFit)
      .slice(0, MAX_ALTERNATIVES)
      .map(({ dish: other }) => ({ dishId: other.id, name: other.name }));
  };
}

function byFit(
  a: { seasons: number; months: number; position: number },
  b: { seasons: number; months: number; position: number },
): number {
  return a.seasons - b.seasons || a.months - b.months || a.position - b.position;
}
