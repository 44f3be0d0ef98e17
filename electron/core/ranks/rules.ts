import type { RankRule } from '../../../shared/contract/ranks.ts';
import { addYears } from '../../../shared/text/dates.ts';

// How a guest's rank follows from the rules: pure, so the incremental path, the full recompute, the preview and
// the tests all decide by this one function.
//
// The window of a rule is "the last N years" counted back from the inn's day: a stay counts when it arrived on
// or after the same day N years ago (2026-12-03, 2 years: from 2024-12-03) and is a visit (in house or departed,
// as the card counts visits; booked, cancelled and no-show stays do not count, nor deleted ones). A visit is a
// stay on the guest's own name (stays.guest_id): the rank is about who books and pays, and the spend is the
// stays' amount_yen.

/** What the rules need of one guest: per window (years), visits and spend. */
export type WindowStats = ReadonlyMap<number, { visits: number; spend: number }>;

/** The distinct windows the rules use, longest first (the longest bounds what must be read). */
export function windowsOf(rules: readonly RankRule[]): number[] {
  return [...new Set(rules.filter((rule) => !rule.manual).map((rule) => rule.years))].sort((a, b) => b - a);
}

/** The first day a window of `years` counts, on `today`. */
export function windowStart(today: string, years: number): string {
  return addYears(today, -years);
}

function holds(rule: RankRule, stats: WindowStats): boolean {
  const { visits, spend } = stats.get(rule.years) ?? { visits: 0, spend: 0 };
  const byVisits = rule.minVisits === null ? null : visits >= rule.minVisits;
  const bySpend = rule.minSpendYen === null ? null : spend >= rule.minSpendYen;
  if (byVisits === null) return bySpend ?? false;
  if (bySpend === null) return byVisits;
  return rule.combine === 'and' ? byVisits && bySpend : byVisits || bySpend;
}

export type Ranked = { name: string; manual: boolean } | null;

/**
 * A guest's rank: the manual rank given to them when the rules still have it, else the first computed rank
 * whose condition holds, else none.
 */
export function rankFrom(rules: readonly RankRule[], stats: WindowStats, manual: string | null): Ranked {
  if (manual !== null && rules.some((rule) => rule.manual && rule.name === manual))
    return { name: manual, manual: true };
  for (const rule of rules) if (!rule.manual && holds(rule, stats)) return { name: rule.name, manual: false };
  return null;
}

/** Adds one visit to the stats of every window it falls in. */
export function countVisit(
  stats: Map<number, { visits: number; spend: number }>,
  windows: readonly { years: number; start: string }[],
  arrival: string,
  amount: number,
) {
  for (const { years, start } of windows) {
    if (arrival < start) continue;
    const current = stats.get(years) ?? { visits: 0, spend: 0 };
    current.visits += 1;
    current.spend += amount;
    stats.set(years, current);
  }
}
