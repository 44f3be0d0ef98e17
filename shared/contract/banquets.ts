import { z } from 'zod';
import { daysBetween, monthsApart } from '../text/dates.ts';
import { foldWidth } from '../text/width.ts';
import { partyAllergySchema, SEVERITIES } from './allergies.ts';
import { BANQUET_TYPES, CALENDAR_MAX_DAYS, LAYOUTS, LOST_REASONS, REPORT_MAX_MONTHS, STAGES } from './banquet-codes.ts';
import { banquetReportSchema } from './banquet-reports.ts';
import { basedOnVersion, calendarDate, count, id, idList, recordVersion, text, yen } from './common.ts';
import { call } from './define.ts';
import { followUpSchema } from './follow-ups.ts';
import { hallSchema } from './halls.ts';
import { dishWarningSchema } from './kitchen.ts';

// Banquet deals (宴会営業) from inquiry to held or lost, the hall calendar and the reports' call. A lost deal
// keeps why and to whom; nothing is thrown away. The codes, halls, follow-up calls and report shape live in
// their own files and are re-exported here, so `banquets.ts` is the one import for the banquet screens.

export * from './banquet-codes.ts';
export * from './banquet-reports.ts';
export * from './follow-ups.ts';
export * from './halls.ts';

/** A time of day typed as 18:00, １８：００ or 9:30; stored as 'HH:MM' so times compare as text. */
const time = z
  .string({ error: 'time_invalid' })
  .transform((value) =>
    foldWidth(value)
      .trim()
      .replace('：', ':')
      .replace(/^(\d):/, '0$1:'),
  )
  .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { error: 'time_invalid' });

// -------------------------------------------------------------------------------------------------- banquets

export const stageEventSchema = z.object({
  id: z.string(),
  stage: z.enum(STAGES),
  at: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  /** What came with the change: the hold's expiry, the lost reason and competitor, the cancel reason. */
  holdExpiresOn: z.string().nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  competitor: z.string(),
  note: z.string(),
});
export type StageEvent = z.infer<typeof stageEventSchema>;

