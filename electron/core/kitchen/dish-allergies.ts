import type { Allergy, Severity } from '../../../shared/contract/allergies.ts';
import { severityRank } from '../../../shared/contract/allergies.ts';
import { currentAllergies } from '../allergies/rows.ts';
import type { CoreContext } from '../context.ts';
import { partyGuestIds } from '../stays/rows.ts';
import { loadCatalogue } from './warnings.ts';

// A dish listed for someone (served last time, in their dish history) carries its allergen flag wherever it
// is shown, not only on a planned menu: 海老真丈の椀 served last spring is an えび dish for a guest with an えび
// allergy, and the card says so in the allergy's colour. The dishes' allergens come from the catalogue kept between
// calls (catalogue-cache.ts; withdrawn dishes included), not from a read of their own.

/** For each of `dishIds` that carries an allergen of `allergies`, the most severe of those allergies. */
export function dishAllergySeverities(
  ctx: CoreContext,
  allergies: readonly Allergy[],
  dishIds: Iterable<string>,
): Map<string, Severity> {
  const found = new Map<string, Severity>();
  const ids = [...new Set(dishIds)];
  const worst = new Map<string, Severity>();
  for (const allergy of allergies) {
    if (!allergy.allergenId) continue;
    const known = worst.get(allergy.allergenId);
    if (!known || severityRank(allergy.severity) < severityRank(known)) worst.set(allergy.allergenId, allergy.severity);
  }
  if (ids.length === 0 || worst.size === 0) return found;
  const { byId } = loadCatalogue(ctx);
  for (const id of ids) {
    for (const allergenId of byId.get(id)?.allergenIds ?? []) {
      const severity = worst.get(allergenId);
      const known = found.get(id);
      if (severity && (!known || severityRank(severity) < severityRank(known))) found.set(id, severity);
    }
  }
  return found;
}

/** The current allergies of everyone in a stay's party, as of today. */
export function partyAllergies(ctx: CoreContext, stayId: string): Allergy[] {
  const guests = partyGuestIds(ctx, [stayId]).get(stayId) ?? [];
  return currentAllergies(ctx, guests, ctx.today());
}
