import type { Allergy } from '../../../shared/contract/allergies.ts';
import type { Stay } from '../../../shared/contract/stays.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import { bySeverity, currentAllergies } from '../allergies/rows.ts';
import type { CoreContext } from '../context.ts';
import type { GuestStayRow, ServingRow } from './history-cache.ts';

// What the kitchen and the front desk must know about a party before a meal: everyone's current
// allergies, and what each of them was served on any stay. Loaded for many stays at once (a day's
// arrivals): one query per kind of data over every guest of every party, ids passed as one JSON
// parameter so each statement is prepared once and every id is an index lookup.

/** An allergy with whose it is (the contract's partyAllergySchema). */
export type PartyAllergy = Allergy & { guestName: string };

/** One serving of a party's history (as kept by history-cache.ts). */
export type Serving = ServingRow;

/** A stay someone of the party came on (as lead or companion). */
export type GuestStay = GuestStayRow;

export type PartyHistory = {
  stayId: string;
  /** Current allergies of everyone in the party, most severe first, with whose they are. */
  allergies: PartyAllergy[];
  /**
   * Servings (not retracted) that can count against a dish: every serving on the party's stays that ended on
   * or after `recentFrom` (this stay included), and the ones left or disliked on older stays.
   */
  servings: Serving[];
  /** Each party member's stays (not deleted), this stay included. */
  staysOf: Map<string, readonly GuestStay[]>;
  /** What the warnings worked out from this history, per date (warnings.ts): it lives and dies with the history. */
  worked?: Map<string, unknown>;
};

/** "姓 名", as the kitchen sheet and the arrivals list write a guest. */
export function guestName(member: { familyName: string; givenName: string }): string {
  return familyFirst(member.familyName, member.givenName);
}

/**
 * The party history of each stay; allergies are judged current (and due for re-confirmation) on `asOf`.
 * Every serving is read for stays that ended on or after `recentFrom` (the start of the repeat window);
 * older stays only give what was left or disliked, which is all the warnings use them for.
 */
export function loadPartyHistories(
  ctx: CoreContext,
  stays: readonly Stay[],
  asOf: string,
  recentFrom: string,
): Map<string, PartyHistory> {
  const histories = new Map<string, PartyHistory>();
  // Ids in key order: the index seeks then walk the B-tree forwards instead of jumping about (UUIDv7 ids are
  // time-ordered, so a regular's stays sit near each other).
  const guestIds = [...new Set(stays.flatMap((stay) => stay.party.map((member) => member.guestId)))].sort();
  if (guestIds.length === 0) return histories;

  const allergiesOf = new Map<string, Allergy[]>();
  for (const allergy of currentAllergies(ctx, guestIds, asOf)) {
    const list = allergiesOf.get(allergy.guestId) ?? [];
    list.push(allergy);
    allergiesOf.set(allergy.guestId, list);
  }

  // Each guest's stays and each stay's servings come from what the core keeps between calls (history-cache.ts):
  // only what a write touched since is read again.
  const staysOf = ctx.histories.staysByGuest(guestIds);
  const recent = new Set(stays.map((stay) => stay.id));
  const older = new Set<string>();
  for (const own of staysOf.values()) {
    for (const row of own) (row.departureDate >= recentFrom ? recent : older).add(row.stayId);
  }
  for (const id of recent) older.delete(id);
  const servingsOf = ctx.histories.servingsByStay([...recent], [...older]);

  for (const stay of stays) {
    const allergies: PartyAllergy[] = [];
    const memberStays = new Map<string, readonly GuestStay[]>();
    for (const member of stay.party) {
      if (memberStays.has(member.guestId)) continue;
      const name = guestName(member);
      for (const allergy of allergiesOf.get(member.guestId) ?? []) allergies.push({ ...allergy, guestName: name });
      memberStays.set(member.guestId, staysOf.get(member.guestId) ?? []);
    }
    histories.set(stay.id, {
      stayId: stay.id,
      allergies: allergies.sort(bySeverity),
      servings: concatenated(partyStayIds(stay.id, memberStays), servingsOf),
      staysOf: memberStays,
    });
  }
  return histories;
}

/** The stays anyone of the party came on, this one included, each once. */
function partyStayIds(stayId: string, memberStays: Map<string, readonly GuestStay[]>): readonly string[] {
  // Most parties are one guest, whose kept stays are listed once each (history-cache.ts): no Set to build.
  // This stay first, then the others in the order kept, as the Set below gives them (the warnings' lists keep
  // that order among servings of one day).
  if (memberStays.size === 1) {
    const ids: string[] = [stayId];
    for (const own of memberStays.values()) for (const row of own) if (row.stayId !== stayId) ids.push(row.stayId);
    return ids;
  }
  const ids = new Set<string>([stayId]);
  for (const own of memberStays.values()) for (const row of own) ids.add(row.stayId);
  return [...ids];
}

/**
 * The servings of these stays in one array, sized once: a regular's party has hundreds of servings over dozens
 * of stays, and an array grown one push at a time (or built by flatMap) was copied again and again as it grew.
 */
function concatenated(stayIds: readonly string[], servingsOf: Map<string, readonly Serving[]>): Serving[] {
  let length = 0;
  for (const id of stayIds) length += servingsOf.get(id)?.length ?? 0;
  const servings = new Array<Serving>(length);
  let at = 0;
  for (const id of stayIds) {
    const rows = servingsOf.get(id);
    if (rows) for (let i = 0; i < rows.length; i++) servings[at++] = rows[i] as Serving;
  }
  return servings;
}
