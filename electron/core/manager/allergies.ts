import type { CoreContext } from '../context.ts';
import type { Period } from './period.ts';

// Allergies: how many were recorded in the period (new statements; a correction is not a new allergy), how
// many current ones were confirmed with the guest in it (their latest confirmation), and, as of today, how
// many current ones are due a re-confirmation (not a dislike, confirmed longer ago than the setting's months)
// or were never confirmed (要確認: taken from a ledger's free text). The allergies of guests since deleted
// count in what was recorded, not in what is to be done.

/** The WHERE of each figure over `allergies a` (joined to its guest `g`); the list behind it uses the same. */
export const ALLERGY_FIGURES = {
  recorded: `a.created_at >= @startIso AND a.created_at < @endIso AND a.supersedes IS NULL`,
  confirmed: `a.confirmed_at BETWEEN @from AND @to AND a.superseded_by IS NULL AND a.retracted_at IS NULL`,
  overdue: `a.superseded_by IS NULL AND a.retracted_at IS NULL AND a.severity <> 'dislike'
            AND a.confirmed_at <> '' AND a.confirmed_at < @cutoff AND g.deleted_at IS NULL`,
  needsReview: `a.superseded_by IS NULL AND a.retracted_at IS NULL AND a.confirmed_at = '' AND g.deleted_at IS NULL`,
} as const;
export type AllergyFigure = keyof typeof ALLERGY_FIGURES;

/** The reference: every allergy read once, each figure's WHERE summed (what the lists count; the tests compare). */
const COUNTS = `
  SELECT ${Object.entries(ALLERGY_FIGURES)
    .map(([name, where]) => `coalesce(sum(${where}), 0) AS ${name}`)
    .join(', ')}
    FROM allergies a JOIN guests g ON g.id = a.guest_id`;

// The same figures, each a range of a partial covering index (migration 13), so the cost is the allergies in the
// period (recorded, confirmed) or due (overdue, never confirmed), not all of them: allergies_recorded (statements
// by the instant recorded) and allergies_current (current allergies by latest confirmation, with the severity).
// "Of guests not deleted" is the range's count less the same range of the deleted guests' allergies (few: read
// from guests_deleted outwards). An allergy always has its guest (a foreign key), so no guest is missing.
const CURRENT = 'a.superseded_by IS NULL AND a.retracted_at IS NULL';
const OVERDUE = `${CURRENT} AND a.severity <> 'dislike' AND a.confirmed_at > '' AND a.confirmed_at < @cutoff`;
const NEVER = `${CURRENT} AND a.confirmed_at = ''`;
const OF_DELETED = (where: string) =>
  `(SELECT count(*) FROM guests g CROSS JOIN allergies a ON a.guest_id = g.id WHERE g.deleted_at IS NOT NULL AND ${where})`;
const BY_INDEX = `
  SELECT (SELECT count(*) FROM allergies a
           WHERE a.supersedes IS NULL AND a.created_at >= @startIso AND a.created_at < @endIso) AS recorded,
         (SELECT count(*) FROM allergies a WHERE ${CURRENT} AND a.confirmed_at BETWEEN @from AND @to) AS confirmed,
         (SELECT count(*) FROM allergies a WHERE ${OVERDUE}) - ${OF_DELETED(OVERDUE)} AS overdue,
         (SELECT count(*) FROM allergies a WHERE ${NEVER}) - ${OF_DELETED(NEVER)} AS needsReview`;

export const ALLERGY_STATEMENTS = { COUNTS, BY_INDEX };

export type AllergyParams = { startIso: string; endIso: string; from: string; to: string; cutoff: string };

export function allergyParams(period: Period, cutoff: string): AllergyParams {
  return { startIso: period.startIso, endIso: period.endIso, from: period.from, to: period.to, cutoff };
}

export function allergyFigures(ctx: CoreContext, params: AllergyParams) {
  return ctx.run.prepare(BY_INDEX).get(params) as Record<AllergyFigure, number>;
}

/** The reference count (one pass over every allergy), for the tests and the bench. */
export function allergyFiguresByScan(ctx: CoreContext, params: AllergyParams) {
  return ctx.run.prepare(COUNTS).get(params) as Record<AllergyFigure, number>;
}
