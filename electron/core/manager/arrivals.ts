import { addDays, daysBetween } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';

// Arrivals, returning arrivals and the stays' revenue by arrival day, grouped in SQLite (one row a day, a few
// hundred rows for a year) and laid out here by week or month. An arrival is a visit: a stay in the house or
// departed, not deleted, dated by its arrival day (a booking ahead, a cancellation or a no-show is not one),
// as the guest card counts visits and guest ranks count them (docs/guest-rank.md). It is returning when its
// guest (the lead) has another visit arriving on an earlier day. The list behind each count (lists.ts) uses
// the same words.
//
// The overview reads these figures from manager_days (day-totals.ts, kept by the write path); BY_DAY below is
// the definition they are kept to and the reference the property test and the bench compare them with, and what
// the overview counts from while that table is being built. It goes by the partial covering indexes of visits
// (migration 12): stays_visited_arrival for the period's days, stays_visited_guest for the one seek of the
// returning check; the SQL repeats the indexes' WHERE term for term, which is how SQLite knows it may use them.

/** A stay that counts as an arrival (a visit), for a stays table aliased `alias`. */
export const arrivedAs = (alias: string) =>
  `${alias}.deleted_at IS NULL AND ${alias}.status IN ('in_house', 'departed')`;

/** Whether stay `s` is by a guest who arrived before (stays_visited_guest: guest, then arrival day). */
export const RETURNING = `EXISTS (SELECT 1 FROM stays e
   WHERE e.guest_id = s.guest_id AND e.arrival_date < s.arrival_date AND ${arrivedAs('e')})`;

const BY_DAY = `
  SELECT s.arrival_date AS day, count(*) AS arrivals, coalesce(sum(s.amount_yen), 0) AS yen,
         sum(${RETURNING}) AS returns
    FROM stays s
   WHERE s.arrival_date BETWEEN @from AND @to AND ${arrivedAs('s')}
   GROUP BY s.arrival_date`;

/** The statements of this file, for the query-plan test. */
export const ARRIVAL_STATEMENTS = { BY_DAY };

export type DayCounts = { day: string; arrivals: number; returns: number; yen: number };
export type Counts = { arrivals: number; returning: number; staysYen: number };

export function arrivalsByDay(ctx: CoreContext, from: string, to: string): DayCounts[] {
  return ctx.run.prepare(BY_DAY).all({ from, to }) as DayCounts[];
}

export function totalOf(days: readonly DayCounts[]): Counts {
  const total = { arrivals: 0, returning: 0, staysYen: 0 };
  for (const day of days) {
    total.arrivals += day.arrivals;
    total.returning += day.returns;
    total.staysYen += day.yen;
  }
  return total;
}

/** The first and last day of each bucket: weeks from Monday, or calendar months, clipped to the period. */
export function bucketsOf(from: string, to: string, bucket: 'week' | 'month'): Array<{ from: string; to: string }> {
  const buckets: Array<{ from: string; to: string }> = [];
  let start = from;
  while (start <= to) {
    let end: string;
    if (bucket === 'week') {
      // getUTCDay: 0 Sunday … 6 Saturday; the week ends on Sunday.
      const weekday = new Date(`${start}T00:00:00Z`).getUTCDay();
      end = addDays(start, (7 - weekday) % 7);
    } else {
      const [year, month] = start.split('-').map(Number) as [number, number];
      end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    }
    if (end > to) end = to;
    buckets.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return buckets;
}

export function bucketKind(from: string, to: string, weeklyMaxDays: number): 'week' | 'month' {
  return daysBetween(from, to) + 1 <= weeklyMaxDays ? 'week' : 'month';
}

/** The day rows summed into each bucket (every bucket listed, empty or not: a chart with gaps misleads). */
export function fillBuckets(days: readonly DayCounts[], buckets: ReadonlyArray<{ from: string; to: string }>) {
  const filled = buckets.map((bucket) => ({ ...bucket, arrivals: 0, returning: 0, staysYen: 0 }));
  let index = 0;
  // Both are in day order: one pass.
  for (const day of [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    while (index < filled.length && (filled[index] as { to: string }).to < day.day) index++;
    const bucket = filled[index];
    if (!bucket || day.day < bucket.from) continue;
    bucket.arrivals += day.arrivals;
    bucket.returning += day.returns;
    bucket.staysYen += day.yen;
  }
  return filled;
}
