// Small facts about a planned menu's warnings, shared by the stay page, the arrivals and the sheets.

import type { DishWarning, MenuPlan } from '../../shared/contract/kitchen.ts';

export type WarningCounts = { allergen: number; anaphylaxis: number; repeated: number; reactions: number };

export function warningCounts(menu: Pick<MenuPlan, 'dishes'>): WarningCounts {
  const counts: WarningCounts = { allergen: 0, anaphylaxis: 0, repeated: 0, reactions: 0 };
  for (const dish of menu.dishes) {
    if (dish.allergies.length > 0) counts.allergen++;
    if (dish.worstSeverity === 'anaphylaxis') counts.anaphylaxis++;
    if (dish.servedBefore.length > 0) counts.repeated++;
    if (dish.reactions.length > 0) counts.reactions++;
  }
  return counts;
}

export function isFlagged(dish: DishWarning): boolean {
  return dish.allergies.length > 0 || dish.servedBefore.length > 0 || dish.reactions.length > 0;
}

/** The plan's dish ids with one dish swapped for another, keeping the course order. */
export function swapDish(dishIds: readonly string[], from: string, to: string): string[] {
  return dishIds.map((id) => (id === from ? to : id));
}
