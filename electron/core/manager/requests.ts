import { REQUEST_CATEGORIES, type RequestCategory } from '../../../shared/contract/requests.ts';
import { addDays, lastDayOfMonth } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';
import { type Period, periodOf } from './period.ts';
import type { RequestMonths } from './request-months.ts';

// Requests recorded in the period, by category: how many, how many done, and how fast they were done (from
// recorded to done, in minutes: the median and the 90th percentile, nearest rank). The period's whole months come
// from manager_request_months (request-months.ts: counts and a histogram of whole minutes per month); the days at
// its ends, and the whole period while that table is being built, from the requests: counts grouped in SQLite,
// the minutes of the done ones as bare numbers (raw rows) counted here. Both give the same histogram, so the
// same percentiles.

const BY_STATUS = `
  SELECT category, status, count(*) AS n FROM requests
   WHERE created_at >= @startIso AND created_at < @endIso
   GROUP BY category, status`;

const DONE_MINUTES = `
  SELECT category, (julianday(handled_at) - julianday(created_at)) * 1440.0 AS minutes FROM requests
   WHERE created_at >= @startIso AND created_at < @endIso AND status = 'done' AND handled_at IS NOT NULL`;

export const REQUEST_STATEMENTS = { BY_STATUS, DONE_MINUTES };

/** Whole minutes (a request done within the minute took 0). */
export const wholeMinutes = (minutes: number) => Math.max(0, Math.round(minutes));

type Tally = {
  counts: Map<string, Map<string, number>>;
  /** Per category: whole minutes → how many done requests took that long. */
  minutes: Map<string, Map<number, number>>;
};

const tallyOf = (): Tally => ({ counts: new Map(), minutes: new Map() });

function countInto(tally: Tally, category: string, status: string, n: number) {
  const byStatus = tally.counts.get(category) ?? new Map<string, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + n);
  tally.counts.set(category, byStatus);
}

function timeInto(tally: Tally, category: string, minutes: number, n: number) {
  const histogram = tally.minutes.get(category) ?? new Map<number, number>();
  histogram.set(minutes, (histogram.get(minutes) ?? 0) + n);
  tally.minutes.set(category, histogram);
}

/** The requests recorded between two instants, counted from the requests themselves (requests_report). */
function scanInto(ctx: CoreContext, tally: Tally, range: { startIso: string; endIso: string }) {
  for (const row of ctx.run.prepare(BY_STATUS).all(range) as Array<{ category: string; status: string; n: number }>)
    countInto(tally, row.category, row.status, row.n);
  for (const [category, value] of ctx.run.prepare(DONE_MINUTES).raw().all(range) as Array<[string, number]>)
    timeInto(tally, category, wholeMinutes(value), 1);
}

/** The nearest-rank percentile of a histogram (value → count), `total` values in all. */
function percentileOf(sortedValues: readonly number[], histogram: Map<number, number>, total: number, p: number) {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const value of sortedValues) {
    seen += histogram.get(value) ?? 0;
    if (seen >= rank) return value;
  }
  return null;
}

function figuresOf(tally: Tally) {
  return REQUEST_CATEGORIES.map((category: RequestCategory) => {
    const figure = {
      category,
      total: 0,
      open: 0,
      done: 0,
      cancelled: 0,
      medianMinutes: null as number | null,
      p90Minutes: null as number | null,
    };
    for (const [status, n] of tally.counts.get(category) ?? []) {
      figure.total += n;
      if (status === 'open' || status === 'done' || status === 'cancelled') figure[status] += n;
    }
    const histogram = tally.minutes.get(category);
    if (histogram) {
      const values = Float64Array.from(histogram.keys()).sort();
      const sorted = Array.from(values);
      let total = 0;
      for (const n of histogram.values()) total += n;
      figure.medianMinutes = percentileOf(sorted, histogram, total, 0.5);
      figure.p90Minutes = percentileOf(sorted, histogram, total, 0.9);
    }
    return figure;
  });
}

/** The reference: every request of the period read (requests_report), for the tests and the bench. */
export function requestFiguresByScan(ctx: CoreContext, period: Period) {
  const tally = tallyOf();
  scanInto(ctx, tally, period);
  return figuresOf(tally);
}

/** The period's whole months (YYYY-MM) and the days at its ends outside them. */
export function wholeMonthsOf(from: string, to: string) {
  const firstWhole = from.endsWith('-01') ? from : `${addDays(lastDayOfMonth(from), 1)}`;
  const lastWhole = to === lastDayOfMonth(to) ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (firstWhole > lastWhole) return { months: null, edges: [{ from, to }] };
  const edges: Array<{ from: string; to: string }> = [];
  if (from < firstWhole) edges.push({ from, to: addDays(firstWhole, -1) });
  if (lastWhole < to) edges.push({ from: addDays(lastWhole, 1), to });
  return { months: { from: firstWhole.slice(0, 7), to: lastWhole.slice(0, 7) }, edges };
}

/**
 * The period's whole months from manager_request_months (request-months.ts) when it is whole, the days at the
 * ends from the requests; without it (or while it is built), every request of the period from the requests.
 */
export function requestFigures(ctx: CoreContext, period: Period, months?: RequestMonths) {
  const split = wholeMonthsOf(period.from, period.to);
  const rows = split.months && months ? months.months(split.months.from, split.months.to) : null;
  if (!rows) {
    if (split.months) months?.ensureBuilt();
    return requestFiguresByScan(ctx, period);
  }
  const tally = tallyOf();
  for (const row of rows) {
    countInto(tally, row.category, row.status, row.n);
    if (row.minutes >= 0) timeInto(tally, row.category, row.minutes, row.n);
  }
  for (const edge of split.edges) scanInto(ctx, tally, periodOf(ctx, edge.from, edge.to));
  return figuresOf(tally);
}
