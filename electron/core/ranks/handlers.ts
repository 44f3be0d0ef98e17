import type { RankRule } from '../../../shared/contract/ranks.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { derivedId } from '../changes/derived-id.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { findGuestRow } from '../guests/card.ts';
import { LIVE_GUEST_COUNT } from '../guests/count.ts';
import type { RankKeeper } from './keeper.ts';
import { rankOf } from './rank-of.ts';
import { RULES_SETTING, windowsOn } from './rank-rows.ts';
import { countVisit, rankFrom } from './rules.ts';

type RankCallNames =
  | 'ranks.rules'
  | 'ranks.updateRules'
  | 'ranks.preview'
  | 'ranks.setManual'
  | 'ranks.ofGuest'
  | 'ranks.recompute';

/** The id of a guest's manual-rank row: one per guest, the same on every PC. */
export const manualRankId = (guestId: string) => derivedId('guest_manual_rank', guestId);

function rulesWithVersion(ctx: CoreContext, keeper: RankKeeper) {
  return { rules: keeper.rules(), version: ctx.changes.versionOf('settings', RULES_SETTING) };
}

/**
 * How many guests each rank of `rules` would give today: every visited stay in the longest window, read once by
 * stays_visited_arrival, grouped per guest in memory; guests without a visit in it are ranked from nothing
 * (a rule of 0 visits gives them a rank too). Deleted guests do not count.
 */
function preview(ctx: CoreContext, rules: readonly RankRule[]) {
  const today = ctx.today();
  const windows = windowsOn(rules, today);
  const stats = new Map<string, Map<number, { visits: number; spend: number }>>();
  if (windows.length > 0) {
    const stays = ctx.run
      .prepare(
        `SELECT s.guest_id AS guest, s.arrival_date AS arrival, s.amount_yen AS amount
           FROM stays s INDEXED BY stays_visited_arrival JOIN guests g ON g.id = s.guest_id AND g.deleted_at IS NULL
          WHERE s.arrival_date >= ? AND s.deleted_at IS NULL AND s.status IN ('in_house', 'departed')`,
      )
      .iterate(windows[0]?.start) as IterableIterator<{ guest: string; arrival: string; amount: number }>;
    for (const stay of stays) {
      let mine = stats.get(stay.guest);
      if (!mine) {
        mine = new Map();
        stats.set(stay.guest, mine);
      }
      countVisit(mine, windows, stay.arrival, stay.amount);
    }
  }
  const manual = new Map(
    (
      ctx.run
        .prepare(
          `SELECT m.guest_id, m.rank_name FROM guest_manual_ranks m JOIN guests g ON g.id = m.guest_id
            WHERE m.rank_name IS NOT NULL AND g.deleted_at IS NULL`,
        )
        .all() as Array<{ guest_id: string; rank_name: string }>
    ).map((row) => [row.guest_id, row.rank_name]),
  );
  const guests = ctx.run.prepare(LIVE_GUEST_COUNT).pluck().get() as number;
  const counts = new Map(rules.map((rule) => [rule.name, 0]));
  const add = (name: string | undefined, by = 1) => {
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + by);
  };
  const judged = new Set<string>();
  for (const [guest, mine] of stats) {
    judged.add(guest);
    add(rankFrom(rules, mine, manual.get(guest) ?? null)?.name);
  }
  for (const [guest, name] of manual) {
    if (judged.has(guest)) continue;
    judged.add(guest);
    add(rankFrom(rules, new Map(), name)?.name);
  }
  // Everyone else has nothing in any window and no manual rank: one judgement for all of them.
  add(rankFrom(rules, new Map(), null)?.name, guests - judged.size);
  return { counts: rules.map((rule) => ({ name: rule.name, guests: counts.get(rule.name) ?? 0 })), guests };
}

export function rankHandlers(ctx: CoreContext, keeper: RankKeeper): Handlers<RankCallNames> {
  return {
    'ranks.rules': () => rulesWithVersion(ctx, keeper),
    'ranks.updateRules': ({ rules, version }, actor) => {
      actor.write((session) => {
        const now = session.now();
        const exists = ctx.run.prepare('SELECT 1 FROM settings WHERE id = ?').get(RULES_SETTING);
        session.writeRow(
          'settings',
          RULES_SETTING,
          { value: JSON.stringify(rules), ...(exists ? {} : { created_at: now }) },
          version === undefined ? {} : { basedOn: version },
        );
      });
      // Every guest's rank follows as a job once this commits (create-core.ts starts it on the change).
      return rulesWithVersion(ctx, keeper);
    },
    'ranks.preview': ({ rules }) => preview(ctx, rules),
    'ranks.setManual': ({ guestId, rank }, actor) => {
      const guest = findGuestRow(ctx, guestId);
      if (guest.deleted_at !== null) throw new CallFailure('conflict', 'guest_deleted');
      if (rank !== null && !keeper.rules().some((rule) => rule.manual && rule.name === rank))
        throw new CallFailure('invalid_input', 'rank_not_manual');
      actor.write((session) => {
        const id = manualRankId(guestId);
        const exists = ctx.run.prepare('SELECT 1 FROM guest_manual_ranks WHERE id = ?').get(id);
        session.writeRow('guest_manual_ranks', id, {
          guest_id: guestId,
          rank_name: rank,
          set_by: actor.staffId,
          ...(exists ? {} : { created_at: session.now() }),
        });
      });
      return { guestId, rank: rankOf(ctx, guestId) };
    },
    'ranks.ofGuest': ({ guestId }) => {
      findGuestRow(ctx, guestId);
      // A card opened on a new day before the minute check noticed it shows the day's rank (keeper.ts).
      keeper.ensureCurrent();
      const manual = ctx.run
        .prepare('SELECT rank_name FROM guest_manual_ranks WHERE guest_id = ? AND rank_name IS NOT NULL')
        .pluck()
        .get(guestId) as string | undefined;
      return { rank: rankOf(ctx, guestId), manualRank: manual ?? null };
    },
    'ranks.recompute': () => keeper.recompute(),
  };
}
