import { z } from 'zod';
import { foldPassportNumber, isCountryCode, isPassportNumber } from '../text/countries.ts';
import { localDate } from '../text/dates.ts';
import { foldPhoneText, isPhoneNumber } from '../text/phone.ts';
import { formatPostcode, postcodeDigits } from '../text/postcode.ts';
import { SEVERITIES } from './allergies.ts';
import {
  basedOnVersion,
  dayProblem,
  empty,
  id,
  reading,
  readingFitsName,
  requiredText,
  text,
  typedDay,
} from './common.ts';
import { call } from './define.ts';
import { DIFFERENCE_REASONS, MATCH_REASONS } from './duplicate-codes.ts';
import { guestRankSchema } from './ranks.ts';

export const PHONE_LABELS = ['mobile', 'home', 'work', 'other'] as const;
export const RELATIONSHIPS = [
  'spouse',
  'partner',
  'child',
  'parent',
  'sibling',
  'relative',
  'colleague',
  'friend',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * A companion link is recorded once, on the guest it was added from; seen from the other guest it reads
 * the other way (A's child is B, so B's parent is A).
 */
export const INVERSE_RELATIONSHIP: Record<Relationship, Relationship> = {
  spouse: 'spouse',
  partner: 'partner',
  child: 'parent',
  parent: 'child',
  sibling: 'sibling',
  relative: 'relative',
  colleague: 'colleague',
  friend: 'friend',
  other: 'other',
};

const phone = z
  .object({
    // Kept as typed for display, but with one kind of hyphen: the card and the sheets read the same either way.
    number: requiredText(30)
      .transform((value) => foldPhoneText(value).trim())
      .refine(isPhoneNumber, { error: 'phone_invalid' }),
    label: z.enum(PHONE_LABELS, { error: 'invalid_choice' }),
  })
  .strict();

// One email schema for every check: making it anew per value cost more than the rest of a guest's checks
// (measured on a 100,000-row ledger import, which checks every guest it makes against this contract).
const EMAIL = z.email();
const email = text(254).refine((value) => value === '' || EMAIL.safeParse(value).success, {
  error: 'email_invalid',
});

// Typed as desks type it (〒, full-width digits, any dash or none), stored as 100-0001; the same reading as
// addresses.byPostcode, so a postcode the form looked up is one it saves.
const postalCode = text(20)
  .refine((value) => value === '' || postcodeDigits(value) !== null, { error: 'postal_invalid' })
  .transform((value) => (value === '' ? '' : formatPostcode(postcodeDigits(value) as string)));

/**
 * Typed as any date field is (1980/4/1, １９８０-４-１, 1980年4月1日, 昭和55年4月1日, S55.4.1), or empty; a real
 * day from 1900 on, today or earlier. The contract cannot know the inn's zone (a setting), so "today or earlier"
 * is checked against the day that starts first anywhere (UTC+14): a birthday of the inn's today is never refused,
 * whatever zone checks it; the core then refuses a birthday after the inn's own today.
 */
const EARLIEST_ZONE = 'Pacific/Kiritimati';

/** That earliest today, worked out at most once a minute: formatting a day in a zone is slow, and an import checks thousands of birthdays. */
let earliestToday = { at: Number.NEGATIVE_INFINITY, day: '' };
function latestBirthday(now: number): string {
  if (now - earliestToday.at >= 60_000 || now < earliestToday.at)
    earliestToday = { at: now, day: localDate(now, EARLIEST_ZONE) };
  return earliestToday.day;
}

const birthday = typedDay('invalid_type').superRefine((value, ctx) => {
  if (value === '') return;
  const problem =
    dayProblem(value, 'birthday_invalid') ?? (value > latestBirthday(Date.now()) ? 'birthday_invalid' : null);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

/**
 * For a guest without an address in Japan, the 宿泊者名簿 also keeps the nationality (an ISO 3166-1 alpha-2 code,
 * shared/text/countries.ts) and the passport number (letters and digits as printed, folded to upper case).
 * Both empty for a guest living in Japan.
 */
const nationality = z
  .string({ error: 'invalid_type' })
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => value === '' || isCountryCode(value), { error: 'nationality_invalid' });
const passportNumber = z
  .string({ error: 'invalid_type' })
  .transform(foldPassportNumber)
  .refine((value) => value === '' || isPassportNumber(value), { error: 'passport_invalid' });

/** Every field of a guest a person can edit. Create requires the family name and its reading. */
const guestFieldShape = {
  familyName: requiredText(40),
  givenName: text(40),
  familyReading: reading(60).refine((value) => value !== '', { error: 'required' }),
  givenReading: reading(60),
  phones: z.array(phone).max(5, { error: 'too_many' }),
  email,
  postalCode,
  address: text(200),
  birthday,
  organization: text(100),
  note: text(2000),
  marketingConsent: z.boolean({ error: 'invalid_type' }),
  nationality,
  passportNumber,
};

type NamesAndReadings = { familyName?: string; givenName?: string; familyReading?: string; givenReading?: string };

/**
 * The rule across a name and its reading (readingFitsName), said on the reading. Checked on whole records here;
 * an update, which may change one of the two, is checked by the core on the record as it would become.
 */
export function readingIssues(fields: NamesAndReadings): Array<{ path: 'familyReading' | 'givenReading' }> {
  const issues: Array<{ path: 'familyReading' | 'givenReading' }> = [];
  if (!readingFitsName(fields.familyName ?? '', fields.familyReading ?? '')) issues.push({ path: 'familyReading' });
  if (!readingFitsName(fields.givenName ?? '', fields.givenReading ?? '')) issues.push({ path: 'givenReading' });
  return issues;
}

function checkReadings(fields: NamesAndReadings, context: z.core.$RefinementCtx): void {
  for (const { path } of readingIssues(fields)) {
    context.addIssue({ code: 'custom', path: [path], message: 'reading_needs_kana', input: fields });
  }
}

const guestFieldsObject = z.object(guestFieldShape).strict();
export const guestFieldsSchema = guestFieldsObject.superRefine(checkReadings);
export const guestCreateFieldsSchema = z
  .object({
    ...guestFieldShape,
    givenName: guestFieldShape.givenName.optional(),
    givenReading: guestFieldShape.givenReading.optional(),
    phones: guestFieldShape.phones.optional(),
    email: email.optional(),
    postalCode: postalCode.optional(),
    address: guestFieldShape.address.optional(),
    birthday: birthday.optional(),
    organization: guestFieldShape.organization.optional(),
    note: guestFieldShape.note.optional(),
    marketingConsent: guestFieldShape.marketingConsent.optional(),
    nationality: nationality.optional(),
    passportNumber: passportNumber.optional(),
  })
  .strict()
  .superRefine(checkReadings);
export const guestPatchSchema = guestFieldsObject.partial();
export type GuestPatch = z.output<typeof guestPatchSchema>;
export type GuestFields = z.output<typeof guestFieldsSchema>;
export type GuestFieldsInput = z.input<typeof guestFieldsSchema>;
export type GuestField = keyof GuestFields;
export const GUEST_FIELDS = Object.keys(guestFieldShape) as GuestField[];

const phoneOut = z.object({ number: z.string(), label: z.enum(PHONE_LABELS) });

export const companionSchema = z.object({
  linkId: z.string(),
  guestId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  relationship: z.enum(RELATIONSHIPS),
});

export const guestCardSchema = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  romaji: z.string(),
  phones: z.array(phoneOut),
  email: z.string(),
  postalCode: z.string(),
  address: z.string(),
  birthday: z.string(),
  organization: z.string(),
  note: z.string(),
  marketingConsent: z.boolean(),
  /** ISO 3166-1 alpha-2, for a guest without an address in Japan; '' otherwise. Personal data like the phone. */
  nationality: z.string(),
  /** For a guest without an address in Japan; '' otherwise. Personal data like the phone. */
  passportNumber: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  companions: z.array(companionSchema),
  /** The guest this one was merged into (名寄せ), while the merge stands; null otherwise. */
  mergedInto: z.object({ id: z.string(), familyName: z.string(), givenName: z.string() }).nullable(),
  /** The record's version: send it back with guests.update (see basedOnVersion). */
  version: z.number(),
  /** Erased on the guest's request (guests.erase): when, and until when the 宿泊者名簿 fields are kept. */
  erasure: z.object({ at: z.string(), holdUntil: z.string().nullable(), released: z.boolean() }).nullable(),
});
export type GuestCard = z.infer<typeof guestCardSchema>;

