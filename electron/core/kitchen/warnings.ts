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
  /** The dishes' ids by their place. */
  ids: readonly string[];
  /** The dishes by their place. */
  dishes: readonly Dish[];
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
  return catalogueOf((ctx.run.prepare('SELECT * FROM dishes').all() as DishRow[]).map(toDish));
}

/** The catalogue of these dishes (withdrawn ones included: a menu may still name them), in catalogue order. */
export function catalogueOf(all: readonly Dish[]): Catalogue {
  const dishes = inCatalogueOrder(all);
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
    ids: dishes.map((dish) => dish.id),
    dishes,
    byAllergen,
    byCategory,
    versions: new Map(dishes.map((dish) => [dish.id, dishVersion(dish.name)])),
  };
}

/**
 * What a party's earlier servings say about each dish, for dishes planned on one date: bits per dish, and the
 * latest day each was served on another stay. The servings themselves are listed only for the dishes of a plan
 * (plannedServings): a day's first read works this out for a hundred parties of regulars, and a list per dish,
 * each sorted, was a third of what that read allocated. Held by the dish's place in the catalogue (an inn has
 * hundreds of dishes): two Maps per party, grown one dish at a time, were the largest allocation left in that
 * read (1.9 of 14 MB at 1,000,000 guests). A dish not in the catalogue is on no menu and nothing lists it.
 */
class EarlierServings {
  /** Per catalogue place: EARLIER bits, 0 for a dish the party's earlier servings say nothing about. */
  readonly bits: Uint8Array;
  /** Per catalogue place: the latest day the dish was served on another stay. */
  readonly lastServedAt: Array<string | undefined>;
  /** The places with bits, each once. */
  readonly flaggedPlaces: number[] = [];
  readonly catalogue: Catalogue;

  constructor(catalogue: Catalogue) {
    this.catalogue = catalogue;
    this.bits = new Uint8Array(catalogue.position.size);
    this.lastServedAt = new Array(catalogue.position.size);
  }

  flag(place: number, bit: number) {
    if (this.bits[place] === 0) this.flaggedPlaces.push(place);
    this.bits[place] = (this.bits[place] as number) | bit;
  }

  /** The dish's EARLIER bits. */
  of(dishId: string): number {
    const place = this.catalogue.position.get(dishId);
    return place === undefined ? 0 : (this.bits[place] as number);
  }

  /**
   * The ids of the dishes with bits, as an array: a generator's step is an object, and a day's first read steps
   * through a few thousand flagged dishes.
   */
  flaggedDishIds(): string[] {
    const ids = this.catalogue.ids;
    return this.flaggedPlaces.map((place) => ids[place] as string);
  }
}
const EARLIER = {
  /** Served on another of the party's stays within the repeat period. */
  repeated: 1,
  /** Left uneaten, or disliked, on another stay. */
  leftElsewhere: 2,
  dislikedElsewhere: 4,
  /** Left or disliked earlier on this same stay. */
  rejectedHere: 8,
} as const;

// A day's arrivals asks for the same party and date several times (each planned meal, dishes to avoid): worked
// out once, kept on the history itself (a read's), per catalogue too (its places change when a dish is added).
// A WeakMap keyed by the history kept them before. With it, a fifth of what a day's first arrivals read allocated
// was still alive at each young-generation collection (against a seventh without), and those collections were the
// read's slow tail: 12 ms pauses in a 14 ms read (docs/performance.md).

/** The party's servings that count against a dish planned on `date` (computed once per party and date). */
function earlierServings(
  catalogue: Catalogue,
  history: PartyHistory,
  date: string,
  repeatYears: number,
): EarlierServings {
  const key = `${date}:${repeatYears}`;
  history.worked ??= new Map();
  const cached = history.worked.get(key);
  if (cached instanceof EarlierServings && cached.catalogue === catalogue) return cached;
  const found = computeEarlierServings(catalogue, history, date, repeatYears);
  history.worked.set(key, found);
  return found;
}

const rejected = (serving: Serving) => !!serving.reaction && BAD_REACTIONS.has(serving.reaction);

