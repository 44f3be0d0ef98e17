import { packId, sqlIdText, unpackRow } from '../../../db/stored-form.ts';
import type { ALLERGEN_CLASSES, Severity } from '../../../shared/contract/allergies.ts';
import type { BanquetType, Stage } from '../../../shared/contract/banquet-codes.ts';
import {
  DISCLOSURE_FORMAT,
  DISCLOSURE_VERSION,
  type DisclosedHeld,
  type Disclosure,
  disclosedHeldSchema,
} from '../../../shared/contract/guest-rights.ts';
import { HISTORY_MAX_PAGE_SIZE, type HistoryRow } from '../../../shared/contract/history.ts';
import type { Meal, REACTIONS } from '../../../shared/contract/kitchen.ts';
import type { REQUEST_STATUSES, RequestCategory } from '../../../shared/contract/requests.ts';
import type { StayStatus } from '../../../shared/contract/stays.ts';
import type { CoreContext } from '../context.ts';
import { type HeldRegisterFields, heldRegisterFields } from '../erasure/held.ts';
import { loadGuestCard } from '../guests/card.ts';
import { guestHistory } from '../guests/history.ts';

// Everything held about one guest, for a disclosure request under APPI (個人情報保護法 第33条): read from the
// same tables the screens show, nothing summarised away. Its shape (shared/contract/guest-rights.ts,
// disclosureSchema) is versioned and described in docs/guest-rights.md; the core checks the result against it.
//
// Only what is about this guest: on a stay they were only in the party of, and a deal they only attended, the
// booking's number, its price and the notes staff wrote belong to the lead or the organiser (and may name them or
// their family), so those are null. The dates, rooms, party size and what was served stay: the guest was there.

type Row = Record<string, unknown>;

/** SQLite's order for text (BINARY): by UTF-8 bytes, which for these values is by code unit. */
const byText = (a: unknown, b: unknown) => {
  const [x, y] = [String(a ?? ''), String(b ?? '')];
  return x < y ? -1 : x > y ? 1 : 0;
};
type AllergenClass = (typeof ALLERGEN_CLASSES)[number];
type Reaction = (typeof REACTIONS)[number];
type RequestStatus = (typeof REQUEST_STATUSES)[number];

