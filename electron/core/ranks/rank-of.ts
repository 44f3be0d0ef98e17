import type { GuestRank } from '../../../shared/contract/ranks.ts';
import type { CoreContext } from '../context.ts';

// For other domains (the manager's view: revenue by rank; the arrivals sheet; search): a guest's current rank as
// the local table guest_ranks holds it. That table is derived on each PC (keeper.ts) and has one row per ranked
// guest: (guest_id, rank_name, manual); a guest without a row has no rank. To group many guests, join it:
//   SELECT r.rank_name, sum(s.amount_yen) FROM stays s LEFT JOIN guest_ranks r ON r.guest_id = s.guest_id …

/** A guest's current rank, or null. */
export function rankOf(ctx: Pick<CoreContext, 'run'>, guestId: string): GuestRank {
  const row = ctx.run.prepare('SELECT rank_name, manual FROM guest_ranks WHERE guest_id = ?').get(guestId) as
    | { rank_name: string; manual: number }
    | undefined;
  return row ? { name: row.rank_name, manual: row.manual === 1 } : null;
}

/** The ranks of several guests at once (ids as one JSON parameter: one statement, an index lookup each). */
export function ranksOf(ctx: Pick<CoreContext, 'run'>, guestIds: readonly string[]): Map<string, GuestRank> {
  if (guestIds.length === 0) return new Map();
  const rows = ctx.run
    .prepare('SELECT guest_id, rank_name, manual FROM guest_ranks WHERE guest_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(guestIds)) as Array<{ guest_id: string; rank_name: string; manual: number }>;
  return new Map(rows.map((row) => [row.guest_id, { name: row.rank_name, manual: row.manual === 1 }]));
}
