import type { DishRow } from '../../../db/schema.ts';
import { SEVERITIES, type Severity, severityRank } from '../../../shared/contract/allergies.ts';
import { type Arrival, AVOID_REASONS } from '../../../shared/contract/arrivals.ts';
import type { Dish, DishWarning, MenuPlan } from '../../../shared/contract/kitchen.ts';
import { addYears } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';
import { alternativesFinder } from './alternatives.ts';
import { inCatalogueOrder, toDish } from './dishes.ts';
import type { PartyHistory, Serving } from './party-history.ts';
import { type DishVersion, dishVersion } from './seasons.ts';

// Why a dish should not go to this party: someone's allergen is in it, someone was served it on another
// stay within the inn's repeat period, or someone left it or disliked it. Pure functions over the dish
// catalogue (kept between calls) and the party's history (loaded in batches), so a day of arrivals costs
// no more queries than one stay.

const BAD_REACTIONS: ReadonlySet<string> = new Set(['left', 'disliked']);

export type Catalogue = {
  byId: Map<string, Dish>;
  /** Each dish's place in catalogue order. */
  position: Map<string, number>;
  /** Active dishes containing each catalogue allergen: what an allergy rules out, computed once. */
  byAllergen: Map<string, Dish[]>;
  /** Active dishes of each category, in catalogue order (reading): where alternatives come from. */
  byCategory: Map<string, Dish[]>;
  /** Each dish as a version of a dish made through the year (茶碗蒸し（冬）: 茶碗蒸し, winter). */
  versions: Map<string, DishVersion>;
};

/** The whole dish catalogue (an inn has hundreds of dishes, not millions), kept between calls (catalogue-cache.ts). */
export function loadCatalogue(ctx: CoreContext): Catalogue {
  return ctx.catalogue.get(() => readCatalogue(ctx));
}

function readCatalogue(ctx: CoreContext): Catalogue {
  const dishes = inCatalogueOrder((ctx.run.prepare('SELECT * FROM dishes').all() as DishRow[]).map(toDish));
  const active = dishes.filter((dish) => !dish.deletedAt);
  const byAllergen = new Map<string, Dish[]>();
  const byCategory = new Map<string, Dish[]>();
  for (const dish of active) {
    for (const allergenId of dish.allergenIds) {
      const list = byAllergen.get(allergenId);
      if (list) list.push(dish);
      else byAllergen.set(allergenId, [dish]);
    }
    const list = byCategory.get(dish.category);
    if (list) list.push(dish);
    else byCategory.set(dish.category, [dish]);
  }
  return {
    byId: new Map(dishes.map((dish) => [dish.id, dish])),
    position: new Map(dishes.map((dish, index) => [dish.id, index])),
    byAllergen,
    byCategory,
    versions: new Map(dishes.map((dish) => [dish.id, dishVersion(dish.name)])),
  };
}

/** A party's earlier servings that count against dishes planned on one date, by dish, each list latest first. */
type EarlierServings = {
  /** Served on the party's other stays within the repeat period. */
  repeated: Map<string, Serving[]>;
  /** Left uneaten or disliked on any earlier day. */
  rejected: Map<string, Serving[]>;
  /** The latest day each dish was served on another stay. */
  lastServed: Map<string, string>;
};
// A day's arrivals asks for the same party and date several times (each planned meal, dishes to avoid).
const earlierCache = new WeakMap<PartyHistory, Map<string, EarlierServings>>();

/** The party's servings that count against a dish planned on `date` (computed once per party and date). */
function earlierServings(history: PartyHistory, date: string, repeatYears: number): EarlierServings {
  const key = `${date}:${repeatYears}`;
  const cached = earlierCache.get(history)?.get(key);
  if (cached) return cached;
  const found = computeEarlierServings(history, date, repeatYears);
  earlierCache.set(history, (earlierCache.get(history) ?? new Map()).set(key, found));
  return found;
}

function push(byDish: Map<string, Serving[]>, serving: Serving) {
  const list = byDish.get(serving.dishId);
  if (list) list.push(serving);
  else byDish.set(serving.dishId, [serving]);
}

const latestFirst = (a: Serving, b: Serving) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