/** One pass over the party's servings before `date`. */
function computeEarlierServings(
  catalogue: Catalogue,
  history: PartyHistory,
  date: string,
  repeatYears: number,
): EarlierServings {
  const from = addYears(date, -repeatYears);
  const found = new EarlierServings(catalogue);
  const { position } = catalogue;
  const { stayId } = history;
  for (const serving of history.servings) {
    if (serving.date >= date) continue;
    const place = position.get(serving.dishId);
    if (place === undefined) continue;
    const here = serving.stayId === stayId;
    if (rejected(serving)) {
      found.flag(
        place,
        here ? EARLIER.rejectedHere : serving.reaction === 'left' ? EARLIER.leftElsewhere : EARLIER.dislikedElsewhere,
      );
    }
    if (here) continue;
    const last = found.lastServedAt[place];
    if (last === undefined || serving.date > last) found.lastServedAt[place] = serving.date;
    if (serving.date >= from) found.flag(place, EARLIER.repeated);
  }
  return found;
}

const latestFirst = (a: Serving, b: Serving) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/**
 * For the planned dishes the party's history flags: their servings on other stays within the repeat period
 * (`repeated`) and their servings left or disliked on any stay (`rejected`), before `date`, latest first.
 */
function plannedServings(
  history: PartyHistory,
  date: string,
  repeatYears: number,
  flagged: ReadonlySet<string>,
): { repeated: Map<string, Serving[]>; rejected: Map<string, Serving[]> } {
  const from = addYears(date, -repeatYears);
  const repeated = new Map<string, Serving[]>();
  const rejectedByDish = new Map<string, Serving[]>();
  const push = (byDish: Map<string, Serving[]>, serving: Serving) => {
    const list = byDish.get(serving.dishId);
    if (list) list.push(serving);
    else byDish.set(serving.dishId, [serving]);
  };
  if (flagged.size === 0) return { repeated, rejected: rejectedByDish };
  for (const serving of history.servings) {
    if (serving.date >= date || !flagged.has(serving.dishId)) continue;
    if (rejected(serving)) push(rejectedByDish, serving);
    if (serving.stayId !== history.stayId && serving.date >= from) push(repeated, serving);
  }
  for (const list of repeated.values()) if (list.length > 1) list.sort(latestFirst);
  for (const list of rejectedByDish.values()) if (list.length > 1) list.sort(latestFirst);
  return { repeated, rejected: rejectedByDish };
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
  const earlier = earlierServings(catalogue, history, plan.date, repeatYears);
  const { repeated: repeatedByDish, rejected: rejectedByDish } = plannedServings(
    history,
    plan.date,
    repeatYears,
    new Set(plan.dishIds.filter((dishId) => earlier.of(dishId) !== 0)),
  );
  // Worked out on the first flagged dish only: most parties of a day have none.
  let finder: ((dish: Dish) => DishWarning['alternatives']) | undefined;
  const alternativesTo = (dish: Dish) => {
    finder ??= alternativesFinder(catalogue, plan, {
      avoidAllergens: partyAllergenIds(history),
      // Every dish flagged: served within the period, or left or disliked on any stay.
      earlierDishIds: earlier.flaggedDishIds(),
    });
    return finder(dish);
  };

  const dishes = plan.dishIds.flatMap((dishId): DishWarning[] => {
    const dish = catalogue.byId.get(dishId);
    if (!dish) return [];
    // A dish has a few allergens: looked up in its own list, not a Set made per dish of every plan of the day.
    const allergies = history.allergies
      .filter((a) => a.allergenId !== null && dish.allergenIds.includes(a.allergenId))
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
  const past = earlierServings(catalogue, history, date, repeatYears);
  // The worst severity in the party of each catalogue allergen: a dish's is the worst of its allergens'. Looked
  // up for the dishes listed only, not for every dish an allergen rules out (a wheat allergy, most of the menu).
  const worstOf = new Map<string, Severity>();
  for (const allergy of history.allergies) {
    if (!allergy.allergenId) continue;
    const known = worstOf.get(allergy.allergenId);
    if (!known || severityRank(allergy.severity) < severityRank(known))
      worstOf.set(allergy.allergenId, allergy.severity);
  }
  const severityOf = (dish: Dish): Severity | null => {
    let found: Severity | null = null;
    for (const allergenId of dish.allergenIds) {
      const severity = worstOf.get(allergenId);
      if (severity && (found === null || severityRank(severity) < severityRank(found))) found = severity;
    }
    return found;
  };
  // Each listed dish's reasons as bits (REASON_BIT): a day's first read lists dozens of dishes for each of a
  // hundred parties, and a Set per dish was a good part of its allocation.
  const earlierReasons = (place: number): number => {
    const bits = past.bits[place] as number;
    // What this guest showed they do not want counts from any stay but this one.
    return (
      (bits & EARLIER.repeated ? REASON_BIT.served : 0) |
      (bits & EARLIER.leftElsewhere ? REASON_BIT.left : 0) |
      (bits & EARLIER.dislikedElsewhere ? REASON_BIT.disliked : 0)
    );
  };

  // Safety first (allergens by severity), then what the guest showed they do not want, then mere repeats. Every
  // allergen dish is listed; of the others only the AVOID_SHOWN first are, so they are kept in order as they come
  // (a regular has a hundred dishes within the repeat years: sorting them all to show ten was the read's costliest
  // line), and the rest only counted.
  const allergenDishes: Ranked[] = [];
  const shown: Ranked[] = [];
  let others = 0;
  // Every dish listed carries its allergen flag, whatever brought it onto the list: a dish served last time
  // (海老真丈の椀, tagged えび) is an allergen for a guest with an えび allergy, not just a repeat. A planned dish
  // without an allergen of the party is not listed at all.
  const consider = (place: number, earlier: number) => {
    const dish = catalogue.dishes[place];
    if (!dish || dish.deletedAt) return;
    const severity = worstOf.size > 0 ? severityOf(dish) : null;
    if (!severity && earlier === 0) return;
    const found = severity ? earlier | REASON_BIT.allergen : earlier;
    const last = past.lastServedAt[place] ?? '';
    if (severity) {
      allergenDishes.push({ dish, found, severity, rank: severityRank(severity), last, position: place });
      return;
    }
    others += 1;
    const rank =
      found & REASON_BIT.disliked
        ? SEVERITIES.length
        : found & REASON_BIT.left
          ? SEVERITIES.length + 1
          : SEVERITIES.length + 2;
    const entry = { dish, found, severity, rank, last, position: place };
    if (shown.length === AVOID_SHOWN && byAvoidOrder(entry, shown[AVOID_SHOWN - 1] as Ranked) >= 0) return;
    let at = Math.min(shown.length, AVOID_SHOWN - 1);
    while (at > 0 && byAvoidOrder(entry, shown[at - 1] as Ranked) < 0) at -= 1;
    shown.splice(at, 0, entry);
    if (shown.length > AVOID_SHOWN) shown.pop();
  };
  for (const dishId of plannedDishIds) {
    const place = catalogue.position.get(dishId);
    if (place !== undefined) consider(place, earlierReasons(place));
  }
  for (const place of past.flaggedPlaces) {
    if (plannedDishIds.has(catalogue.ids[place] as string)) continue;
    const earlier = earlierReasons(place);
    if (earlier !== 0) consider(place, earlier);
  }
  allergenDishes.sort(byAvoidOrder);
  return {
    dishes: [...allergenDishes, ...shown].map(({ dish, found, severity, last }) => ({
      dishId: dish.id,
      dishName: dish.name,
      reasons: AVOID_REASONS.filter((reason) => found & REASON_BIT[reason]),
      severity,
      lastServed: last || null,
    })),
    more: Math.max(0, others - AVOID_SHOWN),
  };
}

/** A dish to avoid as ranked: its reasons as bits, its rank (severity first), the last day it was served. */
type Ranked = { dish: Dish; found: number; severity: Severity | null; rank: number; last: string; position: number };

/** By rank, then served latest first, then catalogue order. */
function byAvoidOrder(a: Ranked, b: Ranked): number {
  return a.rank - b.rank || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0) || a.position - b.position;
}
