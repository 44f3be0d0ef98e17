import type { Allergy } from '../../../shared/contract/allergies.ts';
import type { Meal } from '../../../shared/contract/kitchen.ts';
import type { Stay } from '../../../shared/contract/stays.ts';
import { bySeverity, currentAllergies } from '../allergies/rows.ts';
import type { CoreContext } from '../context.ts';

// What the kitchen and the front desk must know about a party before a meal: everyone's current
// allergies, and what each of them was served on any stay. Loaded for many stays at once (a day's
// arrivals): one query per kind of data over every guest of every party, ids passed as one JSON
// parameter so each statement is prepared once and every id is an index lookup.

/** An allergy with whose it is (briefing's partyAllergySchema). */
export type PartyAllergy = Allergy & { guestName: string };

export type Serving = { stayId: string; date: string; meal: Meal; dishId: string; reaction: string | null };

/** A stay someone of the party came on (as lead or companion). */
export type GuestStay = { stayId: string; arrivalDate: string; status: string };

export type PartyHistory = {
  stayId: string;
  /** Current allergies of everyone in the party, most severe first, with whose they are. */
  allergies: PartyAllergy[];
  /** Servings (not retracted) on every stay of anyone in the party, this stay included. */
  servings: Serving[];
  /** Each party member's stays (not deleted), this stay included. */
  staysOf: Map<string, GuestStay[]>;
};

const STAYS_OF_GUESTS = `
  SELECT id AS stay_id, guest_id, arrival_date, status FROM stays
   WHERE guest_id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL
  UNION ALL
  SELECT s.id AS stay_id, p.guest_id, s.arrival_date, s.status
    FROM stay_party p JOIN stays s ON s.id = p.stay_id
   WHERE p.guest_id IN (SELECT value FROM json_each(@ids)) AND p.deleted_at IS NULL AND s.deleted_at IS NULL`;

const SERVINGS_OF_STAYS = `
  SELECT stay_id, date, meal, dish_id, reaction FROM served
   WHERE stay_id IN (SELECT value FROM json_each(?)) AND retracted_at IS NULL`;

/** The statements of this file, for the query-plan test. */
export const PARTY_HISTORY_STATEMENTS = { STAYS_OF_GUESTS, SERVINGS_OF_STAYS };

/** "姓 名", as the kitchen sheet and the arrivals list write a guest. */
export function guestName(member: { familyName: string; givenName: string }): string {
  return `${member.familyName} ${member.givenName}`.trim();
}

/** The party history of each stay; allergies are judged current (and due for re-confirmation) on `asOf`. */
export function loadPartyHistories(ctx: CoreContext, stays: readonly Stay[], asOf: string): Map<string, PartyHistory> {
  const histories = new Map<string, PartyHistory>();
  const guestIds = [...new Set(stays.flatMap((stay) => stay.party.map((member) => member.guestId)))];
  if (guestIds.length === 0) return histories;

  const allergiesOf = new Map<string, Allergy[]>();
  for (const allergy of currentAllergies(ctx, guestIds, asOf)) {
    const list = allergiesOf.get(allergy.guestId) ?? [];
    list.push(allergy);
    allergiesOf.set(allergy.guestId, list);
  }

  const staysOf = new Map<string, GuestStay[]>();
  const stayRows = ctx.run.prepare(STAYS_OF_GUESTS).all({ ids: JSON.stringify(guestIds) }) as Array<{
    stay_id: string;
    guest_id: string;
    arrival_date: string;
    status: string;
  }>;
  for (const row of stayRows) {
    const list = staysOf.get(row.guest_id) ?? [];
    if (!list.some((s) => s.stayId === row.stay_id)) {
      list.push({ stayId: row.stay_id, arrivalDate: row.arrival_date, status: row.status });
    }
    staysOf.set(row.guest_id, list);
  }

  const servingsOf = new Map<string, Serving[]>();
  const stayIds = [...new Set(stayRows.map((row) => row.stay_id))];
  const servingRows = ctx.run.prepare(SERVINGS_OF_STAYS).all(JSON.stringify(stayIds)) as Array<{
    stay_id: string;
    date: string;
    meal: Meal;
    dish_id: string;
    reaction: string | null;
  }>;
  for (const row of servingRows) {
    const list = servingsOf.get(row.stay_id) ?? [];
    list.push({ stayId: row.stay_id, date: row.date, meal: row.meal, dishId: row.dish_id, reaction: row.reaction });
    servingsOf.set(row.stay_id, list);
  }

  for (const stay of stays) {
    const allergies: PartyAllergy[] = [];
    const partyStays = new Set<string>([stay.id]);
    const memberStays = new Map<string, GuestStay[]>();
    for (const member of stay.party) {
      if (memberStays.has(member.guestId)) continue;
      const name = guestName(member);
      for (const allergy of allergiesOf.get(member.guestId) ?? []) allergies.push({ ...allergy, guestName: name });
      const own = staysOf.get(member.guestId) ?? [];
      memberStays.set(member.guestId, own);
      for (const s of own) partyStays.add(s.stayId);
    }
    histories.set(stay.id, {
      stayId: stay.id,
      allergies: allergies.sort(bySeverity),
      servings: [...partyStays].flatMap((id) => servingsOf.get(id) ?? []),
      staysOf: memberStays,
    });
  }
  return histories;
}
