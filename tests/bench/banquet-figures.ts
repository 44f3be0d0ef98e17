import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { BANQUET_TYPES, LOST_REASONS, STAGES } from '../../shared/contract/banquets.ts';
import { addDays, addYears } from '../../shared/text/dates.ts';
import { BANQUET_YEARS, busiestDecember, ensureBanquetDatabase } from './banquet-data.ts';
import { chooseOwner, openingJobsDone } from './ready.ts';
import type { Figure } from './report.ts';
import { measure } from './stats.ts';

// Banquet sales on ten years of generated deals (banquet-data.ts): the hall calendar of the busiest
// December and the reports over the ten years, through core.call, each beside the naive way of doing the
// same (the calendar one query per hall per day with each organiser looked up; the report every deal row
// read and grouped in JavaScript). Target: p95 ≤ 50 ms each.

const CALENDAR_RUNS = 100;
const REPORT_RUNS = 60;
const BASELINE_RUNS = 10;
export const BANQUET_TARGET_MS = 50;

function caller(core: Core) {
  return async (name: string, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} ${JSON.stringify(input)} failed: ${JSON.stringify(result.error)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads results loosely; contract tests check shapes.
    return result.value as any;
  };
}

/** The calendar the naive way: the halls, then per day and hall the deals on it, and each one's organiser. */
function calendarBaseline(db: Database) {
  const halls = db.prepare('SELECT * FROM halls WHERE deleted_at IS NULL ORDER BY sort_order');
  const onHall = db.prepare(
    `SELECT * FROM banquets WHERE date = ? AND deleted_at IS NULL AND stage NOT IN ('lost', 'cancelled')
        AND EXISTS (SELECT 1 FROM json_each(hall_ids) WHERE value = ?) ORDER BY start_time`,
  );
  const organiser = db.prepare('SELECT * FROM guests WHERE id = ?');
  return (from: string, to: string) => {
    const rows = halls.all() as Array<{ id: string }>;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      for (const hall of rows) {
        for (const deal of onHall.all(day, hall.id) as Array<{ organiser_id: string }>)
          organiser.get(deal.organiser_id);
      }
    }
  };
}

/** The report the naive way: every deal row read, filtered and grouped in JavaScript. */
function reportBaseline(db: Database) {
  const every = db.prepare('SELECT * FROM banquets');
  return (from: string, to: string) => {
    const pipeline = new Map(STAGES.map((s) => [s, { count: 0, valueYen: 0 }]));
    const reasons = new Map(LOST_REASONS.map((r) => [r, { count: 0, valueYen: 0 }]));
    const competitors = new Map<string, { count: number; valueYen: number }>();
    const months = new Map<string, { count: number; valueYen: number }>();
    const types = new Map(BANQUET_TYPES.map((t) => [t, { won: 0, lost: 0 }]));
    for (const row of every.all() as Array<Record<string, string | number | null>>) {
      const date = row.date as string;
      if (row.deleted_at !== null || date < from || date > to) continue;
      const stage = row.stage as (typeof STAGES)[number];
      const value = row.estimate_yen as number;
      const add = (amount: { count: number; valueYen: number } | undefined) => {
        if (amount) {
          amount.count++;
          amount.valueYen += value;
        }
      };
      add(pipeline.get(stage));
      const type = types.get(row.type as (typeof BANQUET_TYPES)[number]);
      if (stage === 'confirmed' || stage === 'held') if (type) type.won++;
      if (stage === 'held') {
        const month = date.slice(0, 7);
        if (!months.has(month)) months.set(month, { count: 0, valueYen: 0 });
        add(months.get(month));
      }
      if (stage === 'lost') {
        if (type) type.lost++;
        add(reasons.get(row.lost_reason as (typeof LOST_REASONS)[number]));
        const name = String(row.competitor).trim();
        if (!competitors.has(name)) competitors.set(name, { count: 0, valueYen: 0 });
        add(competitors.get(name));
      }
    }
    return [...competitors].sort(([, a], [, b]) => b.count - a.count);
  };
}

export async function banquetFigures(options: {
  rebuild: boolean;
  buildOnly: boolean;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { log } = options;
  const build = ensureBanquetDatabase(options);
  log(
    build.built
      ? `  built in ${build.seconds.toFixed(1)} s, ${(build.bytes / 2 ** 20).toFixed(0)} MiB`
      : `  cached, ${(build.bytes / 2 ** 20).toFixed(0)} MiB`,
  );
  log(`  ${build.file}`);
  if (options.buildOnly) return [];
  const db = openDatabase(build.file);
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    logger: { info() {}, warn: console.warn, error: console.error },
  });
  const call = caller(core);
  // A register built here has staff without roles, and the calls need someone at the PC (ready.ts).
  await chooseOwner(core, db);
  await openingJobsDone(core);
  const december = busiestDecember(db);
  const decade = {
    from: addYears(build.today, -BANQUET_YEARS),
    to: build.today,
  };
  const deals = db.prepare('SELECT count(*) FROM banquets WHERE date BETWEEN ? AND ?').pluck();
  log(
    `  calendar ${december.from}…${december.to}: ${(deals.get(december.from, december.to) as number).toLocaleString('en')} deals; ` +
      `report ${decade.from}…${decade.to}: ${(deals.get(decade.from, decade.to) as number).toLocaleString('en')} deals`,
  );
  const shown = await call('banquets.calendar', december);
  const report = await call('banquets.report', decade);
  log(
    `  the calendar shows ${shown.banquets.length} deals on ${shown.halls.length} halls; the report counts ` +
      `${report.pipeline.reduce((sum: number, p: { count: number }) => sum + p.count, 0).toLocaleString('en')} deals, ` +
      `${report.lostByCompetitor.length} competitors`,
  );
  const calendar = await measure(CALENDAR_RUNS, 10, () => call('banquets.calendar', december));
  const naiveCalendar = calendarBaseline(db);
  const calendarBase = await measure(BASELINE_RUNS, 2, () => naiveCalendar(december.from, december.to));
  const reports = await measure(REPORT_RUNS, 5, () => call('banquets.report', decade));
  const naiveReport = reportBaseline(db);
  const reportBase = await measure(BASELINE_RUNS, 2, () => naiveReport(decade.from, decade.to));
  core.close();
  db.close();
  const size = BANQUET_YEARS;
  const figures: Figure[] = [
    { name: 'banquets.calendar (month)', size, timing: calendar, baseline: calendarBase },
    { name: 'banquets.report (10 years)', size, timing: reports, baseline: reportBase },
  ];
  for (const figure of figures) {
    const ok = figure.timing.p95 <= BANQUET_TARGET_MS;
    log(
      `  ${figure.name}: p95 ${figure.timing.p95.toFixed(2)} ms — ${ok ? 'ok  ' : 'MISS'} p95 ≤ ${BANQUET_TARGET_MS} ms`,
    );
  }
  return figures;
}
