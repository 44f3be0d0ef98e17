import { z } from 'zod';
import { daysBetween } from '../text/dates.ts';
import { foldWidth } from '../text/width.ts';
import { SEVERITIES } from './allergies.ts';
import { partyAllergySchema } from './briefing.ts';
import { calendarDate, count, id, idList, requiredText, text, yen } from './common.ts';
import { call } from './define.ts';
import { dishWarningSchema } from './kitchen.ts';

// Banquet sales (宴会営業): halls, deals from inquiry to held or lost, the hall calendar, follow-up calls
// (next year's party, the next memorial service) and the reports a manager reads. A lost deal keeps why and
// to whom; nothing is thrown away.

/** Layout styles a hall can be set in; each hall has its own capacity per style (0: not offered). */
export const LAYOUTS = ['seated', 'standing', 'theatre'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const BANQUET_TYPES = [
  'bonenkai', // 忘年会
  'shinnenkai', // 新年会
  'farewell', // 歓送迎会
  'memorial', // 法要
  'wedding', // 婚礼
  'meeting', // 会議
  'social', // 懇親会
  'other', // その他
] as const;
export type BanquetType = (typeof BANQUET_TYPES)[number];
/** Parties held every year: each produces a call to the organiser in the autumn before the next one. */
export const YEARLY_TYPES: ReadonlySet<BanquetType> = new Set(['bonenkai', 'shinnenkai']);

/** The pipeline. Holds (provisional, confirmed) and held deals occupy their halls; lost and cancelled end it. */
export const STAGES = ['inquiry', 'proposal', 'provisional', 'confirmed', 'held', 'lost', 'cancelled'] as const;
export type Stage = (typeof STAGES)[number];
export const OPEN_STAGES: readonly Stage[] = ['inquiry', 'proposal', 'provisional', 'confirmed'];
export const OCCUPYING_STAGES: readonly Stage[] = ['provisional', 'confirmed', 'held'];
/**
 * Where a deal may go from each stage (forward only; held, lost and cancelled are final). Provisional to
 * provisional extends a hold ("please keep it another week"), with the new expiry on the timeline.
 */
export const NEXT_STAGES: Readonly<Record<Stage, readonly Stage[]>> = {
  inquiry: ['proposal', 'provisional', 'confirmed', 'lost', 'cancelled'],
  proposal: ['provisional', 'confirmed', 'lost', 'cancelled'],
  provisional: ['provisional', 'confirmed', 'lost', 'cancelled'],
  confirmed: ['held', 'lost', 'cancelled'],
  held: [],
  lost: [],
  cancelled: [],
};

/** Why a deal was lost (失注理由): a fixed list, so the report can count them. */
export const LOST_REASONS = [
  'price', // 価格
  'date_unavailable', // 希望日に空きなし
  'capacity', // 人数・広さが合わない
  'cuisine', // 料理内容
  'location', // 立地・送迎
  'facilities', // 設備
  'response', // 提案・対応の遅れ
  'plan_cancelled', // 催し自体が中止
  'other',
] as const;

/** Memorial services (年忌法要) fall this many years after the death: 一周忌, 三回忌, 七回忌 … 三十三回忌. */
export const MEMORIAL_YEARS = [1, 2, 6, 12, 16, 22, 26, 32] as const;

export const FOLLOW_UP_KINDS = ['yearly', 'memorial'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;

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

// ---------------------------------------------------------------------------------------------------- halls

export const hallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Seats per layout style; 0 means the hall is not offered in that style. */
  capacity: z.object({ seated: z.number(), standing: z.number(), theatre: z.number() }),
  /** Halls this one can be opened into (partitions removed) for a larger party. */
  combinableWith: z.array(z.string()),
  note: z.string(),
  sortOrder: z.number(),
  deletedAt: z.string().nullable(),
});
export type Hall = z.infer<typeof hallSchema>;

const hallFieldShape = {
  name: requiredText(40),
  capacity: z
    .object({ seated: count(2000), standing: count(2000), theatre: count(2000) }, { error: 'invalid_type' })
    .strict()
    .refine((c) => c.seated + c.standing + c.theatre > 0, { error: 'capacity_required' }),
  combinableWith: idList(20),
  note: text(500),
  sortOrder: count(10_000),
};

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

// ---------------------------------------------------------------------------------------------- follow-ups

