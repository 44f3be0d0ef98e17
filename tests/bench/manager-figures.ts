import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { createRunner } from '../../db/query.ts';
import { loadReport } from '../../electron/core/banquets/reports.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import type { CoreContext } from '../../electron/core/context.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { allergyFigures, allergyParams } from '../../electron/core/manager/allergies.ts';
import { arrivalsByDay } from '../../electron/core/manager/arrivals.ts';
import { periodOf } from '../../electron/core/manager/period.ts';
import { MANAGER_VIEW_INDEXES } from '../../electron/core/manager/proposed-indexes.ts';
import { requestFigures } from '../../electron/core/manager/requests.ts';
import { createStaffRecords } from '../../electron/core/manager/staff-records.ts';
import { BENCH_DIR, databaseFile, ensureDatabase } from './build-database.ts';
import type { Figure } from './report.ts';
import { measure } from './stats.ts';

// The manager's view (manager.overview) for one year of the bench register (build-database.ts: 100,000 guests,
// ten years of stays, requests, allergies and servings, every row written through the write path), through
// core.call, p50/p95; first on the schema as it is, then with the indexes proposed for it
// (electron/core/manager/proposed-indexes.ts) added to a copy; beside a naive baseline in the same run: the
// year's rows loaded and counted in JavaScript. `node tests/bench/manager-figures.ts` runs it alone (100,000
// guests only; the issue's target, ≤ 200 ms, is at 1,000,000). Figures and what they say: docs/manager-view.md.

const SIZE = 100_000;
const RUNS = 20;
const BASELINE_RUNS = 3;
const PART_RUNS = 10;
export const MANAGER_TARGET_MS = 200;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const quiet = { info() {}, warn: console.warn, error: console.error };

/** The naive way: every stay, request, allergy and log header of the year loaded, then counted in JavaScript. */
function naiveOverview(db: Database) {
  const stays = db.prepare('SELECT guest_id, arrival_date, status, deleted_at, amount_yen FROM stays');
  const requests = db.prepare('SELECT category, status, created_at, handled_at FROM requests');
  const allergies = db.prepare('SELECT * FROM allergies');
  const log = db.prepare('SELECT staff, call, hlc FROM log_tx');
  return () => {
    const firstVisit = new Map<string, string>();
    const inYear: Array<{ guest_id: string; arrival_date: string; amount_yen: number }> = [];
    for (const stay of stays.all() as Array<{
      guest_id: string;
      arrival_date: string;
      status: string;
      deleted_at: string | null;
      amount_yen: number;
    }>) {
      if (stay.deleted_at || (stay.status !== 'in_house' && stay.status !== 'departed')) continue;
      const first = firstVisit.get(stay.guest_id);
      if (!first || stay.arrival_date < first) firstVisit.set(stay.guest_id, stay.arrival_date);
      if (stay.arrival_date >= YEAR.from && stay.arrival_date <= YEAR.to) inYear.push(stay);
    }
    let returning = 0;
    let yen = 0;
    for (const stay of inYear) {
      yen += stay.amount_yen;
      if ((firstVisit.get(stay.guest_id) ?? stay.arrival_date) < stay.arrival_date) returning++;
    }
    const byCategory = new Map<string, number[]>();
    for (const request of requests.all() as Array<{
      category: string;
      status: string;
      created_at: string;
      handled_at: string | null;
    }>) {
      if (request.created_at < YEAR.from || request.created_at >= '2026-01-01') continue;
      const list = byCategory.get(request.category) ?? [];
      if (request.status === 'done' && request.handled_at)
        list.push((Date.parse(request.handled_at) - Date.parse(request.created_at)) / 60_000);
      byCategory.set(request.category, list);
    }
    for (const list of byCategory.values()) list.sort((a, b) => a - b);
    const allergyCount = (allergies.all() as unknown[]).length;
    const perStaff = new Map<string, number>();
    const start = Date.parse(YEAR.from) * 2048;
    const end = Date.parse('2026-01-01') * 2048;
    for (const tx of log.all() as Array<{ staff: number | null; call: number; hlc: number }>) {
      if (tx.hlc < start || tx.hlc >= end) continue;
      const key = `${tx.staff}:${tx.call}`;
      perStaff.set(key, (perStaff.get(key) ?? 0) + 1);
    }
    return { arrivals: inYear.length, returning, yen, allergyCount, staff: perStaff.size };
  };
}