// One pass over the party's servings, then a sort of each dish's few servings: a busy day runs this for a
// hundred parties of regulars, and sorting every serving of a party first cost more than the rest together.
function computeEarlierServings(history: PartyHistory, date: string, repeatYears: number): EarlierServings {
  const from = addYears(date, -repeatYears);
  const found: EarlierServings = { repeated: new Map(), rejected: new Map(), lastServed: new Map() };
  for (const serving of history.servings) {
    if (serving.date >= date) continue;
    if (serving.reaction && BAD_REACTIONS.has(serving.reaction)) push(found.rejected, serving);
    if (serving.stayId === history.stayId) continue;
    const last = found.lastServed.get(serving.dishId);
    if (last === undefined || serving.date > last) found.lastServed.set(serving.dishId, serving.date);
    if (serving.date >= from) push(found.repeated, serving);
  }
  for (const list of found.repeated.values()) if (list.length > 1) list.sort(latestFirst);
  for (const list of found.rejected.values()) if (list.length > 1) list.sort(latestFirst);
  return found;
}

function worst(severities: readonly Severity[]): Severity | null {
  let found: Severity | null = null;
  for (const severity of severities)
    if (found === null || severityRank(severity) < severityRank(found)) found = severity;
  return found;
}

/** Catalogue allergens anyone in the party must avoid. */
function partyAllergenIds(history: PartyHistory): Set<string> {
  return new Set(history.allergies.flatMap((a) => (a.allergenId ? [a.allergenId] : [])));
}

/** Which flagged dishes get alternatives: all (planning a menu) or those with an allergen (the day's sheets). */
export type WarningOptions = { alternatives?: 'flagged' | 'allergens' };

/** The warnings of a plan: one entry per planned dish, in plan order; free allergens to check by hand. */
export function planWarnings(
  catalogue: Catalogue,
  history: PartyHistory,
  plan: { date: string; dishIds: readonly string[] },
  repeatYears: number,
  options: WarningOptions = {},
): Pick<MenuPlan, 'dishes' | 'uncheckedAllergies'> {
  const onlyAllergens = options.alternatives === 'allergens';
  const { repeated: repeatedByDish, rejected: rejectedByDish } = earlierServings(history, plan.date, repeatYears);
  // Worked out on the first flagged dish only: most parties of a day have none.
  let finder: ((dish: Dish) => DishWarning['alternatives']) | undefined;
  const alternativesTo = (dish: Dish) => {
    finder ??= alternativesFinder(catalogue, plan, {
      avoidAllergens: partyAllergenIds(history),
      earlierDishIds: [...repeatedByDish.keys(), ...rejectedByDish.keys()],
    });
    return finder(dish);
  };

  const dishes = plan.dishIds.flatMap((dishId): DishWarning[] => {
    const dish = catalogue.byId.get(dishId);
    if (!dish) return [];
    const contains = new Set(dish.allergenIds);
    const allergies = history.allergies
      .filter((a) => a.allergenId !== null && contains.has(a.allergenId))
      .map((a) => ({
        allergyId: a.id,
        allergenId: a.allergenId as string,
        nameJa: a.nameJa,
        nameEn: a.nameEn,
        severity: a.severity,
        tracesOk: a.tracesOk,
        guestId: a.guestId,
        guestName: a.guestName,
      }));
    const servedBefore = (repeatedByDish.get(dishId) ?? []).map((s) => ({
      stayId: s.stayId,
      date: s.date,
      meal: s.meal,
    }));
    const reactions = (rejectedByDish.get(dishId) ?? []).map((s) => ({
      date: s.date,
      reaction: s.reaction as 'left' | 'disliked',
    }));
    const flagged = onlyAllergens
      ? allergies.length > 0
      : allergies.length > 0 || servedBefore.length > 0 || reactions.length > 0;
    return [
      {
        dishId,
        dishName: dish.name,
        category: dish.category,
        allergies,
        worstSeverity: worst(allergies.map((a) => a.severity)),
        servedBefore,
        reactions,
        alternatives: flagged ? alternativesTo(dish) : [],
      },
    ];
  });

  const uncheckedAllergies = history.allergies
    .filter((a) => a.allergenId === null)
    .map((a) => ({ guestName: a.guestName, name: a.freeAllergen, severity: a.severity }));
  return { dishes, uncheckedAllergies };
}

type DishToAvoid = Arrival['dishesToAvoid'][number];
type AvoidReason = DishToAvoid['reasons'][number];
const REASON_BIT: Record<AvoidReason, number> = { allergen: 1, served: 2, left: 4, disliked: 8 };

