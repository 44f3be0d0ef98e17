import { z } from 'zod';
import { basedOnVersion, id, requiredText } from './common.ts';
import { call } from './define.ts';

// 顧客ランク: ranks the manager sets (docs/guest-rank.md). An ordered list of ranks: a computed rank holds
// when the guest's visits and/or spend over the last N years reach its thresholds; a manual rank (VIP) is
// given to a guest by hand and wins over every computed one. The first computed rank in the list that holds
// is the guest's rank. Each PC derives every guest's rank from the synced stays, rules and manual ranks.

export const RANK_COMBINES = ['and', 'or'] as const;
export const MAX_RANK_RULES = 20;
export const MAX_RANK_YEARS = 10;

export const rankRuleSchema = z.object({
  name: requiredText(20),
  /** Given by hand only (VIP): no condition. */
  manual: z.boolean(),
  /** At least this many visits (stays in house or departed) in the window; null: visits do not count. */
  minVisits: z
    .number({ error: 'count_invalid' })
    .int({ error: 'count_invalid' })
    .min(0, { error: 'count_invalid' })
    .max(10_000, { error: 'count_invalid' })
    .nullable(),
  /** At least this much spend (the stays' amounts, ¥) in the window; null: spend does not count. */
  minSpendYen: z
    .number({ error: 'yen_invalid' })
    .int({ error: 'yen_invalid' })
    .min(0, { error: 'yen_invalid' })
    .max(1_000_000_000, { error: 'yen_invalid' })
    .nullable(),
  /** The window: stays that arrived in the last this many years, counted back from today (the inn's day). */
  years: z
    .number({ error: 'rank_years_invalid' })
    .int({ error: 'rank_years_invalid' })
    .min(1, { error: 'rank_years_invalid' })
    .max(MAX_RANK_YEARS, { error: 'rank_years_invalid' }),
  /** With both thresholds: both must be reached (and) or either (or). */
  combine: z.enum(RANK_COMBINES, { error: 'invalid_choice' }),
});
export type RankRule = z.infer<typeof rankRuleSchema>;

export const rankRulesSchema = z
  .array(rankRuleSchema)
  .max(MAX_RANK_RULES, { error: 'too_many' })
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.name)) ctx.addIssue({ code: 'custom', message: 'rank_name_taken', path: [index, 'name'] });
      seen.add(rule.name);
      if (!rule.manual && rule.minVisits === null && rule.minSpendYen === null)
        ctx.addIssue({ code: 'custom', message: 'rank_condition_required', path: [index, 'minVisits'] });
    });
  });

const rulesOut = z.object({
  rules: z.array(rankRuleSchema),
  /** Send it back with ranks.updateRules: a change made since by someone else is refused as a conflict. */
  version: z.number(),
});

/** A guest's rank as the screens show it: the name, and whether a manager gave it by hand. */
export const guestRankSchema = z.object({ name: z.string(), manual: z.boolean() }).nullable();
export type GuestRank = z.infer<typeof guestRankSchema>;

export const rankCalls = {
  'ranks.rules': call({
    summary: 'The guest-rank rules, in order (the first computed rank a guest reaches is theirs; manual ranks win).',
    writes: false,
    input: z.object({}).strict(),
    output: rulesOut,
  }),
  'ranks.updateRules': call({
    summary:
      'Replaces the rank rules (synced); every guest’s rank is then recomputed on each PC as a job (ranks.recompute kind) with progress.',
    writes: true,
    input: z.object({ rules: rankRulesSchema, version: basedOnVersion }).strict(),
    output: rulesOut,
  }),
  'ranks.preview': call({
    summary:
      'How many guests each rank of a draft list of rules would give today (manual ranks as given), before saving it.',
    writes: false,
    input: z.object({ rules: rankRulesSchema }).strict(),
    output: z.object({
      counts: z.array(z.object({ name: z.string(), guests: z.number().int() })),
      /** Guests on record (not deleted), ranked or not. */
      guests: z.number().int(),
    }),
  }),
  'ranks.setManual': call({
    summary: 'Gives a guest a manual rank (one of the manual ranks of the rules), or takes it away with null.',
    writes: true,
    input: z.object({ guestId: id, rank: z.string().min(1).max(20).nullable() }).strict(),
    output: z.object({ guestId: z.string(), rank: guestRankSchema }),
  }),
  'ranks.ofGuest': call({
    summary:
      'A guest’s current rank (null: none) and the manual rank given to them, if any (the card’s badge and menu).',
    writes: false,
    input: z.object({ guestId: id }).strict(),
    output: z.object({ rank: guestRankSchema, manualRank: z.string().nullable() }),
  }),
  'ranks.recompute': call({
    summary:
      'Recomputes every guest’s rank from the rules (in slices with progress and cancel); waits for one already running. Needs no staff: it derives, records nothing.',
    writes: false,
    job: true,
    input: z.object({}).strict(),
    output: z.object({ guests: z.number().int(), ranked: z.number().int() }),
  }),
};
