import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartyHistory, Serving } from '../../electron/core/kitchen/party-history.ts';
import { AVOID_SHOWN, catalogueOf, dishesToAvoid } from '../../electron/core/kitchen/warnings.ts';
import { SEVERITIES, type Severity } from '../../shared/contract/allergies.ts';
import { DISH_CATEGORIES, type Dish } from '../../shared/contract/kitchen.ts';
import { addDays, addYears } from '../../shared/text/dates.ts';

// The kitchen's dishes to avoid for one party, against the rule written out plainly: every dish with an allergen
// of the party (worst severity first), then at most AVOID_SHOWN of the dishes the party disliked, left, or was
// served on another stay within the repeat years (disliked, then left, then repeats; latest served first; then
// catalogue order), and the rest counted. dishesToAvoid keeps only the shown ones in order as dishes come
// instead of sorting them all; this checks that it lists the same dishes, in the same order, with the same flags.

const ARRIVAL = '2026-05-10';
const ALLERGENS = ['えび', 'かに', '小麦'];
const STAYS = ['this-stay', 'earlier-1', 'earlier-2', 'earlier-3'];

const dishArb = fc.record({
  category: fc.constantFrom(...DISH_CATEGORIES),
  reading: fc.constantFrom('あ', 'い', 'う', 'え', 'お'),
  allergenIds: fc.subarray(ALLERGENS, { maxLength: 2 }),
  withdrawn: fc.boolean(),
});

const servingArb = (dishCount: number) =>
  fc.record({
    stay: fc.nat(STAYS.length - 1),
    daysBefore: fc.integer({ min: -3, max: 4 * 365 }),
    // One past the last dish: a dish the catalogue no longer has.
    dish: fc.nat(dishCount),
    reaction: fc.constantFrom(null, 'praised', 'left', 'disliked'),
  });

const caseArb = fc.integer({ min: 1, max: 40 }).chain((dishCount) =>
  fc.record({
    dishes: fc.array(dishArb, { minLength: dishCount, maxLength: dishCount }),
    allergies: fc.array(
      fc.record({ allergen: fc.constantFrom(...ALLERGENS), severity: fc.constantFrom(...SEVERITIES) }),
      {
        maxLength: 3,
      },
    ),
    servings: fc.array(servingArb(dishCount), { maxLength: 150, size: 'max' }),
    planned: fc.subarray(
      Array.from({ length: dishCount + 1 }, (_, i) => i),
      { maxLength: Math.min(8, dishCount + 1) },
    ),
    repeatYears: fc.integer({ min: 1, max: 3 }),
  }),
);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function world(input: Case) {
  const dishes: Dish[] = input.dishes.map((dish, i) => ({
    id: `dish-${String(i).padStart(2, '0')}`,
    name: `料理${i}`,
    reading: dish.reading,
    category: dish.category,
    allergenIds: dish.allergenIds,
    note: '',
    deletedAt: dish.withdrawn ? '2026-01-01T00:00:00.000Z' : null,
  }));
  const idOf = (i: number) => dishes[i]?.id ?? 'dish-withdrawn-long-ago';
  const servings: Serving[] = input.servings.map((serving) => ({
    stayId: STAYS[serving.stay] as string,
    date: addDays(ARRIVAL, -serving.daysBefore),
    meal: 'dinner',
    dishId: idOf(serving.dish),
    reaction: serving.reaction,
  }));
  const history = {
    stayId: STAYS[0] as string,
    allergies: input.allergies.map((a, i) => ({ id: `allergy-${i}`, allergenId: a.allergen, severity: a.severity })),
    servings,
    staysOf: new Map(),
  } as unknown as PartyHistory;
  return { dishes, history, planned: new Set(input.planned.map(idOf)) };
}

/** The rule as the kitchen reads it, worked out the long way. */
function expected(input: Case) {
  const { dishes, history, planned } = world(input);
  const order = catalogueOf(dishes).ids;
  const from = addYears(ARRIVAL, -input.repeatYears);
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const listed = dishes.flatMap((dish) => {
    if (dish.deletedAt) return [];
    const before = history.servings.filter((s) => s.dishId === dish.id && s.date < ARRIVAL);
    const elsewhere = before.filter((s) => s.stayId !== history.stayId);
    const reasons = {
      served: elsewhere.some((s) => s.date >= from),
      left: elsewhere.some((s) => s.reaction === 'left'),
      disliked: elsewhere.some((s) => s.reaction === 'disliked'),
    };
    const severities = history.allergies
      .filter((a) => a.allergenId && dish.allergenIds.includes(a.allergenId))
      .map((a) => a.severity);
    const severity = severities.length ? severities.reduce((w, s) => (rank(s) < rank(w) ? s : w)) : null;
    const any = reasons.served || reasons.left || reasons.disliked;
    // A planned dish is listed for an allergen or a reason; any other dish only for a reason.
    if (!any && !(severity && planned.has(dish.id))) return [];
    const last = elsewhere.reduce((l, s) => (s.date > l ? s.date : l), '');
    const group = severity
      ? rank(severity)
      : reasons.disliked
        ? SEVERITIES.length
        : reasons.left
          ? SEVERITIES.length + 1
          : SEVERITIES.length + 2;
    const flags = [
      ...(severity ? ['allergen'] : []),
      ...(reasons.served ? ['served'] : []),
      ...(reasons.left ? ['left'] : []),
      ...(reasons.disliked ? ['disliked'] : []),
    ];
    return [{ dish, severity, group, last, flags, place: order.indexOf(dish.id) }];
  });
  listed.sort((a, b) => a.group - b.group || b.last.localeCompare(a.last) || a.place - b.place);
  const allergens = listed.filter((d) => d.severity);
  const others = listed.filter((d) => !d.severity);
  return {
    dishes: [...allergens, ...others.slice(0, AVOID_SHOWN)].map((d) => ({
      dishId: d.dish.id,
      dishName: d.dish.name,
      reasons: d.flags,
      severity: d.severity,
      lastServed: d.last || null,
    })),
    more: Math.max(0, others.length - AVOID_SHOWN),
  };
}

describe('dishes to avoid', () => {
  it('lists every allergen dish and the ten most telling others, in the kitchen’s order, whatever the history', () => {
    let cut = 0;
    let withAllergens = 0;
    fc.assert(
      fc.property(caseArb, (input) => {
        const { dishes, history, planned } = world(input);
        const found = dishesToAvoid(catalogueOf(dishes), history, ARRIVAL, input.repeatYears, planned);
        const want = expected(input);
        expect(found).toEqual(want);
        if (want.more > 0) cut += 1;
        if (want.dishes.some((d) => d.severity)) withAllergens += 1;
      }),
      { numRuns: 400 },
    );
    // The runs reached the cases that matter: lists cut at ten, and allergen dishes ahead of repeats.
    expect(cut).toBeGreaterThan(20);
    expect(withAllergens).toBeGreaterThan(50);
  });
});