/**
 * How many dishes a party is told to avoid for what they left, disliked or were served before. A regular has
 * dozens of dishes within the repeat years, and a wall of badges per room is one nobody reads: the most telling
 * ones are listed (disliked, then left, then the latest repeats) and the rest counted. Dishes with an allergen
 * are never cut, and every planned dish carries its own flags on the menu.
 */
export const AVOID_SHOWN = 10;

/**
 * Dishes this party should not be given on a stay arriving on `date`: dishes that carry someone's allergen
 * (worst severity first, all of them), whether planned, served before or left, then dishes left or disliked
 * on any earlier stay and dishes served on earlier stays within the repeat period, latest first, at most
 * AVOID_SHOWN of those; `more` counts the ones left out. Withdrawn dishes are not on any menu, so not listed. Catalogue dishes that are not
 * planned are left out on purpose: a wheat or soy allergy rules out most of a Japanese menu; the allergens
 * themselves head the party's alerts, and the menu planner flags every dish when a course is chosen.
 */
export function dishesToAvoid(
  catalogue: Catalogue,
  history: PartyHistory,
  date: string,
  repeatYears: number,
  plannedDishIds: ReadonlySet<string>,
): { dishes: DishToAvoid[]; more: number } {
  const { repeated, rejected, lastServed } = earlierServings(history, date, repeatYears);
  // Each listed dish's reasons as bits (REASON_BIT): a day's first read lists dozens of dishes for each of a hundred
  // parties, and a Set per dish was a good part of its allocation.
  const reasons = new Map<string, number>();
  const add = (dishId: string, reason: AvoidReason) =>
    reasons.set(dishId, (reasons.get(dishId) ?? 0) | REASON_BIT[reason]);
  // The most severe allergy in the party that each catalogue dish carries an allergen of.
  const severityOf = new Map<string, Severity>();
  for (const allergy of history.allergies) {
    for (const dish of allergy.allergenId ? (catalogue.byAllergen.get(allergy.allergenId) ?? []) : []) {
      const known = severityOf.get(dish.id);
      if (!known || severityRank(allergy.severity) < severityRank(known)) severityOf.set(dish.id, allergy.severity);
    }
  }
  for (const dishId of plannedDishIds) add(dishId, 'allergen');
  for (const dishId of repeated.keys()) add(dishId, 'served');
  // What this guest showed they do not want counts from any stay but this one.
  for (const [dishId, servings] of rejected)
    for (const s of servings) if (s.stayId !== history.stayId) add(dishId, s.reaction as 'left' | 'disliked');
  // Every dish listed carries its allergen flag, whatever brought it onto the list: a dish served last time
  // (海老真丈の椀, tagged えび) is an allergen for a guest with an えび allergy, not just a repeat. A planned dish
  // without an allergen of the party is not listed at all.
  for (const [dishId, found] of reasons) {
    if (severityOf.has(dishId)) reasons.set(dishId, found | REASON_BIT.allergen);
    else if (found === REASON_BIT.allergen) reasons.delete(dishId);
    else reasons.set(dishId, found & ~REASON_BIT.allergen);
  }

  // Safety first (allergens by severity), then what the guest showed they do not want, then mere repeats;
  // ranked once per dish, and only the listed ones become answer objects.
  const ranked = [...reasons].flatMap(([dishId, found]) => {
    const dish = catalogue.byId.get(dishId);
    if (!dish || dish.deletedAt) return [];
    const severity = severityOf.get(dishId) ?? null;
    const rank = severity
      ? severityRank(severity)
      : found & REASON_BIT.disliked
        ? SEVERITIES.length
        : found & REASON_BIT.left
          ? SEVERITIES.length + 1
          : SEVERITIES.length + 2;
    const last = lastServed.get(dishId) ?? '';
    return [{ dish, found, severity, rank, last, position: catalogue.position.get(dishId) ?? 0 }];
  });
  ranked.sort((a, b) => a.rank - b.rank || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) || a.position - b.position);
  const allergens = ranked.filter((entry) => entry.severity !== null);
  const others = ranked.filter((entry) => entry.severity === null);
  const shown = [...allergens, ...others.slice(0, AVOID_SHOWN)];
  return {
    dishes: shown.map(({ dish, found, severity, last }) => ({
      dishId: dish.id,
      dishName: dish.name,
      reasons: AVOID_REASONS.filter((reason) => found & REASON_BIT[reason]),
      severity,
      lastServed: last || null,
    })),
    more: Math.max(0, others.length - AVOID_SHOWN),
  };
}