async function timeOverview(file: string, log: (line: string) => void, label: string) {
  const db = openDatabase(file);
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: quiet });
  const call = async () => {
    const result = await core.call('manager.overview', YEAR);
    if (!result.ok) throw new Error(`manager.overview failed: ${JSON.stringify(result.error)}`);
    return result.value as { totals: { arrivals: number; returning: number; staysYen: number } };
  };
  // Jobs the core starts on opening an older copy (the search index made with older keys, ranks) run in
  // slices between calls: the figure is timed once they are done, as on a PC where the app has been open.
  const waited = performance.now();
  for (;;) {
    const jobs = await core.call('jobs.list', {});
    if (!jobs.ok || (jobs.value as { jobs: unknown[] }).jobs.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  log(`  ${label}: waited ${((performance.now() - waited) / 1000).toFixed(1)} s for the jobs started on opening`);
  const first = await call();
  log(
    `  ${label}: ${first.totals.arrivals.toLocaleString('en')} arrivals, ${first.totals.returning.toLocaleString('en')} returning, ¥${first.totals.staysYen.toLocaleString('en')}`,
  );
  const timing = await measure(RUNS, 3, call);
  // Each part alone (the same functions the handler calls), to see which one costs what.
  const ctx = {
    db,
    run: createRunner(db),
    timeZone: () => 'Asia/Tokyo',
    today: () => '2026-01-01',
    logger: quiet,
  } as unknown as CoreContext;
  const period = periodOf(ctx, YEAR.from, YEAR.to);
  const staff = createStaffRecords(ctx);
  const parts: Record<string, number> = {};
  for (const [name, work] of Object.entries({
    'arrivals and returning by day': () => arrivalsByDay(ctx, YEAR.from, YEAR.to),
    'requests by category': () => requestFigures(ctx, period),
    allergies: () => allergyFigures(ctx, allergyParams(period, '2025-01-01')),
    'records per staff member': () => staff.figures(period),
    'banquet report': () => loadReport(ctx, YEAR),
  })) {
    parts[name] = (await measure(PART_RUNS, 1, work)).p50;
  }
  log(
    `  ${label}, p50 by part: ${Object.entries(parts)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
      .join(', ')}`,
  );
  core.close();
  db.close();
  return { timing, parts };
}

/**
 * The cached 100,000-guest register: the current one when it is there, else any earlier one (its copy is
 * migrated when opened; its rows are what counts here), else built (build-database.ts, minutes).
 */
function register(log: (line: string) => void): string {
  const name = /^bench-100000-.*\.sqlite$/;
  const cached = (() => {
    try {
      return readdirSync(BENCH_DIR).filter((file) => name.test(file));
    } catch {
      return [];
    }
  })();
  const current = databaseFile(SIZE);
  if (cached.includes(path.basename(current)) || cached.length === 0)
    return ensureDatabase(SIZE, { rebuild: false, log }).file;
  log(`  reusing the cached register ${cached[0]} (the current build's name is ${path.basename(current)})`);
  return path.join(BENCH_DIR, cached[0] as string);
}

/**
 * `npm run bench` passes the register it built for each size; alone, the cached 100,000-guest one. A copy is
 * timed (the proposed indexes are added to it), then removed.
 */
export async function managerFigures(
  log: (line: string) => void = console.log,
  given?: { file: string; size: number },
): Promise<Figure[]> {
  const file = given?.file ?? register(log);
  const size = given?.size ?? SIZE;
  // A copy up to 100,000 guests (seconds); the 1,000,000-guest file (17 GB) gets the indexes for the run and
  // loses them again after it (its ANALYZE statistics of them go with them).
  const copy = size <= SIZE;
  const scratch = copy ? file.replace(/\.sqlite$/, '.manager.sqlite') : file;
  if (copy) {
    const started = performance.now();
    copyFileSync(file, scratch);
    log(
      `  copied the ${size.toLocaleString('en')}-guest register in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  try {
    const plain = await timeOverview(scratch, log, 'schema as it is');
    const db = openDatabase(scratch);
    const baseline = await measure(BASELINE_RUNS, 1, naiveOverview(db));
    const indexing = performance.now();
    for (const statement of MANAGER_VIEW_INDEXES) db.exec(statement);
    db.exec('ANALYZE');
    log(`  proposed indexes made (and ANALYZE) in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
    db.close();
    const indexed = await timeOverview(scratch, log, 'with the proposed indexes');
    const figures: Figure[] = [
      { name: 'manager.overview (1 year)', size, timing: plain.timing, baseline },
      { name: 'manager.overview (1 year, proposed indexes)', size, timing: indexed.timing, baseline },
    ];
    for (const figure of figures) {
      log(
        `  ${figure.name}: p50 ${figure.timing.p50.toFixed(1)} ms, p95 ${figure.timing.p95.toFixed(1)} ms (naive p50 ${baseline.p50.toFixed(0)} ms); target at 1,000,000 guests p95 ≤ ${MANAGER_TARGET_MS} ms`,
      );
    }
    return figures;
  } finally {
    if (copy) for (const suffix of ['', '-wal', '-shm', '.node']) rmSync(scratch + suffix, { force: true });
    else {
      const db = openDatabase(scratch);
      for (const statement of MANAGER_VIEW_INDEXES) db.exec(`DROP INDEX IF EXISTS ${statement.split(' ')[5]}`);
      db.close();
    }
  }
}

if (import.meta.main) {
  const { printTable } = await import('./report.ts');
  printTable(await managerFigures(), console.log);
}