export const followUpSchema = z.object({
  id: z.string(),
  banquetId: z.string(),
  guestId: z.string(),
  guestName: z.string(),
  guestPhone: z.string(),
  groupName: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  type: z.enum(BANQUET_TYPES),
  /** The day the call is due. */
  dueDate: z.string(),
  /** The event the call is about: next year's party date, or the memorial anniversary. */
  eventDate: z.string(),
  /** For memorial services: years after the death (2 is 三回忌). */
  memorialYear: z.number().nullable(),
  deceasedName: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneByName: z.string().nullable(),
  note: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const banquetDetailSchema = z.object({
  banquet: banquetSchema,
  /** Every stage the deal went through, oldest first: the deal's timeline. */
  timeline: z.array(stageEventSchema),
  /** Deals not yet holding a hall (inquiries, proposals) that overlap this one: a warning, not a refusal. */
  overlaps: z.array(hallClashSchema),
  /** The course checked against the organiser's and the attendees' current allergies. */
  allergyCheck: z.object({
    allergies: z.array(partyAllergySchema),
    dishes: z.array(dishWarningSchema),
    uncheckedAllergies: z.array(z.object({ guestName: z.string(), name: z.string(), severity: z.enum(SEVERITIES) })),
  }),
  followUps: z.array(followUpSchema),
});
export type BanquetDetail = z.infer<typeof banquetDetailSchema>;

// ------------------------------------------------------------------------------------------------- reports

const amount = z.object({ count: z.number(), valueYen: z.number() });

export const banquetReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Deals by current stage (banquet date within the range), with their estimated value. */
  pipeline: z.array(amount.extend({ stage: z.enum(STAGES) })),
  /** Won (confirmed or held) against lost. */
  outcomes: z.object({ won: amount, lost: amount }),
  lostByReason: z.array(amount.extend({ reason: z.enum(LOST_REASONS) })),
  /** Lost deals by the competitor who took them, most first. */
  lostByCompetitor: z.array(amount.extend({ competitor: z.string() })),
  /** Held banquets' value by month of the banquet ('YYYY-MM'), every month of the range. */
  revenueByMonth: z.array(amount.extend({ month: z.string() })),
  /** Won / (won + lost) by type; null when nothing was decided. */
  hitRateByType: z.array(
    z.object({ type: z.enum(BANQUET_TYPES), won: z.number(), lost: z.number(), rate: z.number().nullable() }),
  ),
});
export type BanquetReport = z.infer<typeof banquetReportSchema>;

// ---------------------------------------------------------------------------------------------------- calls

/** The calendar shows at most a month and a bit (a month view with the days around it). */
export const CALENDAR_MAX_DAYS = 62;
/** How soon a provisional hold's expiry makes it listed on the calendar. */
export const HOLD_WARNING_DAYS = 7;

const range = { from: calendarDate(), to: calendarDate() };
const rangeInOrder = { error: 'range_invalid', path: ['to'] };

export const banquetCalls = {
  'halls.list': call({
    summary: 'The banquet halls with capacity per layout and which can be combined.',
    writes: false,
    input: z.object({ includeDeleted: z.boolean().optional() }).strict(),
    output: z.object({ halls: z.array(hallSchema) }),
  }),
  'halls.create': call({
    summary: 'Add a hall.',
    writes: true,
    input: z
      .object({
        fields: z.object(hallFieldShape).partial({ combinableWith: true, note: true, sortOrder: true }).strict(),
      })
      .strict(),
    output: hallSchema,
  }),
  'halls.update': call({
    summary: 'Change a hall: name, capacity, combinations. Combinations are kept both ways.',
    writes: true,
    input: z.object({ id, fields: z.object(hallFieldShape).partial().strict() }).strict(),
    output: hallSchema,
  }),
  'halls.delete': call({
    summary: 'Withdraw a hall (its past banquets keep it).',
    writes: true,
    input: z.object({ id }).strict(),
    output: hallSchema,
  }),
  'halls.restore': call({
    summary: 'Bring a withdrawn hall back.',
    writes: true,
    input: z.object({ id }).strict(),
    output: hallSchema,
  }),
  'banquets.create': call({
    summary: 'Take an inquiry (問い合わせ): organiser, type, date and time, headcount and what is known.',
    writes: true,
    input: z.object({ fields: banquetCreateSchema }).strict(),
    output: banquetDetailSchema,
  }),
  'banquets.update': call({
    summary: 'Change a deal. A deal holding its halls is refused a hall clash or a headcount over capacity.',
    writes: true,
    input: z.object({ id, fields: banquetUpdateSchema }).strict(),
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
    summary: 'Deals by banquet date (latest first), filtered by stage, organiser or text; at most 200.',
    writes: false,
    input: z
      .object({
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
    summary: 'Pipeline by stage and value, won and lost by reason and competitor, revenue by month, hit rate by type.',
    writes: false,
    input: z
      .object(range)
      .strict()
      .refine((value) => value.to >= value.from, rangeInOrder),
    output: banquetReportSchema,
  }),
  'followUps.list': call({
    summary: 'Follow-up calls: open ones due by a day (default: 60 days from today), or all of a guest.',
    writes: false,
    input: z
      .object({
        dueBy: calendarDate().optional(),
        guestId: id.optional(),
        status: z.enum(FOLLOW_UP_STATUSES, { error: 'invalid_choice' }).optional(),
      })
      .strict(),
    output: z.object({ followUps: z.array(followUpSchema) }),
  }),
  'followUps.setStatus': call({
    summary: 'Mark a follow-up call done (by the staff member at this PC) or cancelled, with a note; or open again.',
    writes: true,
    input: z
      .object({ id, status: z.enum(FOLLOW_UP_STATUSES, { error: 'invalid_choice' }), note: text(500).optional() })
      .strict(),
    output: followUpSchema,
  }),
};