export function buildDisclosure(ctx: CoreContext, guestId: string): Disclosure {
  const card = loadGuestCard(ctx, guestId);
  const staff = staffNames(ctx);
  const who = (id: unknown) => (typeof id === 'string' ? (staff.get(id) ?? null) : null);
  const all = (query: string, ...params: unknown[]) => ctx.db.prepare(query).all(...params) as Row[];

  const stays = all(
    `SELECT s.*, CASE WHEN s.guest_id = ? THEN 'lead' ELSE 'party' END AS role
       FROM stays s
      WHERE s.guest_id = ?
         OR s.id IN (SELECT stay_id FROM stay_party WHERE guest_id = ? AND deleted_at IS NULL)
      ORDER BY s.arrival_date, s.id`,
    guestId,
    guestId,
    guestId,
  );
  const stayIds = stays.map((stay) => String(stay.id));
  const partyStays = new Set(stays.filter((stay) => stay.role === 'party').map((stay) => String(stay.id)));
  const lead = (stay: Row) => stay.role === 'lead';

  const allergies = all(
    `SELECT a.*, g.name_ja, g.name_en, g.legal_class
       FROM allergies a LEFT JOIN allergens g ON g.id = a.allergen_id
      WHERE a.guest_id = ? ORDER BY a.created_at, a.id`,
    guestId,
  );
  const requests = all('SELECT * FROM requests WHERE guest_id = ? ORDER BY created_at, id', guestId);
  const served = stayIds.length
    ? all(
        `SELECT v.*, d.name AS dish_name, c.name AS course_name
           FROM served v JOIN dishes d ON d.id = ${sqlIdText('v.dish_id')}
                LEFT JOIN courses c ON c.id = ${sqlIdText('v.course_id')}
          WHERE v.stay_id IN (${stayIds.map(() => '?').join(', ')})
          ORDER BY v.date, v.created_at`,
        ...stayIds.map(packId),
      )
        .map((row) => unpackRow('served', row))
        // By day, then meal as named (the table keeps the meal's code, whose order is not the name's).
        .sort((a, b) => byText(a.date, b.date) || byText(a.meal, b.meal) || byText(a.created_at, b.created_at))
    : [];
  // Attendees are a JSON list on the banquet: a disclosure is rare, so reading every banquet's list is fine.
  const banquets = all(
    `SELECT b.*, CASE WHEN b.organiser_id = ? THEN 'organiser' ELSE 'attendee' END AS role
       FROM banquets b
      WHERE b.organiser_id = ? OR EXISTS (SELECT 1 FROM json_each(b.attendee_ids) WHERE value = ?)
      ORDER BY b.date, b.id`,
    guestId,
    guestId,
    guestId,
  );

  return {
    format: DISCLOSURE_FORMAT,
    version: DISCLOSURE_VERSION,
    madeAt: new Date(ctx.clock()).toISOString(),
    innDate: ctx.today(),
    guest: {
      id: card.id,
      familyName: card.familyName,
      givenName: card.givenName,
      familyReading: card.familyReading,
      givenReading: card.givenReading,
      phones: card.phones,
      email: card.email,
      postalCode: card.postalCode,
      address: card.address,
      birthday: card.birthday,
      organization: card.organization,
      note: card.note,
      marketingConsent: card.marketingConsent,
      nationality: card.nationality,
      passportNumber: card.passportNumber,
      createdAt: card.createdAt,
      updatedAt: card.updatedAt,
      deletedAt: card.deletedAt,
    },
    companions: card.companions.map(({ linkId: _link, ...companion }) => companion),
    stays: stays.map((stay) => ({
      id: String(stay.id),
      role: stay.role as 'lead' | 'party',
      arrivalDate: String(stay.arrival_date),
      departureDate: String(stay.departure_date),
      rooms: JSON.parse(String(stay.rooms)) as string[],
      adults: Number(stay.adults),
      children: Number(stay.children),
      plan: String(stay.plan),
      purpose: (stay.purpose as string | null) ?? null,
      channel: (stay.channel as string | null) ?? null,
      reservationNo: lead(stay) ? String(stay.reservation_no) : null,
      amountYen: lead(stay) ? Number(stay.amount_yen) : null,
      status: stay.status as StayStatus,
      note: lead(stay) ? String(stay.note) : null,
      deletedAt: (stay.deleted_at as string | null) ?? null,
    })),
    allergies: allergies.map((allergy) => ({
      id: String(allergy.id),
      allergenJa: String(allergy.name_ja ?? allergy.free_allergen),
      allergenEn: String(allergy.name_en ?? allergy.free_allergen),
      legalClass: (allergy.legal_class as AllergenClass | null) ?? null,
      severity: allergy.severity as Severity,
      tracesOk: allergy.traces_ok === 1,
      note: String(allergy.note),
      state: allergy.retracted_at ? 'retracted' : allergy.superseded_by ? 'superseded' : 'current',
      recordedAt: String(allergy.created_at),
      recordedBy: who(allergy.recorded_by),
      confirmedAt: String(allergy.confirmed_at),
      confirmedBy: who(allergy.confirmed_by),
      supersedes: (allergy.supersedes as string | null) ?? null,
      retractedAt: (allergy.retracted_at as string | null) ?? null,
      retractedBy: who(allergy.retracted_by),
      retractReason: String(allergy.retract_reason),
    })),
    requests: requests.map((request) => ({
      id: String(request.id),
      stayId: (request.stay_id as string | null) ?? null,
      standing: request.standing === 1,
      category: request.category as RequestCategory,
      text: String(request.text),
      status: request.status as RequestStatus,
      takenAt: String(request.created_at),
      takenBy: who(request.taken_by),
      handledAt: (request.handled_at as string | null) ?? null,
      handledBy: who(request.handled_by),
    })),
    served: served.map((serving) => ({
      stayId: String(serving.stay_id),
      date: String(serving.date),
      meal: serving.meal as Meal,
      dish: String(serving.dish_name),
      course: (serving.course_name as string | null) ?? null,
      reaction: (serving.reaction as Reaction | null) ?? null,
      note: partyStays.has(String(serving.stay_id)) ? null : String(serving.note),
      retracted: serving.retracted_at !== null,
    })),
    banquets: banquets.map((banquet) => ({
      id: String(banquet.id),
      role: banquet.role as 'organiser' | 'attendee',
      groupName: String(banquet.group_name),
      type: banquet.type as BanquetType,
      date: String(banquet.date),
      startTime: String(banquet.start_time),
      endTime: String(banquet.end_time),
      headcount: Number(banquet.headcount),
      stage: banquet.stage as Stage,
      estimateYen: banquet.role === 'organiser' ? Number(banquet.estimate_yen) : null,
      note: banquet.role === 'organiser' ? String(banquet.note) : null,
      deletedAt: (banquet.deleted_at as string | null) ?? null,
    })),
    history: wholeHistory(ctx, guestId),
    erasure: erasureOf(ctx, guestId),
  };
}

/** The guest's erasure, and what the legal hold still keeps of them for the 宿泊者名簿 (erasure/held.ts). */
function erasureOf(ctx: CoreContext, guestId: string): Disclosure['erasure'] {
  const erasure = ctx.db
    .prepare('SELECT created_at, hold_until, released_at FROM erasures WHERE guest_id = ?')
    .get(guestId) as { created_at: string; hold_until: string | null; released_at: string | null } | undefined;
  if (!erasure) return null;
  return {
    erasedAt: erasure.created_at,
    holdUntil: erasure.hold_until,
    releasedAt: erasure.released_at,
    held: disclosedHeld(heldRegisterFields(ctx.db, guestId)),
  };
}

/** Held columns (guests column name → stored value) under the names the disclosure's `guest` uses. */
function disclosedHeld(held: HeldRegisterFields | null): DisclosedHeld {
  if (!held) return {};
  // A field a later version holds that this one does not name is left out rather than refused.
  const known = new Set(Object.keys(disclosedHeldSchema.shape));
  const named = Object.entries(held)
    .map(([column, value]) => [column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()), column, value])
    .filter(([key]) => known.has(key as string))
    .map(([key, column, value]) => [key, column === 'phones' && typeof value === 'string' ? JSON.parse(value) : value]);
  return disclosedHeldSchema.parse(Object.fromEntries(named));
}

function staffNames(ctx: CoreContext): Map<string, string> {
  const rows = ctx.db.prepare('SELECT id, name FROM staff').all() as Array<{ id: string; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every page of the guest's history, newest first. */
function wholeHistory(ctx: CoreContext, guestId: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let before: string | undefined;
  for (;;) {
    const page = guestHistory(ctx, guestId, { limit: HISTORY_MAX_PAGE_SIZE, ...(before ? { before } : {}) });
    rows.push(...page.rows);
    if (!page.next) return rows;
    before = page.next;
  }
}
