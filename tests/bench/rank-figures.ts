import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { markSearchKeysCurrent } from '../../electron/core/guests/search-keys-version.ts';
import { rankFrom, windowStart, windowsOf } from '../../electron/core/ranks/rules.ts';
import type { RankRule } from '../../shared/contract/ranks.ts';
import { addDays } from '../../shared/text/dates.ts';
import type { Figure } from './report.ts';
import { summarize } from './stats.ts';

// 顧客ランク: every guest's rank recomputed after a rule change (issue 12: ≤ 30 s at 1,000,000 guests, in the
// core's worker with progress). Through the core's dispatch as the settings screen does it: ranks.updateRules,
// then the job it starts (awaited with ranks.recompute), each run with other thresholds so ranks really move.
// Its own register in a file (guests and stays alone: ranks read nothing else): `size` guests, 2.5 stays each on
// average over the last six years, 80 % of them visits, amounts ¥8,000 to ¥120,000.
//
// The baseline in the same run is the obvious way: a loop over the guests, one query per guest for its visits
// and spend per window, one write per guest, in one transaction (a long write lock, no progress, no cancel).
// `node tests/bench/rank-figures.ts` prints it at 100,000 guests; run.ts includes it at every size.

const RUNS = 3;
const TODAY = '2026-06-15';

const id = (prefix: string, n: number) => `0190${prefix}00-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A tiny deterministic generator (the figures must not change from one run to the next). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function register(file: string, size: number) {
  const db = openDatabase(file);
  const guest = db.prepare(
    `INSERT INTO guests (id, family_name, given_name, family_reading, given_reading, phones, email, postal_code, address,
       birthday, organization, note, marketing_consent, created_at, updated_at, last_activity_at)
     VALUES (?, '山田', '太郎', 'やまだ', 'たろう', '[]', '', '', '', '', '', '', 0, ?, ?, 0)`,
  );
  const stay = db.prepare(
    `INSERT INTO stays (id, guest_id, arrival_date, departure_date, rooms, amount_yen, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, '["101"]', ?, ?, ?, ?)`,
  );
  const next = random(20_261_203);
  const at = '2026-01-01T00:00:00.000Z';
  let stays = 0;
  db.transaction(() => {
    for (let n = 1; n <= size; n++) guest.run(id('0000', n), at, at);
    const total = Math.round(size * 2.5);
    for (let s = 1; s <= total; s++) {
      // Repeat guests are few and come often: a skewed pick of the guest.
      const g = 1 + Math.floor(size * next() ** 2);
      const arrival = addDays(TODAY, -Math.floor(next() * 6 * 365));
      const status = next() < 0.8 ? 'departed' : next() < 0.5 ? 'cancelled' : 'no_show';
      stay.run(
        id('0001', s),
        id('0000', g),
        arrival,
        addDays(arrival, 1),
        8000 + Math.floor(next() * 112_000),
        status,
        at,
        at,
      );
      stays++;
    }
  })();
  markSearchKeysCurrent(db);
  return { db, stays };
}

const rulesFor = (run: number): RankRule[] => [
  { name: 'VIP', manual: true, minVisits: null, minSpendYen: null, years: 1, combine: 'and' },
  { name: 'プラチナ', manual: false, minVisits: 5 + run, minSpendYen: 400_000, years: 3, combine: 'and' },
  { name: 'ゴールド', manual: false, minVisits: 3 + run, minSpendYen: 250_000, years: 3, combine: 'or' },
  { name: '常連', manual: false, minVisits: 2, minSpendYen: null, years: 5 - run, combine: 'and' },
];

/** The obvious way: a query per guest and window, a write per guest. */
function baseline(db: ReturnType<typeof openDatabase>, rules: RankRule[]): number {
  const guests = db.prepare('SELECT id FROM guests WHERE deleted_at IS NULL').pluck().all() as string[];
  const stats = db.prepare(
    `SELECT count(*) AS visits, coalesce(sum(amount_yen), 0) AS spend FROM stays
      WHERE guest_id = ? AND arrival_date >= ? AND deleted_at IS NULL AND status IN ('in_house', 'departed')`,
  );
  const manual = db.prepare('SELECT rank_name FROM guest_manual_ranks WHERE guest_id = ?').pluck();
  const write = db.prepare('INSERT OR REPLACE INTO guest_ranks (guest_id, rank_name, manual) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM guest_ranks WHERE guest_id = ?');
  const started = performance.now();
  db.transaction(() => {
    for (const guest of guests) {
      const windows = new Map<number, { visits: number; spend: number }>();
      for (const years of windowsOf(rules))
        windows.set(years, stats.get(guest, windowStart(TODAY, years)) as { visits: number; spend: number });
      const rank = rankFrom(rules, windows, (manual.get(guest) as string | undefined) ?? null);
      if (rank) write.run(guest, rank.name, rank.manual ? 1 : 0);
      else remove.run(guest);
    }
  })();
  return performance.now() - started;
}

export async function rankFigures(size = 100_000, log: (line: string) => void = console.log): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'yadocho-rank-bench-'));
  try {
    const started = performance.now();
    const { db, stays } = register(join(folder, 'ranks.sqlite'), size);
    log(
      `  guest rank: ${size.toLocaleString('en')} guests, ${stays.toLocaleString('en')} stays made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const clock = () => Date.parse(`${TODAY}T10:00:00+09:00`);
    const core = createCore({
      db,
      nodeId: openNodeIdentity(db).nodeId,
      clock,
      logger: { info() {}, warn() {}, error() {} },
    });
    const call = async (name: string, input: unknown) => {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as Record<string, unknown>;
    };
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    // Jobs the core starts on opening a register it has not seen (the manager's day totals over every stay) run
    // in slices between calls: the recompute is timed once they are done, as on a PC where the app has been open.
    const waited = performance.now();
    while (((await call('jobs.list', {})).jobs as unknown[]).length > 0)
      await new Promise((resolve) => setTimeout(resolve, 200));
    log(`  guest rank: waited ${((performance.now() - waited) / 1000).toFixed(1)} s for the jobs started on opening`);
    let events = 0;
    core.onProgress((progress) => {
      if (progress.kind === 'ranks.recompute') events++;
    });
    const samples: number[] = [];
    let ranked = 0;
    for (let run = 0; run < RUNS; run++) {
      const begun = performance.now();
      await call('ranks.updateRules', { rules: rulesFor(run) });
      ranked = (await call('ranks.recompute', {})).ranked as number;
      samples.push(performance.now() - begun);
    }
    log(
      `  guest rank: ${ranked.toLocaleString('en')} guests ranked, ${events} progress events over ${RUNS} runs; peak heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
    );
    core.close();
    const naive = baseline(db, rulesFor(RUNS));
    db.close();
    return [
      {
        name: 'ranks.recompute (after a rule change)',
        size,
        timing: summarize(samples),
        baseline: summarize([naive]),
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { printTable } = await import('./report.ts');
  printTable(await rankFigures(100_000), console.log);
}
