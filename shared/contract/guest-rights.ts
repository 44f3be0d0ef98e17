import { z } from 'zod';
import { addYears, isCalendarDate } from '../text/dates.ts';
import { ALLERGEN_CLASSES, SEVERITIES } from './allergies.ts';
import { BANQUET_TYPES, STAGES } from './banquet-codes.ts';
import { calendarDate, id } from './common.ts';
import { call } from './define.ts';
import { companionSchema, PHONE_LABELS } from './guests.ts';
import { historyRowSchema } from './history.ts';
import { MEALS, REACTIONS } from './kitchen.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from './requests.ts';
import { STAY_STATUSES } from './stays.ts';

// The guest's rights under APPI (個人情報保護法) and the register the Inns and Hotels Act (旅館業法) requires.
// What each answers and why is in docs/guest-rights.md; the core is electron/core/guest-rights/.

const language = z.enum(['ja', 'en'], { error: 'invalid_choice' });

const period = z
  .object({ from: calendarDate(), to: calendarDate() })
  .strict()
  .refine((value) => value.to >= value.from, { error: 'range_invalid', path: ['to'] })
  // At most a year (2026-04-01 to 2027-03-31); a longer period is several registers, a year each. Zod runs
  // this even when a day above was refused (its refusal does not abort): only well-formed days are counted.
  .refine((value) => !isCalendarDate(value.from) || value.to < value.from || value.to < addYears(value.from, 1), {
    error: 'range_too_long',
    path: ['to'],
  });

/** What a register line lacks that the Act asks for: staff fill it in before the health centre asks. */
export const REGISTER_GAPS = ['address', 'phone', 'nationality', 'passportNumber'] as const;

/** One guest of one stay in the 宿泊者名簿. */
export const registerRowSchema = z.object({
  stayId: z.string(),
  guestId: z.string(),
  /** The guest the stay is booked under (代表者), or a member of their party (同行者). */
  role: z.enum(['lead', 'party']),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  postalCode: z.string(),
  address: z.string(),
  /** The first phone on record; '' when none. */
  phone: z.string(),
  arrivalDate: z.string(),
  departureDate: z.string(),
  rooms: z.array(z.string()),
  /** The party's size as booked (members not on record are counted here, not listed). */
  adults: z.number(),
  children: z.number(),
  status: z.enum(STAY_STATUSES),
  /** No address in Japan: the guest's nationality or passport number is recorded (the form's 「海外在住」). */
  abroad: z.boolean(),
  /** ISO 3166-1 alpha-2, '' unless abroad. */
  nationality: z.string(),
  passportNumber: z.string(),
  gaps: z.array(z.enum(REGISTER_GAPS)),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

export const guestRegisterSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Stays in the register (each lists its guests on record). */
  stays: z.number(),
  rows: z.array(registerRowSchema),
});
export type GuestRegister = z.infer<typeof guestRegisterSchema>;

// ------------------------------------------------------------------------------------------------ disclosure

/** The disclosure file's format name and version: a reader checks both (docs/guest-rights.md). */
export const DISCLOSURE_FORMAT = 'yadocho.disclosure';
/** Version 2: party stays and attended deals leave out the other person's note and money (null), and `erasure`. */
export const DISCLOSURE_VERSION = 2;

const staffName = z.string().nullable();

/** The register fields an erasure keeps aside for the legal hold (erasure/fields.ts), as the `guest` names them. */
export const disclosedHeldSchema = z
  .object({
    familyName: z.string(),
    givenName: z.string(),
    phones: z.array(z.object({ number: z.string(), label: z.enum(PHONE_LABELS) })),
    email: z.string(),
    postalCode: z.string(),
    address: z.string(),
    nationality: z.string(),
    passportNumber: z.string(),
  })
  .partial()
  .strict();
export type DisclosedHeld = z.infer<typeof disclosedHeldSchema>;

