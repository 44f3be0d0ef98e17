import type { CoreContext } from '../context.ts';
import type { Period } from './period.ts';

// Allergies: how many were recorded in the period (new statements; a correction is not a new allergy), how
// many current ones were confirmed with the guest in it (their latest confirmation), and, as of today, how
// many current ones are due a re-confirmation (not a dislike, confirmed longer ago than the setting's months)
// or were never confirmed (要確認: taken from a ledger's free text). A few thousand rows a year: the
// allergies of guests since deleted count in what was recorded, not in what is to be done.

/** The WHERE of each figure over `allergies a` (joined to its guest `g`); the list behind it uses the same. */
export const ALLERGY_FIGURES = {
  recorded: `a.created_at >= @startIso AND a.created_at < @endIso AND a.supersedes IS NULL`,
  confirmed: `a.confirmed_at BETWEEN @from AND @to AND a.superseded_by IS NULL AND a.retracted_at IS NULL`,
  overdue: `a.superseded_by IS NULL AND a.retracted_at IS NULL AND a.severity <> 'dislike'
            AND a.confirmed_at <> '' AND a.confirmed_at < @cutoff AND g.deleted_at IS NULL`,
  needsReview: `a.superseded_by IS NULL AND a.retracted_at IS NULL AND a.confirmed_at = '' AND g.deleted_at IS NULL`,
} as const;
export type AllergyFigure = keyof typeof ALLERGY_FIGURES;

const COUNTS = `
  SELECT ${Object.entries(ALLERGY_FIGURES)
    .map(([name, where]) => `coalesce(sum(${where}), 0) AS ${name}`)
    .join(', ')}
    FROM allergies a JOIN guests g ON g.id = a.guest_id`;

export const ALLERGY_STATEMENTS = { COUNTS };

export type AllergyParams = { startIso: string; endIso: string; from: string; to: string; cutoff: string };

export function allergyParams(period: Period, cutoff: string): AllergyParams {
  return { startIso: period.startIso, endIso: period.endIso, from: period.from, to: period.to, cutoff };
}

export function allergyFigures(ctx: CoreContext, params: AllergyParams) {
  return ctx.run.prepare(COUNTS).get(params) as Record<AllergyFigure, number>;
}
