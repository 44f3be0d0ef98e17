import { z } from 'zod';
import { monthsApart } from '../text/dates.ts';
import { REPORT_MAX_MONTHS } from './banquet-codes.ts';
import { banquetReportSchema } from './banquet-reports.ts';
import { calendarDate } from './common.ts';
import { call } from './define.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from './requests.ts';

// 運営の振り返り: the manager's view of a period of inn days (what was recorded and what it led to), one call
// for every figure and one for the list behind any of them. Definitions: docs/manager-view.md.

/** A period of arrivals of at most this many days is shown by week; a longer one by month. */
export const WEEKLY_MAX_DAYS = 62;

/** What a staff member's records are counted by: the calls of the change log that make them. */
export const STAFF_RECORD_KINDS = ['guests', 'requests', 'allergies', 'served'] as const;
export type StaffRecordKind = (typeof STAFF_RECORD_KINDS)[number];

/** The figures whose list `manager.list` answers. */
export const MANAGER_FIGURES = [
  'arrivals',
  'returning',
  'rank',
  'requests',
  'allergies.recorded',
  'allergies.confirmed',
  'allergies.overdue',
  'allergies.needsReview',
  'staff',
] as const;
export type ManagerFigure = (typeof MANAGER_FIGURES)[number];

const period = z
  .object({ from: calendarDate(), to: calendarDate() })
  .strict()
  .refine((value) => value.to >= value.from, { error: 'range_invalid', path: ['to'] })
  .refine((value) => monthsApart(value.from, value.to) <= REPORT_MAX_MONTHS, {
    error: 'range_over_ten_years',
    path: ['to'],
  });

const arrivalsCount = z.object({
  /** Visits arriving in the period: stays in the house or departed, not deleted (as the card and ranks count visits). */
  arrivals: z.number(),
  /** Of them, visits whose guest had an earlier visit (arriving on an earlier day). */
  returning: z.number(),
  /** The stays' amounts (amount_yen). */
  staysYen: z.number(),
});

export const managerOverviewSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The same days a year before, for comparison. */
  previous: z.object({ from: z.string(), to: z.string() }),
  /** Arrivals by week (periods up to WEEKLY_MAX_DAYS) or month; each bucket with its first and last day. */
  bucket: z.enum(['week', 'month']),
  buckets: z.array(arrivalsCount.extend({ from: z.string(), to: z.string() })),
  totals: arrivalsCount,
  previousTotals: arrivalsCount,
  /** Revenue by month: stays by their arrival month, banquets held by their date (the banquet report's). */
  revenueByMonth: z.array(z.object({ month: z.string(), staysYen: z.number(), banquetsYen: z.number() })),
  /**
   * The arrivals' revenue by their guest's rank today, in the rules' order, then '' (no rank); null while the
   * inn has no rank rules.
   */
  revenueByRank: z.array(z.object({ rank: z.string(), stays: z.number(), staysYen: z.number() })).nullable(),
  /** Requests recorded in the period, by category: how many were done and how fast (minutes, recorded → done). */
  requests: z.array(
    z.object({
      category: z.enum(REQUEST_CATEGORIES),
      total: z.number(),
      open: z.number(),
      done: z.number(),
      cancelled: z.number(),
      medianMinutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
    }),
  ),
  allergies: z.object({
    recorded: z.number(),
    confirmed: z.number(),
    /** As of the period's last day (or today, when that is later): current, not a dislike, confirmed too long ago. */
    overdue: z.number(),
    /** Never confirmed with the guest (from a ledger's free text). */
    needsReview: z.number(),
    asOf: z.string(),
  }),
  /** Records per staff member (from the change log's headers), most first. */
  staff: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      active: z.boolean(),
      guests: z.number(),
      requests: z.number(),
      allergies: z.number(),
      served: z.number(),
      total: z.number(),
    }),
  ),
  /** The banquet report over the same dates (banquets.report): hit rate, lost reasons, held revenue. */
  banquets: banquetReportSchema,
});
export type ManagerOverview = z.infer<typeof managerOverviewSchema>;

export const managerListRowSchema = z.object({
  /** The record's id (a stay, request, allergy) or, for a staff member's records, the change's position. */
  id: z.string(),
  guestId: z.string().nullable(),
  /** Family name first; empty when the record names no guest. */
  guestName: z.string(),
  /** The arrival day, or the instant recorded (ISO). */
  date: z.string(),
  amountYen: z.number().optional(),
  returning: z.boolean().optional(),
  stayStatus: z.string().optional(),
  category: z.enum(REQUEST_CATEGORIES).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  minutes: z.number().nullable().optional(),
  text: z.string().optional(),
  allergenJa: z.string().optional(),
  allergenEn: z.string().optional(),
  severity: z.string().optional(),
  confirmedAt: z.string().optional(),
  kind: z.enum(STAFF_RECORD_KINDS).optional(),
  call: z.string().optional(),
});
export type ManagerListRow = z.infer<typeof managerListRowSchema>;

export const LIST_PAGE_MAX = 200;

const listInput = z
  .object({
    figure: z.enum(MANAGER_FIGURES, { error: 'invalid_choice' }),
    from: calendarDate(),
    to: calendarDate(),
    category: z.enum(REQUEST_CATEGORIES, { error: 'invalid_choice' }).optional(),
    status: z.enum(REQUEST_STATUSES, { error: 'invalid_choice' }).optional(),
    staffId: z.uuid({ error: 'invalid_id' }).optional(),
    /** figure 'rank': the rank's name; '' for the guests with no rank. */
    rank: z.string().max(20).optional(),
    kind: z.enum(STAFF_RECORD_KINDS, { error: 'invalid_choice' }).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(LIST_PAGE_MAX).default(50),
  })
  .strict()
  .refine((value) => value.to >= value.from, { error: 'range_invalid', path: ['to'] })
  .refine((value) => monthsApart(value.from, value.to) <= REPORT_MAX_MONTHS, {
    error: 'range_over_ten_years',
    path: ['to'],
  })
  .refine((value) => value.figure !== 'staff' || value.staffId !== undefined, {
    error: 'required',
    path: ['staffId'],
  });
export type ParsedManagerList = z.output<typeof listInput>;

export const managerCalls = {
  'manager.overview': call({
    summary:
      'The manager’s view of a period of inn days: arrivals and repeat share, revenue by month, requests by category (done, how fast), allergies recorded, confirmed and due, records per staff member, and the banquet report; with the same days a year before.',
    writes: false,
    input: period,
    output: managerOverviewSchema,
  }),
  'manager.list': call({
    summary:
      'The records behind one figure of manager.overview, paged: arrivals, returning arrivals, requests (of a category, of a status), allergies (recorded, confirmed, overdue, to review), a staff member’s records (of a kind).',
    writes: false,
    input: listInput,
    output: z.object({ total: z.number(), rows: z.array(managerListRowSchema) }),
  }),
};
