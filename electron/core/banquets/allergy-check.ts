import type { BanquetDetail } from '../../../shared/contract/banquets.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import { bySeverity, currentAllergies } from '../allergies/rows.ts';
import type { CoreContext } from '../context.ts';
import { courseDishIds, findCourseRow } from '../kitchen/courses.ts';
import type { PartyAllergy, PartyHistory } from '../kitchen/party-history.ts';
import { type Catalogue, loadCatalogue, planWarnings } from '../kitchen/warnings.ts';

// The course of a banquet checked against the allergies of the organiser and of the attendees who are guests
// on record: the same warnings the menu planner gives a stay, without the served-before part (a banquet is
// not a stay, and what a party of forty ate last time is not tracked per guest).

type AllergyCheck = BanquetDetail['allergyCheck'];

const NO_DISHES: Catalogue = {
  byId: new Map(),
  position: new Map(),
  ids: [],
  dishes: [],
  byAllergen: new Map(),
  byCategory: new Map(),
  versions: new Map(),
};

const GUEST_NAMES = 'SELECT id, family_name, given_name FROM guests WHERE id IN (SELECT value FROM json_each(?))';

/** Guests by id with their names family first (a merged or withdrawn card still has its name). */
function guestNames(ctx: CoreContext, ids: readonly string[]): Map<string, string> {
  const rows = ctx.run.prepare(GUEST_NAMES).all(JSON.stringify(ids)) as Array<{
    id: string;
    family_name: string;
    given_name: string;
  }>;
  return new Map(rows.map((row) => [row.id, familyFirst(row.family_name, row.given_name)]));
}

/** The attending guests by name, in the order they were added to the deal. */
export function attendeesOf(ctx: CoreContext, ids: readonly string[]): BanquetDetail['attendees'] {
  const names = guestNames(ctx, ids);
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
}

export function checkCourseAllergies(
  ctx: CoreContext,
  banquet: { organiserId: string; attendeeIds: readonly string[]; courseId: string | null; date: string },
  asOf: string,
): AllergyCheck {
  const guestIds = [...new Set([banquet.organiserId, ...banquet.attendeeIds])];
  const names = guestNames(ctx, guestIds);
  const allergies: PartyAllergy[] = currentAllergies(ctx, guestIds, asOf)
    .map((allergy) => ({ ...allergy, guestName: names.get(allergy.guestId) ?? '' }))
    .sort(bySeverity);
  const history: PartyHistory = { stayId: '', allergies, servings: [], staysOf: new Map() };
  const dishIds = banquet.courseId ? courseDishIds(findCourseRow(ctx, banquet.courseId)) : [];
  // Without dishes only the free allergens (to check by hand) come out: the catalogue need not be read.
  const catalogue: Catalogue = dishIds.length > 0 ? loadCatalogue(ctx) : NO_DISHES;
  return { allergies, ...planWarnings(catalogue, history, { date: banquet.date, dishIds }, 0) };
}
