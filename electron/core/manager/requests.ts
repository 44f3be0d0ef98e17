import { REQUEST_CATEGORIES, type RequestCategory } from '../../../shared/contract/requests.ts';
import type { CoreContext } from '../context.ts';
import type { Period } from './period.ts';

// Requests recorded in the period, by category: how many, how many done, and how fast they were done (from
// recorded to done, in minutes: the median and the 90th percentile, nearest rank). Counts are grouped in
// SQLite; the minutes of the done ones come back as bare numbers (raw rows) and are sorted here, which is
// exact and cheaper than a percentile in SQL (tens of thousands of numbers a year).

const BY_STATUS = `
  SELECT category, status, count(*) AS n FROM requests
   WHERE created_at >= @startIso AND created_at < @endIso
   GROUP BY category, status`;

const DONE_MINUTES = `
  SELECT category, (julianday(handled_at) - julianday(created_at)) * 1440.0 AS minutes FROM requests
   WHERE created_at >= @startIso AND created_at < @endIso AND status = 'done' AND handled_at IS NOT NULL`;

export const REQUEST_STATEMENTS = { BY_STATUS, DONE_MINUTES };

/** The nearest-rank percentile of sorted numbers: the smallest value with at least `p` of them at or below. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/** Whole minutes (a request done within the minute took 0). */
export const wholeMinutes = (minutes: number) => Math.max(0, Math.round(minutes));

export function requestFigures(ctx: CoreContext, period: Period) {
  const range = { startIso: period.startIso, endIso: period.endIso };
  const figures = new Map(
    REQUEST_CATEGORIES.map((category) => [
      category,
      {
        category,
        total: 0,
        open: 0,
        done: 0,
        cancelled: 0,
        medianMinutes: null as number | null,
        p90Minutes: null as number | null,
      },
    ]),
  );
  for (const row of ctx.run.prepare(BY_STATUS).all(range) as Array<{ category: string; status: string; n: number }>) {
    const figure = figures.get(row.category as RequestCategory);
    if (!figure) continue;
    figure.total += row.n;
    if (row.status === 'open' || row.status === 'done' || row.status === 'cancelled') figure[row.status] += row.n;
  }
  const minutes = new Map<string, number[]>();
  for (const [category, value] of ctx.run.prepare(DONE_MINUTES).raw().all(range) as Array<[string, number]>) {
    const list = minutes.get(category) ?? [];
    list.push(wholeMinutes(value));
    minutes.set(category, list);
  }
  for (const [category, list] of minutes) {
    const figure = figures.get(category as RequestCategory);
    if (!figure) continue;
    const sorted = Float64Array.from(list).sort();
    figure.medianMinutes = percentile(sorted, 0.5);
    figure.p90Minutes = percentile(sorted, 0.9);
  }
  return [...figures.values()];
}
