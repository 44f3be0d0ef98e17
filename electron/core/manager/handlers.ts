import { type ManagerOverview, WEEKLY_MAX_DAYS } from '../../../shared/contract/manager.ts';
import { reconfirmCutoff } from '../allergies/rows.ts';
import { loadReport, monthsBetween } from '../banquets/reports.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { allergyFigures, allergyParams } from './allergies.ts';
import { arrivalsByDay, bucketKind, bucketsOf, fillBuckets, totalOf } from './arrivals.ts';
import type { DayTotals } from './day-totals.ts';
import { createLists } from './lists.ts';
import { periodOf, yearBefore } from './period.ts';
import { revenueByRank } from './ranks.ts';
import type { RequestMonths } from './request-months.ts';
import { requestFigures } from './requests.ts';
import { createStaffRecords } from './staff-records.ts';

type ManagerCalls = 'manager.overview' | 'manager.list';

/**
 * 運営の振り返り: every figure of a period in one call, each from grouped SQL over an index (docs/manager-view.md),
 * and the list behind any one of them. The banquet figures are the banquet report itself (banquets/reports.ts).
 */
export function managerHandlers(
  ctx: CoreContext,
  kept: { dayTotals?: DayTotals; requestMonths?: RequestMonths } = {},
): Handlers<ManagerCalls> {
  const { dayTotals, requestMonths } = kept;
  const staff = createStaffRecords(ctx);
  const list = createLists(ctx, staff);
  // The day rows (manager_days, day-totals.ts) when they are whole; else the stays counted as they are.
  const byDay = (from: string, to: string) => {
    const days = dayTotals?.days(from, to);
    if (days) return days;
    dayTotals?.ensureBuilt();
    return arrivalsByDay(ctx, from, to);
  };
  return {
    'manager.overview': ({ from, to }): ManagerOverview => {
      const period = periodOf(ctx, from, to);
      const previous = yearBefore(from, to);
      const days = byDay(from, to);
      const bucket = bucketKind(from, to, WEEKLY_MAX_DAYS);
      const banquets = loadReport(ctx, { from, to });
      const staysByMonth = new Map<string, number>();
      for (const day of days) {
        const month = day.day.slice(0, 7);
        staysByMonth.set(month, (staysByMonth.get(month) ?? 0) + day.yen);
      }
      const banquetsByMonth = new Map(banquets.revenueByMonth.map((row) => [row.month, row.valueYen]));
      // Re-confirmation is about today: what is due now, whatever period is shown.
      const asOf = ctx.today();
      const totals = totalOf(days);
      return {
        from,
        to,
        previous,
        bucket,
        buckets: fillBuckets(days, bucketsOf(from, to, bucket)),
        totals,
        previousTotals: totalOf(byDay(previous.from, previous.to)),
        revenueByMonth: monthsBetween(from, to).map((month) => ({
          month,
          staysYen: staysByMonth.get(month) ?? 0,
          banquetsYen: banquetsByMonth.get(month) ?? 0,
        })),
        revenueByRank: revenueByRank(ctx, { from, to }, totals, dayTotals?.byRank(from, to)),
        requests: requestFigures(ctx, period, requestMonths),
        allergies: { ...allergyFigures(ctx, allergyParams(period, reconfirmCutoff(ctx, asOf))), asOf },
        staff: staff.figures(period),
        banquets,
      };
    },
    'manager.list': (input) => list(input),
  };
}
