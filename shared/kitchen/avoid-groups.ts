// The dishes to avoid of an arrival in groups that each name their reason once, for the kitchen sheet (the
// PDF and the print view): dishes with an allergen by severity, then repeats by the day they were served, then
// dishes left or disliked on a stay beyond the repeat period. A list of fifteen dishes reads as three short
// runs ("アナフィラキシー: …", "前回提供 2025年6月10日: …") instead of fifteen dishes each with its own reasons.
// Nothing is merged away: a dish's reasons beyond its group's follow its name (otherReasons).

import type { Severity } from '../contract/allergies.ts';
import type { Arrival } from '../contract/arrivals.ts';

export type AvoidDish = Arrival['dishesToAvoid'][number];
export type AvoidReason = AvoidDish['reasons'][number];

export type AvoidGroup = {
  /** What the group's title says: the allergen's severity, the day served, or left / disliked. */
  reason: AvoidReason;
  /** For 'allergen': the severity every dish of the group meets. */
  severity: Severity | null;
  /** For 'served': the day they were last served. */
  date: string | null;
  dishes: { dish: AvoidDish; otherReasons: AvoidReason[] }[];
};

/** Groups in the order the core ranks the dishes (safety first); dishes keep their order within a group. */
export function groupDishesToAvoid(dishes: readonly AvoidDish[]): AvoidGroup[] {
  const groups = new Map<string, AvoidGroup>();
  for (const dish of dishes) {
    let group: Omit<AvoidGroup, 'dishes'>;
    if (dish.severity) group = { reason: 'allergen', severity: dish.severity, date: null };
    else if (dish.reasons.includes('served')) group = { reason: 'served', severity: null, date: dish.lastServed };
    else group = { reason: dish.reasons[0] ?? 'left', severity: null, date: null };
    const key = `${group.reason}:${group.severity ?? ''}:${group.date ?? ''}`;
    const found = groups.get(key) ?? { ...group, dishes: [] };
    found.dishes.push({ dish, otherReasons: dish.reasons.filter((reason) => reason !== group.reason) });
    groups.set(key, found);
  }
  return [...groups.values()];
}
