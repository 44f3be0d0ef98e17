import {
  BANQUET_TYPES,
  type BanquetReport,
  type BanquetType,
  LOST_REASONS,
  STAGES,
  type Stage,
} from '../../../shared/contract/banquets.ts';
import { addMonths } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';

// The manager's reports over a range of banquet dates. Ten years of deals are tens of thousands of rows, so
// the grouping happens in SQLite, over covering indexes: each statement reads index entries and never the
// table. Three statements, each returning a few dozen rows at most; JavaScript only lays them out, with every
// stage, reason, type and month listed even when nothing fell in it (a chart with gaps misleads).
//
// What costs time is not reading the entries (40,000 in 2 ms) but SQLite's sorter: a GROUP BY that the index
// order does not give sorts every row first (~0.5 µs a row). So each statement reads the index whose order is
// its grouping: banquets_report_stage (stage, type, …), banquets_report_lost (stage, lost_reason, competitor,
// …), banquets_report (date, …). Grouping ten years by stage and type on the date-led index alone took ~40 ms.

type Reader = { all(params: { from: string; to: string }): unknown[] };

/** Deals per current stage and type: the pipeline, the outcomes and the hit rate per type. */
const BY_STAGE_AND_TYPE = `
  SELECT stage, type, count(*) AS n, coalesce(sum(estimate_yen), 0) AS value
    FROM banquets INDEXED BY banquets_report_stage
   WHERE date BETWEEN @from AND @to AND deleted_at IS NULL
   GROUP BY stage, type`;

/** Lost deals by reason and competitor as typed (trimmed and merged in JavaScript: a handful of rows). */
const LOST = `
  SELECT lost_reason AS reason, competitor, count(*) AS n, coalesce(sum(estimate_yen), 0) AS value
    FROM banquets INDEXED BY banquets_report_lost
   WHERE stage = 'lost' AND date BETWEEN @from AND @to AND deleted_at IS NULL
   GROUP BY lost_reason, competitor`;

/**
 * Held banquets by month of the banquet: first by day, in banquets_report's own order (no sorting), then the
 * few thousand days by month (sorting every held deal by month instead costs a third more).
 */
const HELD_BY_MONTH = `
  SELECT substr(date, 1, 7) AS month, sum(n) AS n, sum(value) AS value
    FROM (SELECT date, count(*) AS n, coalesce(sum(estimate_yen), 0) AS value
            FROM banquets INDEXED BY banquets_report
           WHERE date BETWEEN @from AND @to AND deleted_at IS NULL AND stage = 'held'
           GROUP BY date)
   GROUP BY month`;

/** The statements of this file, for the query-plan test. */
export const REPORT_STATEMENTS = { BY_STAGE_AND_TYPE, LOST, HELD_BY_MONTH };

const WON: ReadonlySet<string> = new Set<Stage>(['confirmed', 'held']);
const LOST_REASON_SET: ReadonlySet<string> = new Set(LOST_REASONS);

type Amount = { count: number; valueYen: number };
const zero = (): Amount => ({ count: 0, valueYen: 0 });
const add = (amount: Amount, n: number, value: number) => {
  amount.count += n;
  amount.valueYen += value;
};

/** Every 'YYYY-MM' from the month of `from` to the month of `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const last = to.slice(0, 7);
  for (let day = `${from.slice(0, 7)}-01`; day.slice(0, 7) <= last; day = addMonths(day, 1)) {
    months.push(day.slice(0, 7));
  }
  return months;
}

export function loadReport(ctx: CoreContext, input: { from: string; to: string }): BanquetReport {
  const range = { from: input.from, to: input.to };
  const read = <R>(text: string) => (ctx.run.prepare(text) as Reader).all(range) as R[];

  const pipeline = new Map<Stage, Amount>(STAGES.map((stage) => [stage, zero()]));
  const outcomes = { won: zero(), lost: zero() };
  const byType = new Map<BanquetType, { won: number; lost: number }>(
    BANQUET_TYPES.map((type) => [type, { won: 0, lost: 0 }]),
  );
  for (const row of read<{ stage: Stage; type: BanquetType; n: number; value: number }>(BY_STAGE_AND_TYPE)) {
    const stage = pipeline.get(row.stage);
    if (stage) add(stage, row.n, row.value);
    const type = byType.get(row.type);
    if (WON.has(row.stage)) {
      add(outcomes.won, row.n, row.value);
      if (type) type.won += row.n;
    } else if (row.stage === 'lost') {
      add(outcomes.lost, row.n, row.value);
      if (type) type.lost += row.n;
    }
  }

  const byReason = new Map(LOST_REASONS.map((reason) => [reason, zero()]));
  const byCompetitor = new Map<string, Amount>();
  for (const row of read<{ reason: string | null; competitor: string; n: number; value: number }>(LOST)) {
    // A lost deal always has a reason (the contract requires one); an unknown one counts as 'other' so the
    // reasons add up to the lost total.
    const reason = row.reason && LOST_REASON_SET.has(row.reason) ? row.reason : 'other';
    add(byReason.get(reason as (typeof LOST_REASONS)[number]) ?? zero(), row.n, row.value);
    const competitor = row.competitor.trim();
    const amount = byCompetitor.get(competitor) ?? zero();
    add(amount, row.n, row.value);
    byCompetitor.set(competitor, amount);
  }

  const held = new Map(
    read<{ month: string; n: number; value: number }>(HELD_BY_MONTH).map((row) => [
      row.month,
      { count: row.n, valueYen: row.value },
    ]),
  );

  return {
    from: input.from,
    to: input.to,
    pipeline: STAGES.map((stage) => ({ stage, ...(pipeline.get(stage) ?? zero()) })),
    outcomes,
    lostByReason: LOST_REASONS.map((reason) => ({ reason, ...(byReason.get(reason) ?? zero()) })),
    lostByCompetitor: [...byCompetitor]
      .map(([competitor, amount]) => ({ competitor, ...amount }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          b.valueYen - a.valueYen ||
          (a.competitor < b.competitor ? -1 : a.competitor > b.competitor ? 1 : 0),
      ),
    revenueByMonth: monthsBetween(input.from, input.to).map((month) => ({ month, ...(held.get(month) ?? zero()) })),
    hitRateByType: BANQUET_TYPES.map((type) => {
      const { won, lost } = byType.get(type) ?? { won: 0, lost: 0 };
      return { type, won, lost, rate: won + lost > 0 ? won / (won + lost) : null };
    }),
  };
}
