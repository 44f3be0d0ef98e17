import type { DishRow } from '../../../db/schema.ts';
import { SEVERITIES, type Severity, severityRank } from '../../../shared/contract/allergies.ts';
import { type Arrival, AVOID_REASONS } from '../../../shared/contract/briefing.ts';
import type { Dish, DishWarning, MenuPlan } from '../../../shared/contract/kitchen.ts';
import { addYears } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';
import { byCatalogueOrder, toDish } from './dishes.ts';
import type { PartyHistory, Serving } from './party-history.ts';

// Why a dish should not go to this party: someone's allergen is in it, someone was served it on another
// stay within the inn's repeat period, or someone left it or disliked it. Pure functions over the dish
// catalogue (read once per call) and the party's history (loaded in batches), so a day of arrivals costs
// no more queries than one stay.

const MAX_ALTERNATIVES = 5;
const BAD_REACTIONS: ReadonlySet<string> = new Set(['left', 'disliked']);

export type Catalogue = {
  byId: Map<string, Dish>;
  /** Each dish's place in catalogue order. */
  position: Map<string, number>;
  /** Active dishes containing each catalogue allergen: what an allergy rules out, computed once. */
  byAllergen: Map<string, Dish[]>;
  /** Active dishes of each category, in catalogue order (reading): where alternatives come from. */
  byCategory: Map<string, Dish[]>;
};

/** The whole dish catalogue: an inn has hundreds of dishes, not millions. */
export function loadCatalogue(ctx: CoreContext): Catalogue {
  const dishes = (ctx.run.prepare('SELECT * FROM dishes').all() as DishRow[]).map(toDish).sort(byCatalogueOrder);
  const active = dishes.filter((dish) => !dish.deletedAt);
  const byAllergen = new Map<string, Dish[]>();
  const byCategory = new Map<string, Dish[]>();
  for (const dish of active) {
    for (const allergenId of dish.allergenIds)
      byAllergen.set(allergenId, [...(byAllergen.get(allergenId) ?? []), dish]);
    byCategory.set(dish.category, [...(byCategory.get(dish.category) ?? []), dish]);
  }
  return {
    byId: new Map(dishes.map((dish) => [dish.id, dish])),
    position: new Map(dishes.map((dish, index) => [dish.id, index])),
    byAllergen,
    byCategory,
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

// One pass over the party's servings: a busy day runs this for a hundred parties of regulars.
function computeEarlierServings(history: PartyHistory, date: string, repeatYears: number): EarlierServings {
  const from = addYears(date, -repeatYears);
  const found: EarlierServings = { repeated: new Map(), rejected: new Map(), lastServed: new Map() };
  const latestFirst = [...history.servings].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  for (const serving of latestFirst) {
    if (serving.date >= date) continue;
    if (serving.reaction && BAD_REACTIONS.has(serving.reaction)) push(found.rejected, serving);
    if (serving.stayId === history.stayId) continue;
    if (!found.lastServed.has(serving.dishId)) found.lastServed.set(serving.dishId, serving.date);
    if (serving.date >= from) push(found.repeated, serving);
  }
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

/** The warnings of a plan: one entry per planned dish, in plan order; free allergens to check by hand. */
export function planWarnings(
  catalogue: Catalogue,
  history: PartyHistory,
  plan: { date: string; dishIds: readonly string[] },
  repeatYears: number,
): Pick<MenuPlan, 'dishes' | 'uncheckedAllergies'> {
  const { repeated: repeatedByDish, rejected: rejectedByDish } = earlierServings(history, plan.date, repeatYears);
  const avoidAllergens = partyAllergenIds(history);
  const planned = new Set(plan.dishIds);

  const alternativesTo = (dish: Dish) =>
    (catalogue.byCategory.get(dish.category) ?? [])
      .filter(
        (other) =>
          !planned.has(other.id) &&
          !repeatedByDish.has(other.id) &&
          !rejectedByDish.has(other.id) &&
          !other.allergenIds.some((id) => avoidAllergens.has(id)),
      )
      .slice(0, MAX_ALTERNATIVES)
      .map((other) => ({ dishId: other.id, name: other.name }));

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
    const flagged = allergies.length > 0 || servedBefore.length > 0 || reactions.length > 0;
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

/**
 * Dishes this party should not be given on a stay arriving on `date`: dishes on its planned menus that carry
 * someone's allergen (worst severity first), then dishes served on earlier stays within the repeat period or
 * left or disliked on any earlier stay, latest first. Withdrawn dishes are not on any menu, so not listed.
 * Catalogue dishes that are not planned are left out on purpose: a wheat or soy allergy rules out most of a
 * Japanese menu, and a list of a hundred dishes per room is one nobody reads; the allergens themselves head the
 * party's alerts, and the menu planner flags every dish when a course is chosen.
 */
export function dishesToAvoid(
  catalogue: Catalogue,
  history: PartyHistory,
  date: string,
  repeatYears: number,
  plannedDishIds: ReadonlySet<string>,
): DishToAvoid[] {
  const { repeated, rejected, lastServed } = earlierServings(history, date, repeatYears);
  const reasons = new Map<string, Set<DishToAvoid['reasons'][number]>>();
  const add = (dishId: string, reason: DishToAvoid['reasons'][number]) => {
    const set = reasons.get(dishId);
    if (set) set.add(reason);
    else reasons.set(dishId, new Set([reason]));
  };
  const severityOf = new Map<string, Severity>();
  for (const allergy of history.allergies) {
    for (const dish of allergy.allergenId ? (catalogue.byAllergen.get(allergy.allergenId) ?? []) : []) {
      if (!plannedDishIds.has(dish.id)) continue;
      const known = severityOf.get(dish.id);
      if (!known || severityRank(allergy.severity) < severityRank(known)) severityOf.set(dish.id, allergy.severity);
      add(dish.id, 'allergen');
    }
  }
  for (const dishId of repeated.keys()) add(dishId, 'served');
  // What this guest showed they do not want counts from any stay but this one.
  for (const [dishId, servings] of rejected)
    for (const s of servings) if (s.stayId !== history.stayId) add(dishId, s.reaction as 'left' | 'disliked');

  const listed = [...reasons].flatMap(([dishId, found]): DishToAvoid[] => {
    const dish = catalogue.byId.get(dishId);
    if (!dish || dish.deletedAt) return [];
    return [
      {
        dishId,
        dishName: dish.name,
        reasons: AVOID_REASONS.filter((reason) => found.has(reason)),
        severity: severityOf.get(dishId) ?? null,
        lastServed: lastServed.get(dishId) ?? null,
      },
    ];
  });
  // Safety first (allergens by severity), then what the guest showed they do not want, then mere repeats.
  const rank = (d: DishToAvoid) =>
    d.severity
      ? severityRank(d.severity)
      : d.reasons.includes('disliked')
        ? SEVERITIES.length
        : d.reasons.includes('left')
          ? SEVERITIES.length + 1
          : SEVERITIES.length + 2;
  return listed.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.lastServed ?? '').localeCompare(a.lastServed ?? '') ||
      (catalogue.position.get(a.dishId) ?? 0) - (catalogue.position.get(b.dishId) ?? 0),
  );
}
