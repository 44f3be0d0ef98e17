import type { CoreContext } from '../context.ts';
import { readRules } from '../ranks/rank-rows.ts';
import { arrivedAs } from './arrivals.ts';

// Stays' revenue by guest rank: the period's arrivals (as counted by arrivals.ts) grouped by their guest's
// rank today (the local guest_ranks table, docs/guest-rank.md), in the order of the rules, then the stays of
// guests with no rank. A rank is today's, not the one the guest had when they came: the manager asks what the
// guests now ranked VIP brought in. Read from the ranked guests outwards (CROSS JOIN): most guests have no
// rank, and those are the period's total less the ranked ones, so no stay is looked up twice. The overview passes
// the same sums from manager_days (kept per day and rank, day-totals.ts) when it is whole; BY_RANK is the reference.

const BY_RANK = `
  SELECT r.rank_name AS rank, count(*) AS stays, coalesce(sum(s.amount_yen), 0) AS yen
    FROM guest_ranks r CROSS JOIN stays s ON s.guest_id = r.guest_id
   WHERE s.arrival_date BETWEEN @from AND @to AND ${arrivedAs('s')}
   GROUP BY r.rank_name`;

export const RANK_STATEMENTS = { BY_RANK };

export type RankRevenue = { rank: string; stays: number; staysYen: number };

/** Null when the inn has no rank rules: the page says how to set them up instead of one bar of 「ランクなし」. */
export function revenueByRank(
  ctx: CoreContext,
  period: { from: string; to: string },
  totals: { arrivals: number; staysYen: number },
  kept?: Array<{ rank: string; stays: number; yen: number }> | null,
): RankRevenue[] | null {
  const rules = readRules(ctx.db, ctx.logger);
  if (rules.length === 0) return null;
  const rows = kept ?? (ctx.run.prepare(BY_RANK).all(period) as Array<{ rank: string; stays: number; yen: number }>);
  const found = new Map(rows.map((row) => [row.rank, row]));
  const ranked: RankRevenue[] = rules.map((rule) => {
    const row = found.get(rule.name);
    found.delete(rule.name);
    return { rank: rule.name, stays: row?.stays ?? 0, staysYen: row?.yen ?? 0 };
  });
  // A rank no longer in the rules (until the recompute reaches the guest) still counts, under its own name.
  for (const row of found.values()) ranked.push({ rank: row.rank, stays: row.stays, staysYen: row.yen });
  const stays = ranked.reduce((sum, row) => sum + row.stays, 0);
  const yen = ranked.reduce((sum, row) => sum + row.staysYen, 0);
  // '' is 「ランクなし」 on the screen.
  ranked.push({ rank: '', stays: totals.arrivals - stays, staysYen: totals.staysYen - yen });
  return ranked;
}