export const MATCH_KINDS = ['exact', 'prefix', 'substring'] as const;

export const searchHitSchema = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  romaji: z.string(),
  phone: z.string(),
  email: z.string(),
  organization: z.string(),
  match: z.enum(MATCH_KINDS),
  /** Arriving today (a booked or in-house stay from today) or staying now (in house since an earlier day). */
  today: z.enum(['arriving', 'staying']).nullable(),
  /** The most severe current allergy on record, or null. */
  allergy: z.enum(SEVERITIES).nullable(),
  /** The day the guest arrived on their latest stay that is over (the one under way is not a last visit). */
  lastVisit: z.string().nullable(),
  /** The guest's rank (顧客ランク), or null. */
  rank: guestRankSchema,
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/**
 * A guest on record who is probably the person about to be registered: shown as a search hit is (with the
 * birthday, which tells two 佐藤 花子 apart), and with what the two share, as 名寄せ words it.
 */
export const similarGuestSchema = searchHitSchema.omit({ match: true, romaji: true, email: true }).extend({
  birthday: z.string(),
  /** 0 to 100: how sure the comparison is that the two are one person. */
  score: z.number().int(),
  reasons: z.object({ same: z.array(z.enum(MATCH_REASONS)), differs: z.array(z.enum(DIFFERENCE_REASONS)) }),
});
export type SimilarGuest = z.infer<typeof similarGuestSchema>;
export type SearchCue = Pick<SearchHit, 'today' | 'allergy' | 'lastVisit' | 'rank'>;