export const disclosureSchema = z.object({
  format: z.literal(DISCLOSURE_FORMAT),
  version: z.literal(DISCLOSURE_VERSION),
  /** When it was made (ISO, UTC) and the inn's day then. */
  madeAt: z.string(),
  innDate: z.string(),
  guest: z.object({
    id: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    familyReading: z.string(),
    givenReading: z.string(),
    phones: z.array(z.object({ number: z.string(), label: z.enum(PHONE_LABELS) })),
    email: z.string(),
    postalCode: z.string(),
    address: z.string(),
    birthday: z.string(),
    organization: z.string(),
    note: z.string(),
    marketingConsent: z.boolean(),
    nationality: z.string(),
    passportNumber: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable(),
  }),
  companions: z.array(companionSchema.omit({ linkId: true })),
  stays: z.array(
    z.object({
      id: z.string(),
      role: z.enum(['lead', 'party']),
      arrivalDate: z.string(),
      departureDate: z.string(),
      rooms: z.array(z.string()),
      adults: z.number(),
      children: z.number(),
      plan: z.string(),
      purpose: z.string().nullable(),
      channel: z.string().nullable(),
      /** null on a stay the guest was only in the party of: the booking, its price and its note are the lead's. */
      reservationNo: z.string().nullable(),
      amountYen: z.number().nullable(),
      status: z.enum(STAY_STATUSES),
      note: z.string().nullable(),
      deletedAt: z.string().nullable(),
    }),
  ),
  /** Every allergy record, current, corrected (superseded) and retracted: the history of what was said. */
  allergies: z.array(
    z.object({
      id: z.string(),
      allergenJa: z.string(),
      allergenEn: z.string(),
      legalClass: z.enum(ALLERGEN_CLASSES).nullable(),
      severity: z.enum(SEVERITIES),
      tracesOk: z.boolean(),
      note: z.string(),
      state: z.enum(['current', 'superseded', 'retracted']),
      recordedAt: z.string(),
      recordedBy: staffName,
      confirmedAt: z.string(),
      confirmedBy: staffName,
      supersedes: z.string().nullable(),
      retractedAt: z.string().nullable(),
      retractedBy: staffName,
      retractReason: z.string(),
    }),
  ),
  requests: z.array(
    z.object({
      id: z.string(),
      stayId: z.string().nullable(),
      standing: z.boolean(),
      category: z.enum(REQUEST_CATEGORIES),
      text: z.string(),
      status: z.enum(REQUEST_STATUSES),
      takenAt: z.string(),
      takenBy: staffName,
      handledAt: z.string().nullable(),
      handledBy: staffName,
    }),
  ),
  /** Dishes served on the guest's stays (as lead or in the party). */
  served: z.array(
    z.object({
      stayId: z.string(),
      date: z.string(),
      meal: z.enum(MEALS),
      dish: z.string(),
      course: z.string().nullable(),
      reaction: z.enum(REACTIONS).nullable(),
      /** null on a stay the guest was only in the party of: staff's note there is about the lead. */
      note: z.string().nullable(),
      retracted: z.boolean(),
    }),
  ),
  /** Banquets the guest organised or attended. */
  banquets: z.array(
    z.object({
      id: z.string(),
      role: z.enum(['organiser', 'attendee']),
      groupName: z.string(),
      type: z.enum(BANQUET_TYPES),
      date: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      headcount: z.number(),
      stage: z.enum(STAGES),
      /** null on a deal the guest only attended: the estimate and the note are the organiser's business. */
      estimateYen: z.number().nullable(),
      note: z.string().nullable(),
      deletedAt: z.string().nullable(),
    }),
  ),
  /**
   * The guest's erasure on request (docs/erasure.md), or null: when, and what is still held for the 宿泊者名簿 until
   * `holdUntil` (the register fields, by their `guest` names). `held` is empty when nothing is held (any more).
   */
  erasure: z
    .object({
      erasedAt: z.string(),
      holdUntil: z.string().nullable(),
      releasedAt: z.string().nullable(),
      held: disclosedHeldSchema,
    })
    .nullable(),
  /** The history of changes, as the card's History tab reads it (guests.history), newest first, all of it. */
  history: z.array(historyRowSchema),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

// ------------------------------------------------------------------------------------------------- retention

export const retentionRowSchema = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  /** The arrival day of the guest's latest stay (as lead or in the party), or null when they never stayed. */
  lastStay: z.string().nullable(),
  stays: z.number(),
  /** The inn's day of the guest's latest activity of any kind (a stay, a record, a banquet, an edit). */
  lastActivity: z.string(),
});
export type RetentionRow = z.infer<typeof retentionRowSchema>;

export const RETENTION_PAGE_SIZE = 500;

// ----------------------------------------------------------------------------------------------------- calls

const madeFile = z.object({ file: z.string(), name: z.string(), size: z.number().int() });

export const guestRightsCalls = {
  'registers.guestRegister': call({
    summary:
      '宿泊者名簿 for a period of inn days (at most a year): every guest on record of every stay arriving in it, lead first, with name, address, phone, arrival and departure, and for a guest without an address in Japan the nationality and passport number; what the Act asks for and is missing is named in `gaps`. Cancelled and no-show stays are not in it.',
    writes: false,
    input: period,
    output: guestRegisterSchema,
  }),
  'registers.guestRegisterFile': call({
    summary:
      'The 宿泊者名簿 of registers.guestRegister as a file to download (files.download): an A4 landscape PDF in Japanese (or English), or a CSV Excel opens as it is (UTF-8 with BOM).',
    writes: false,
    input: z
      .object({ from: calendarDate(), to: calendarDate(), format: z.enum(['pdf', 'csv']), language })
      .strict()
      .superRefine((value, ctx) => {
        const checked = period.safeParse({ from: value.from, to: value.to });
        if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
      }),
    output: madeFile.extend({ rows: z.number().int() }),
  }),
  'guests.disclose': call({
    summary:
      'Disclosure of everything held about one guest (APPI): profile, companions, stays, allergies with their history, requests, served dishes, banquets and the history of changes, as JSON (format yadocho.disclosure, version 1, docs/guest-rights.md) or a Japanese PDF, made as a file to download (files.download). For owners and managers.',
    writes: false,
    input: z.object({ id, format: z.enum(['json', 'pdf']), language }).strict(),
    output: madeFile,
  }),
  'guests.retentionReview': call({
    summary:
      'Guests with no stay and no other activity for the retention period (the setting retentionYears), for the inn to review (and erase): the longest quiet first, with their last stay and count of stays. Merged and deleted guests are not listed.',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(RETENTION_PAGE_SIZE).optional() }).strict(),
    output: z.object({
      years: z.number(),
      /** Guests whose last activity is before this inn day are listed. */
      before: z.string(),
      total: z.number(),
      guests: z.array(retentionRowSchema),
    }),
  }),
};
