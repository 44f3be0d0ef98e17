import { z } from 'zod';
import { id } from './common.ts';
import { call } from './define.ts';
import { GUEST_FIELDS, type GuestField, PHONE_LABELS, RELATIONSHIPS } from './guests.ts';
import { REQUEST_CATEGORIES } from './requests.ts';

// The guest card's History tab as a person reads it: one row per thing that happened, newest first, each
// with everything needed to show it (other guests and staff named, allergens in both languages, the stay it
// concerns). Values are in the contract's own terms: the fields of the card and the service calls, booleans,
// lists and enum codes the screen translates; never a column name or a stored 0/1.

/** Rows per page when the caller does not say: a screenful, and a regular of twenty years has thousands. */
export const HISTORY_PAGE_SIZE = 200;
export const HISTORY_MAX_PAGE_SIZE = 1000;

/**
 * Where a page ends: `<hlc>.<node>.<n>`, the n-th row of the write stamped hlc on that PC. Rows keep their
 * place when later writes arrive, so the next page continues where this one stopped.
 */
export const historyCursor = z.string().regex(/^\d{1,17}\.[0-9a-f-]{36}\.\d{1,6}$/, { error: 'invalid_format' });

/** Another guest a row names (a companion, a member of a party). Names are empty if this PC does not hold them. */
export const historyGuestSchema = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
});
export type HistoryGuest = z.infer<typeof historyGuestSchema>;

/** An allergen as the allergy records name it: the catalogue's names, or the free text (アルコール) in both. */
const allergenNames = z.object({ nameJa: z.string(), nameEn: z.string() });

/** The stay a row is about, as it was after that change: its dates and rooms. */
const staySubject = z.object({
  id: z.string(),
  arrivalDate: z.string(),
  departureDate: z.string(),
  rooms: z.array(z.string()),
});
const allergySubject = allergenNames.extend({ id: z.string() });
const requestSubject = z.object({ id: z.string(), category: z.enum(REQUEST_CATEGORIES), text: z.string() });

const phone = z.object({ number: z.string(), label: z.enum(PHONE_LABELS) });

/** A guest field as the card shows it: text, the consent flag, or the phone list. */
const guestValue = z.union([z.string(), z.boolean(), z.array(phone)]);

/** The stay fields the history shows, by their names in stays.*; staffName is the person in charge. */
export const STAY_HISTORY_FIELDS = [
  'arrivalDate',
  'departureDate',
  'rooms',
  'adults',
  'children',
  'plan',
  'purpose',
  'channel',
  'reservationNo',
  'amountYen',
  'staffName',
  'status',
  'note',
  'deletedAt',
] as const;
/** Days as YYYY-MM-DD, deletedAt as an ISO time, codes (purpose, channel, status) as codes, rooms as a list. */
const stayValue = z.union([z.string(), z.number(), z.array(z.string())]);

/** The allergy fields the history shows; `allergen` is the allergen's names, `confirmedByName` a staff name. */
export const ALLERGY_HISTORY_FIELDS = [
  'allergen',
  'severity',
  'tracesOk',
  'note',
  'confirmedAt',
  'confirmedByName',
] as const;
const allergyValue = z.union([z.string(), z.boolean(), allergenNames]);
const allergyFieldChange = z.object({
  field: z.enum(ALLERGY_HISTORY_FIELDS),
  from: allergyValue.nullable(),
  to: allergyValue.nullable(),
});

export const REQUEST_HISTORY_FIELDS = ['category', 'text', 'standing', 'status'] as const;
const requestValue = z.union([z.string(), z.boolean()]);

// `from` is null when the field had no value before (set when the record was made, or blank): the screen
// then shows only the new value.
export const historyChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('guestField'),
    field: z.enum(GUEST_FIELDS as [GuestField, ...GuestField[]]),
    from: guestValue.nullable(),
    to: guestValue,
  }),
  z.object({ kind: z.literal('guestDeleted') }),
  z.object({ kind: z.literal('guestRestored') }),
  /** `relationship` is as seen from this guest (a link added on the other card reads the other way). */
  z.object({ kind: z.literal('companionLinked'), guest: historyGuestSchema, relationship: z.enum(RELATIONSHIPS) }),
  z.object({ kind: z.literal('companionUnlinked'), guest: historyGuestSchema }),
  z.object({
    kind: z.literal('companionRelationship'),
    guest: historyGuestSchema,
    relationship: z.enum(RELATIONSHIPS),
  }),
  z.object({
    kind: z.literal('stay'),
    stay: staySubject,
    field: z.enum(STAY_HISTORY_FIELDS),
    from: stayValue.nullable(),
    to: stayValue.nullable(),
  }),
  z.object({ kind: z.literal('partyAdded'), stay: staySubject, guest: historyGuestSchema }),
  z.object({ kind: z.literal('partyRemoved'), stay: staySubject, guest: historyGuestSchema }),
  z.object({ kind: z.literal('allergy'), allergy: allergySubject, ...allergyFieldChange.shape }),
  /** A new record replaced this one: what it says differently (empty when it only re-stated it). */
  z.object({ kind: z.literal('allergyCorrected'), allergy: allergySubject, changes: z.array(allergyFieldChange) }),
  z.object({ kind: z.literal('allergyRetracted'), allergy: allergySubject, reason: z.string() }),
  z.object({ kind: z.literal('allergyRestored'), allergy: allergySubject }),
  z.object({
    kind: z.literal('request'),
    request: requestSubject,
    field: z.enum(REQUEST_HISTORY_FIELDS),
    from: requestValue.nullable(),
    to: requestValue.nullable(),
  }),
]);
export type HistoryChange = z.infer<typeof historyChangeSchema>;
export type HistoryChangeKind = HistoryChange['kind'];
export type AllergyFieldChange = z.infer<typeof allergyFieldChange>;

export const historyRowSchema = z.object({
  /** Unique, and the cursor to pass as `before` to read what came before this row. */
  key: z.string(),
  /** When, from the write's hybrid logical clock stamp (ISO). */
  at: z.string(),
  /** Who was working at the PC that wrote it; null for the system (sample data, migrations). */
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  /** The PC it was written on. */
  nodeId: z.string(),
  change: historyChangeSchema,
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const historyCalls = {
  'guests.history': call({
    summary:
      'What happened to a guest, newest first, ready to read: their fields, companions, stays led (and the party), allergies (corrections as old → new, retractions with the reason) and requests, with who, when and on which PC. Paged: `limit` rows (200 by default) before the `before` cursor; `next` continues.',
    writes: false,
    input: z
      .object({
        id,
        limit: z.number().int().min(1).max(HISTORY_MAX_PAGE_SIZE).optional(),
        before: historyCursor.optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(historyRowSchema), next: z.string().nullable() }),
  }),
};