export const guestCalls = {
  'guests.search': call({
    summary:
      'Find guests as you type: name (variant kanji fold), kana reading (any width), romaji, phone digits or last four, email. Ranked exact, prefix, substring; among equals, arriving today first, then recent first. Each hit says whether the guest arrives today or is staying, their worst allergy and their last visit.',
    writes: false,
    input: z
      .object({ q: z.string().max(100, { error: 'too_long' }), limit: z.number().int().min(1).max(100).optional() })
      .strict(),
    output: z.object({ hits: z.array(searchHitSchema) }),
  }),
  'guests.get': call({
    summary: 'The guest card: profile and companions. Deleted guests are returned with deletedAt set.',
    writes: false,
    input: z.object({ id }).strict(),
    output: guestCardSchema,
  }),
  'guests.create': call({
    summary: 'Record a new guest.',
    writes: true,
    input: z.object({ fields: guestCreateFieldsSchema }).strict(),
    output: guestCardSchema,
  }),
  'guests.similar': call({
    summary:
      'Before a new guest is recorded: the guests already on record who are probably the same person (the same whole reading or name, phone, email, birthday, postcode), best first, at most ten. Takes what guests.create would take. Without guests.contact only names and readings are compared.',
    writes: false,
    input: z.object({ fields: guestCreateFieldsSchema }).strict(),
    output: z.object({ guests: z.array(similarGuestSchema) }),
  }),
  'guests.update': call({
    summary: 'Change some fields of a guest; each changed field is one change-log entry.',
    writes: true,
    input: z.object({ id, patch: guestPatchSchema.strict(), version: basedOnVersion }).strict(),
    output: guestCardSchema,
  }),
  'guests.delete': call({
    summary: 'Delete a guest (a tombstone: the record and its history stay, and can be restored).',
    writes: true,
    input: z.object({ id }).strict(),
    output: guestCardSchema,
  }),
  'guests.restore': call({
    summary: 'Undo the deletion of a guest.',
    writes: true,
    input: z.object({ id }).strict(),
    output: guestCardSchema,
  }),
  'guests.listDeleted': call({
    summary: 'Deleted guests, most recently deleted first, to restore one.',
    writes: false,
    input: empty,
    output: z.object({
      guests: z.array(
        z.object({
          id: z.string(),
          familyName: z.string(),
          givenName: z.string(),
          familyReading: z.string(),
          givenReading: z.string(),
          deletedAt: z.string(),
        }),
      ),
    }),
  }),
  'guests.linkCompanion': call({
    summary: 'Link another guest as a companion (both cards show the link).',
    writes: true,
    input: z
      .object({ guestId: id, companionId: id, relationship: z.enum(RELATIONSHIPS, { error: 'invalid_choice' }) })
      .strict(),
    output: guestCardSchema,
  }),
  'guests.unlinkCompanion': call({
    summary: 'Remove a companion link (a tombstone, kept in the history).',
    writes: true,
    input: z.object({ guestId: id, linkId: id }).strict(),
    output: guestCardSchema,
  }),
};
