import type { AllergenRow, AllergyRow } from '../../../db/schema.ts';
import { type Allergen, type Allergy, type Severity, severityRank } from '../../../shared/contract/allergies.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { addMonths } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';
import { readSettings } from '../settings/handlers.ts';

// Allergy records as the contract shows them: the allergen's names, the names of who confirmed and
// recorded, the state, and whether the guest should be asked again at check-in.

export type AllergyViewRow = AllergyRow & {
  allergen_name_ja: string | null;
  allergen_name_en: string | null;
  confirmed_by_name: string | null;
  recorded_by_name: string | null;
};

const VIEW = `
  SELECT a.*, al.name_ja AS allergen_name_ja, al.name_en AS allergen_name_en,
         cs.name AS confirmed_by_name, rs.name AS recorded_by_name
    FROM allergies a
    LEFT JOIN allergens al ON al.id = a.allergen_id
    LEFT JOIN staff cs ON cs.id = a.confirmed_by
    LEFT JOIN staff rs ON rs.id = a.recorded_by`;

const ALLERGY_BY_ID = `${VIEW} WHERE a.id = ?`;
const ALLERGIES_OF_GUEST = `${VIEW} WHERE a.guest_id = ?`;
const CURRENT_OF_GUESTS = `${VIEW}
   WHERE a.guest_id IN (SELECT value FROM json_each(?)) AND a.superseded_by IS NULL AND a.retracted_at IS NULL`;

/** The statements of this file, for the query-plan test. */
export const ALLERGY_STATEMENTS = { ALLERGY_BY_ID, ALLERGIES_OF_GUEST, CURRENT_OF_GUESTS };

export function allergyState(row: Pick<AllergyRow, 'retracted_at' | 'superseded_by'>): Allergy['state'] {
  if (row.retracted_at) return 'retracted';
  if (row.superseded_by) return 'superseded';
  return 'current';
}

/** Confirmations older than this day are due again: `asOf` less the inn's re-confirmation period. */
export function reconfirmCutoff(ctx: CoreContext, asOf: string): string {
  return addMonths(asOf, -readSettings(ctx).allergyReconfirmMonths);
}

/** One record for the contract; `cutoff` from reconfirmCutoff. */
export function toAllergy(row: AllergyViewRow, cutoff: string): Allergy {
  const state = allergyState(row);
  const severity = row.severity as Severity;
  return {
    id: row.id,
    guestId: row.guest_id,
    allergenId: row.allergen_id,
    freeAllergen: row.free_allergen,
    nameJa: row.allergen_name_ja ?? row.free_allergen,
    nameEn: row.allergen_id ? row.allergen_name_en || (row.allergen_name_ja ?? '') : row.free_allergen,
    severity,
    tracesOk: row.traces_ok === 1,
    note: row.note,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    confirmedByName: row.confirmed_by_name,
    recordedAt: row.created_at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
    supersedes: row.supersedes,
    supersededBy: row.superseded_by,
    retractedAt: row.retracted_at,
    retractedBy: row.retracted_by,
    retractReason: row.retract_reason,
    state,
    reconfirmDue: state === 'current' && severity !== 'dislike' && row.confirmed_at < cutoff,
    // Never confirmed with the guest (taken from a ledger's free text): staff confirm it or correct it.
    needsReview: state === 'current' && row.confirmed_at === '',
  };
}

/** Most severe first; among equals, the earlier record first (a stable order on every screen). */
export function bySeverity(a: Allergy, b: Allergy): number {
  return severityRank(a.severity) - severityRank(b.severity) || a.recordedAt.localeCompare(b.recordedAt);
}

/** The current allergies of these guests, most severe first, re-confirmation judged on `asOf`. */
export function currentAllergies(ctx: CoreContext, guestIds: readonly string[], asOf: string): Allergy[] {
  if (guestIds.length === 0) return [];
  const cutoff = reconfirmCutoff(ctx, asOf);
  const rows = ctx.run.prepare(CURRENT_OF_GUESTS).all(JSON.stringify(guestIds)) as AllergyViewRow[];
  return rows.map((row) => toAllergy(row, cutoff)).sort(bySeverity);
}

/** Every record of a guest: current ones by severity, then superseded and retracted ones, newest first. */
export function allergiesOfGuest(ctx: CoreContext, guestId: string, asOf: string): Allergy[] {
  const cutoff = reconfirmCutoff(ctx, asOf);
  const all = (ctx.run.prepare(ALLERGIES_OF_GUEST).all(guestId) as AllergyViewRow[]).map((row) =>
    toAllergy(row, cutoff),
  );
  const current = all.filter((a) => a.state === 'current').sort(bySeverity);
  const past = all
    .filter((a) => a.state !== 'current')
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id));
  return [...current, ...past];
}

export function findAllergyRow(ctx: CoreContext, id: string): AllergyViewRow {
  const row = ctx.run.prepare(ALLERGY_BY_ID).get(id) as AllergyViewRow | undefined;
  if (!row) throw new CallFailure('not_found', 'allergy_not_found');
  return row;
}

export function toAllergen(row: AllergenRow): Allergen {
  return {
    id: row.id,
    code: row.code,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    legalClass: row.legal_class as Allergen['legalClass'],
    sortOrder: row.sort_order,
    deletedAt: row.deleted_at,
  };
}

export function findAllergenRow(ctx: CoreContext, id: string): AllergenRow {
  const row = ctx.run.prepare('SELECT * FROM allergens WHERE id = ?').get(id) as AllergenRow | undefined;
  if (!row) throw new CallFailure('not_found', 'allergen_not_found');
  return row;
}