export const banquetSchema = z.object({
  id: z.string(),
  organiserId: z.string(),
  organiserName: z.string(),
  organiserReading: z.string(),
  organiserPhone: z.string(),
  groupName: z.string(),
  type: z.enum(BANQUET_TYPES),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  hallIds: z.array(z.string()),
  hallNames: z.array(z.string()),
  layout: z.enum(LAYOUTS),
  headcount: z.number(),
  courseId: z.string().nullable(),
  courseName: z.string(),
  pricePerHeadYen: z.number(),
  drinksPlan: z.string(),
  /** The deal's value: what the estimate says the party will pay. */
  estimateYen: z.number(),
  depositYen: z.number(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  note: z.string(),
  /** Guests attending (beyond the organiser) whose allergies are checked against the course. */
  attendeeIds: z.array(z.string()),
  /** For a memorial service (法要): whom it is for and the date of death the anniversaries count from. */
  deceasedName: z.string(),
  dateOfDeath: z.string().nullable(),
  stage: z.enum(STAGES),
  stageAt: z.string(),
  holdExpiresOn: z.string().nullable(),
  lostReason: z.enum(LOST_REASONS).nullable(),
  competitor: z.string(),
  /** The note given when lost or cancelled (the cancel reason). */
  closingNote: z.string(),
  createdAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Banquet = z.infer<typeof banquetSchema>;

const banquetFieldShape = {
  organiserId: id,
  groupName: text(100),
  type: z.enum(BANQUET_TYPES, { error: 'invalid_choice' }),
  date: calendarDate(),
  startTime: time,
  endTime: time,
  hallIds: idList(10),
  layout: z.enum(LAYOUTS, { error: 'invalid_choice' }),
  headcount: count(2000).refine((n) => n > 0, { error: 'headcount_required' }),
  courseId: id.nullable(),
  pricePerHeadYen: yen,
  drinksPlan: text(100),
  estimateYen: yen,
  depositYen: yen,
  staffId: id.nullable(),
  note: text(2000),
  attendeeIds: idList(200),
  deceasedName: text(60),
  dateOfDeath: calendarDate().nullable(),
};

function endAfterStart(value: { startTime?: string; endTime?: string }) {
  return !value.startTime || !value.endTime || value.endTime > value.startTime;
}
const endIssue = { error: 'end_before_start', path: ['endTime'] };

export const banquetCreateSchema = z
  .object({
    ...banquetFieldShape,
    groupName: banquetFieldShape.groupName.optional(),
    hallIds: banquetFieldShape.hallIds.optional(),
    layout: banquetFieldShape.layout.optional(),
    courseId: banquetFieldShape.courseId.optional(),
    pricePerHeadYen: banquetFieldShape.pricePerHeadYen.optional(),
    drinksPlan: banquetFieldShape.drinksPlan.optional(),
    estimateYen: banquetFieldShape.estimateYen.optional(),
    depositYen: banquetFieldShape.depositYen.optional(),
    staffId: banquetFieldShape.staffId.optional(),
    note: banquetFieldShape.note.optional(),
    attendeeIds: banquetFieldShape.attendeeIds.optional(),
    deceasedName: banquetFieldShape.deceasedName.optional(),
    dateOfDeath: banquetFieldShape.dateOfDeath.optional(),
  })
  .strict()
  .refine(endAfterStart, endIssue);

export const banquetUpdateSchema = z.object(banquetFieldShape).partial().strict().refine(endAfterStart, endIssue);

/** A stage change and what must come with it. */
export const stageChangeSchema = z
  .object({
    id,
    stage: z.enum(STAGES, { error: 'invalid_choice' }),
    /** Required for a provisional hold: the day the hold lapses. */
    holdExpiresOn: calendarDate().optional(),
    /** Required when lost (reason, competitor, note) and when cancelled (note: the reason). */
    lostReason: z.enum(LOST_REASONS, { error: 'invalid_choice' }).optional(),
    competitor: text(100).optional(),
    note: text(1000).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const need = (path: string, ok: boolean, code = 'required') => {
      if (!ok) ctx.addIssue({ code: 'custom', message: code, path: [path] });
    };
    if (value.stage === 'provisional') need('holdExpiresOn', Boolean(value.holdExpiresOn), 'hold_expiry_required');
    if (value.stage === 'lost') {
      need('lostReason', Boolean(value.lostReason), 'lost_reason_required');
      need('competitor', Boolean(value.competitor), 'competitor_required');
      need('note', Boolean(value.note), 'required');
    }
    if (value.stage === 'cancelled') need('note', Boolean(value.note), 'cancel_reason_required');
  });

/** A clash found on a hall: the deal already holding it, named so staff can call the right person. */
export const hallClashSchema = z.object({
  banquetId: z.string(),
  groupName: z.string(),
  organiserName: z.string(),
  hallName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  stage: z.enum(STAGES),
});
export type HallClash = z.infer<typeof hallClashSchema>;

export const banquetDetailSchema = z.object({
  banquet: banquetSchema,
  /** Every stage the deal went through, oldest first: the deal's timeline. */
  timeline: z.array(stageEventSchema),
  /** Deals not yet holding a hall (inquiries, proposals) that overlap this one: a warning, not a refusal. */
  overlaps: z.array(hallClashSchema),
  /** The guests attending, in the order they were added, by name (the deal itself keeps only their ids). */
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The course checked against the organiser's and the attendees' current allergies. */
  allergyCheck: z.object({
    allergies: z.array(partyAllergySchema),
    dishes: z.array(dishWarningSchema),
    uncheckedAllergies: z.array(z.object({ guestName: z.string(), name: z.string(), severity: z.enum(SEVERITIES) })),
  }),
  followUps: z.array(followUpSchema),
  /** The deal's version: send it back with banquets.update (see basedOnVersion). */
  version: recordVersion,
});
export type BanquetDetail = z.infer<typeof banquetDetailSchema>;

// ---------------------------------------------------------------------------------------------------- calls

const range = { from: calendarDate(), to: calendarDate() };
const rangeInOrder = { error: 'range_invalid', path: ['to'] };

export const banquetCalls = {
  'banquets.create': call({
    summary: 'Take an inquiry (問い合わせ): organiser, type, date and time, headcount and what is known.',
    writes: true,
    input: z.object({ fields: banquetCreateSchema }).strict(),
    output: banquetDetailSchema,
  }),
  'banquets.update': call({
    summary: 'Change a deal. A deal holding its halls is refused a hall clash or a headcount over capacity.',
    writes: true,
    input: z.object({ id, fields: banquetUpdateSchema, version: basedOnVersion }).strict(),
    output: banquetDetailSchema,
  }),
  'banquets.advance': call({
    summary:
      'Move a deal along the pipeline. Provisional needs an expiry; lost needs reason, competitor and note; cancelled a reason.',
    writes: true,
    input: stageChangeSchema,
    output: banquetDetailSchema,
  }),
  'banquets.get': call({
    summary: 'A deal with its timeline, overlapping inquiries, the allergy check of its course and its follow-ups.',
    writes: false,
    input: z.object({ id }).strict(),
    output: banquetDetailSchema,
  }),
  'banquets.list': call({
    summary:
      'Deals by banquet date (latest first, or with order "upcoming" earliest first, as the open deals are worked through), filtered by stage, organiser or text; at most 200.',
    writes: false,
    input: z
      .object({
        order: z.enum(['latest', 'upcoming'], { error: 'invalid_choice' }).optional(),
        stages: z
          .array(z.enum(STAGES, { error: 'invalid_choice' }))
          .max(STAGES.length)
          .optional(),
        organiserId: id.optional(),
        q: text(100).optional(),
        from: calendarDate().optional(),
        to: calendarDate().optional(),
      })
      .strict(),
    output: z.object({ banquets: z.array(banquetSchema) }),
  }),
  'banquets.calendar': call({
    summary:
      'Halls and the deals on them between two dates (at most 62 days), and provisional holds that lapse within 7 days of today.',
    writes: false,
    input: z
      .object(range)
      .strict()
      .refine((value) => value.to >= value.from, rangeInOrder)
      .refine((value) => daysBetween(value.from, value.to) <= CALENDAR_MAX_DAYS, {
        error: 'range_too_long',
        path: ['to'],
      }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      halls: z.array(hallSchema),
      /** Deals in the range that are not lost or cancelled, by date and start time. */
      banquets: z.array(banquetSchema),
      /** Provisional holds lapsing soon or already lapsed, soonest first. */
      expiringHolds: z.array(banquetSchema),
    }),
  }),
  'banquets.report': call({
    summary:
      'Pipeline by stage and value, won and lost by reason and competitor, revenue by month, hit rate by type. At most ten years: `to` in the month ten years after `from`’s at the latest.',
    writes: false,
    input: z
      .object(range)
      .strict()
      .refine((value) => value.to >= value.from, rangeInOrder)
      .refine((value) => monthsApart(value.from, value.to) <= REPORT_MAX_MONTHS, {
        error: 'range_over_ten_years',
        path: ['to'],
      }),
    output: banquetReportSchema,
  }),
};
