import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { createRunner } from '../../db/query.ts';
import { loadReport, monthsBetween, REPORT_STATEMENTS } from '../../electron/core/banquets/reports.ts';
import type { CoreContext } from '../../electron/core/context.ts';
import { BANQUET_TYPES, LOST_REASONS, STAGES } from '../../shared/contract/banquets.ts';
import { addDays } from '../../shared/text/dates.ts';
import { makeStaffedCore } from '../support/core.ts';

// The manager's reports: every figure checked on deals taken through the pipeline as staff take them, a
// property test against the obvious row-by-row grouping, and the query plans (ten years of deals must be
// grouped from the covering index, never by reading the table).

// biome-ignore lint/suspicious/noExplicitAny: call results are read loosely; the contract checks their shape.
type Loose = any;

const hanako = { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' };

type Deal = {
  type: (typeof BANQUET_TYPES)[number];
  date: string;
  estimateYen: number;
  /** Where the deal ends up: the stages on the way are taken in order. */
  path: Array<(typeof STAGES)[number]>;
  lostReason?: (typeof LOST_REASONS)[number];
  competitor?: string;
};

const DEALS: Deal[] = [
  { type: 'bonenkai', date: '2025-12-05', estimateYen: 300_000, path: ['proposal', 'confirmed', 'held'] },
  {
    type: 'bonenkai',
    date: '2025-12-12',
    estimateYen: 200_000,
    path: ['proposal', 'lost'],
    lostReason: 'price',
    // Typed with spaces: counted with the same competitor typed without.
    competitor: ' ホテル松風　',
  },
  { type: 'shinnenkai', date: '2025-01-10', estimateYen: 150_000, path: ['confirmed', 'held'] },
  {
    type: 'memorial',
    date: '2025-03-15',
    estimateYen: 80_000,
    path: ['lost'],
    lostReason: 'date_unavailable',
    competitor: 'ホテル松風',
  },
  { type: 'meeting', date: '2025-06-20', estimateYen: 50_000, path: ['proposal', 'confirmed'] },
  {
    type: 'wedding',
    date: '2025-10-04',
    estimateYen: 1_000_000,
    path: ['proposal', 'provisional', 'lost'],
    lostReason: 'price',
    competitor: '料亭 花月',
  },
  { type: 'social', date: '2025-07-07', estimateYen: 40_000, path: [] },
  { type: 'farewell', date: '2025-03-28', estimateYen: 60_000, path: ['proposal'] },
  { type: 'other', date: '2025-11-11', estimateYen: 30_000, path: ['proposal', 'cancelled'] },
  { type: 'farewell', date: '2025-04-04', estimateYen: 70_000, path: ['provisional'] },
  // Outside the range 2025: never counted.
  { type: 'bonenkai', date: '2024-12-20', estimateYen: 999_999, path: ['confirmed', 'held'] },
  {
    type: 'shinnenkai',
    date: '2026-01-09',
    estimateYen: 999_999,
    path: ['lost'],
    lostReason: 'cuisine',
    competitor: '旅館 白鷺',
  },
];

/** A core whose clock can be moved on: deals are taken in early 2024 and held once their day has passed. */
async function seededCore() {
  let now = new Date('2024-06-01T10:00:00').getTime();
  const test = await makeStaffedCore({ clock: () => now });
  const guest = await test.call('guests.create', { fields: hanako });
  const hall = await test.call('halls.create', {
    fields: { name: '松の間', capacity: { seated: 60, standing: 80, theatre: 90 } },
  });
  const ids: string[] = [];
  const held: Array<{ id: string; date: string }> = [];
  for (const deal of DEALS) {
    const { banquet } = await test.call('banquets.create', {
      fields: {
        organiserId: guest.id,
        type: deal.type,
        date: deal.date,
        startTime: '18:00',
        endTime: '20:30',
        hallIds: [hall.id],
        headcount: 20,
        pricePerHeadYen: 10_000,
        estimateYen: deal.estimateYen,
        groupName: `${deal.type} ${deal.date}`,
      },
    });
    ids.push(banquet.id);
    for (const stage of deal.path) {
      if (stage === 'held') {
        held.push({ id: banquet.id, date: deal.date });
        continue;
      }
      await test.call('banquets.advance', {
        id: banquet.id,
        stage,
        ...(stage === 'provisional' ? { holdExpiresOn: '2024-06-30' } : {}),
        ...(stage === 'lost' ? { lostReason: deal.lostReason, competitor: deal.competitor, note: '先方より連絡' } : {}),
        ...(stage === 'cancelled' ? { note: '催し自体が中止' } : {}),
      });
    }
  }
  // The day after the last banquet, the held ones are marked held.
  now = new Date('2026-02-01T10:00:00').getTime();
  for (const { id } of held) await test.call('banquets.advance', { id, stage: 'held' });
  return { ...test, ids };
}

const amount = (count: number, valueYen: number) => ({ count, valueYen });

describe('the banquet report over 2025', () => {
  let desk: Awaited<ReturnType<typeof seededCore>>;
  let report: Loose;
  beforeAll(async () => {
    desk = await seededCore();
    report = await desk.call('banquets.report', { from: '2025-01-01', to: '2025-12-31' });
  });

  test('the pipeline lists every stage in order with its count and value, zeros included', () => {
    expect(report.pipeline).toEqual([
      { stage: 'inquiry', ...amount(1, 40_000) },
      { stage: 'proposal', ...amount(1, 60_000) },
      { stage: 'provisional', ...amount(1, 70_000) },
      { stage: 'confirmed', ...amount(1, 50_000) },
      { stage: 'held', ...amount(2, 450_000) },
      { stage: 'lost', ...amount(3, 1_280_000) },
      { stage: 'cancelled', ...amount(1, 30_000) },
    ]);
  });

  test('won is confirmed and held; lost is lost (cancelled is neither)', () => {
    expect(report.outcomes).toEqual({ won: amount(3, 500_000), lost: amount(3, 1_280_000) });
  });

  test('lost by reason lists every reason in order; by competitor, trimmed, most deals first', () => {
    expect(report.lostByReason).toEqual(
      LOST_REASONS.map((reason) => ({
        reason,
        ...(reason === 'price'
          ? amount(2, 1_200_000)
          : reason === 'date_unavailable'
            ? amount(1, 80_000)
            : amount(0, 0)),
      })),
    );
    // ホテル松風 took two small deals, 料亭 花月 one large one: the count comes first.
    expect(report.lostByCompetitor).toEqual([
      { competitor: 'ホテル松風', ...amount(2, 280_000) },
      { competitor: '料亭 花月', ...amount(1, 1_000_000) },
    ]);
  });

  test('revenue by month: held banquets only, every month of the range', () => {
    expect(report.revenueByMonth.map((m: Loose) => m.month)).toEqual(monthsBetween('2025-01-01', '2025-12-31'));
    expect(report.revenueByMonth).toHaveLength(12);
    const nonZero = report.revenueByMonth.filter((m: Loose) => m.count > 0);
    expect(nonZero).toEqual([
      { month: '2025-01', ...amount(1, 150_000) },
      { month: '2025-12', ...amount(1, 300_000) },
    ]);
  });

  test('hit rate by type: won / (won + lost), null when nothing was decided', () => {
    const rates = Object.fromEntries(report.hitRateByType.map((r: Loose) => [r.type, [r.won, r.lost, r.rate]]));
    expect(report.hitRateByType.map((r: Loose) => r.type)).toEqual([...BANQUET_TYPES]);
    expect(rates).toEqual({
      bonenkai: [1, 1, 0.5],
      shinnenkai: [1, 0, 1],
      farewell: [0, 0, null],
      memorial: [0, 1, 0],
      wedding: [0, 1, 0],
      meeting: [1, 0, 1],
      social: [0, 0, null],
      other: [0, 0, null],
    });
  });

  test('a narrower range counts only its own days (both ends included)', async () => {
    const december = await desk.call('banquets.report', { from: '2025-12-05', to: '2025-12-12' });
    expect(december.pipeline.filter((p: Loose) => p.count > 0)).toEqual([
      { stage: 'held', ...amount(1, 300_000) },
      { stage: 'lost', ...amount(1, 200_000) },
    ]);
    expect(december.revenueByMonth).toEqual([{ month: '2025-12', ...amount(1, 300_000) }]);
    const empty = await desk.call('banquets.report', { from: '2030-01-01', to: '2030-01-31' });
    expect(empty.lostByCompetitor).toEqual([]);
    expect(empty.pipeline.every((p: Loose) => p.count === 0 && p.valueYen === 0)).toBe(true);
  });

  test('a tombstoned deal is not counted', async () => {
    // No call withdraws a deal yet; the tombstone is what one would leave.
    desk.db.prepare("UPDATE banquets SET deleted_at = '2026-02-01T00:00:00Z' WHERE id = ?").run(desk.ids[0]);
    const after = await desk.call('banquets.report', { from: '2025-01-01', to: '2025-12-31' });
    expect(after.pipeline.find((p: Loose) => p.stage === 'held')).toEqual({ stage: 'held', ...amount(1, 150_000) });
    desk.db.prepare('UPDATE banquets SET deleted_at = NULL WHERE id = ?').run(desk.ids[0]);
  });

  test('a range longer than ten years is refused (one asked for 1900 to 9999 and got 5 MB of empty months; 9999 is now out of range anyway)', async () => {
    const tooLong = {
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'to', code: 'range_over_ten_years' }] },
    };
    expect(await desk.core.call('banquets.report', { from: '1900-01-01', to: '2100-12-31' })).toEqual(tooLong);
    // Counted by month: to may fall in the month ten years after from's, so 121 months at most.
    expect(await desk.core.call('banquets.report', { from: '2016-01-31', to: '2026-02-01' })).toEqual(tooLong);
    const decade = await desk.call('banquets.report', { from: '2016-01-31', to: '2026-01-31' });
    expect(decade.revenueByMonth).toHaveLength(121);
    expect(decade.revenueByMonth.at(-1)).toMatchObject({ month: '2026-01' });
  });

  test('a range ending before it starts is refused as range_invalid', async () => {
    const result = await desk.core.call('banquets.report', { from: '2025-12-31', to: '2025-01-01' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('range_invalid');
  });
});

// ------------------------------------------------------------------------------------------------------------
// The report against the obvious way of computing it, on random deals written straight into the table.

const competitors = ['', ' ', 'ホテル松風', ' ホテル松風', '料亭 花月', '旅館 白鷺'];
const dealArbitrary = fc.record({
  date: fc.integer({ min: 0, max: 800 }).map((n) => addDays('2024-06-01', n)),
  stage: fc.constantFrom(...STAGES),
  type: fc.constantFrom(...BANQUET_TYPES),
  estimateYen: fc.integer({ min: 0, max: 2_000_000 }),
  lostReason: fc.constantFrom(...LOST_REASONS),
  competitor: fc.constantFrom(...competitors),
  deleted: fc.boolean(),
});
type RandomDeal = typeof dealArbitrary extends fc.Arbitrary<infer T> ? T : never;

function naiveReport(deals: RandomDeal[], from: string, to: string) {
  const inRange = deals.filter((d) => !d.deleted && d.date >= from && d.date <= to);
  const sum = (list: RandomDeal[]) =>
    amount(
      list.length,
      list.reduce((s, d) => s + d.estimateYen, 0),
    );
  const lost = inRange.filter((d) => d.stage === 'lost');
  const won = inRange.filter((d) => d.stage === 'confirmed' || d.stage === 'held');
  const names = [...new Set(lost.map((d) => d.competitor.trim()))];
  return {
    from,
    to,
    pipeline: STAGES.map((stage) => ({ stage, ...sum(inRange.filter((d) => d.stage === stage)) })),
    outcomes: { won: sum(won), lost: sum(lost) },
    lostByReason: LOST_REASONS.map((reason) => ({ reason, ...sum(lost.filter((d) => d.lostReason === reason)) })),
    lostByCompetitor: names
      .map((competitor) => ({ competitor, ...sum(lost.filter((d) => d.competitor.trim() === competitor)) }))
      .sort((a, b) => b.count - a.count || b.valueYen - a.valueYen || (a.competitor < b.competitor ? -1 : 1)),
    revenueByMonth: monthsBetween(from, to).map((month) => ({
      month,
      ...sum(inRange.filter((d) => d.stage === 'held' && d.date.startsWith(month))),
    })),
    hitRateByType: BANQUET_TYPES.map((type) => {
      const w = won.filter((d) => d.type === type).length;
      const l = lost.filter((d) => d.type === type).length;
      return { type, won: w, lost: l, rate: w + l > 0 ? w / (w + l) : null };
    }),
  };
}

/** A migrated database with no foreign-key checks: the rows name no guest, only what the report reads. */
function bareContext() {
  const db = openDatabase(':memory:');
  db.pragma('foreign_keys = OFF');
  const ctx = { db, run: createRunner(db) } as unknown as CoreContext;
  return { db, ctx };
}

test('the report equals grouping every deal row by row, for any deals and range', () => {
  fc.assert(
    fc.property(
      fc.array(dealArbitrary, { maxLength: 60 }),
      fc.integer({ min: 0, max: 800 }),
      fc.integer({ min: 0, max: 400 }),
      (deals, start, length) => {
        const { db, ctx } = bareContext();
        const insert = db.prepare(
          `INSERT INTO banquets (id, organiser_id, type, date, start_time, end_time, headcount, estimate_yen, stage,
                                 stage_at, lost_reason, competitor, created_at, updated_at, deleted_at)
           VALUES (?, 'g', ?, ?, '18:00', '20:00', 10, ?, ?, '2024-01-01', ?, ?, '2024-01-01', '2024-01-01', ?)`,
        );
        deals.forEach((d, i) => {
          const lost = d.stage === 'lost';
          insert.run(
            `b${i}`,
            d.type,
            d.date,
            d.estimateYen,
            d.stage,
            lost ? d.lostReason : null,
            lost ? d.competitor : '',
            d.deleted ? '2024-01-02' : null,
          );
        });
        const from = addDays('2024-06-01', start);
        const to = addDays(from, length);
        expect(loadReport(ctx, { from, to })).toEqual(naiveReport(deals, from, to));
        db.close();
      },
    ),
    { numRuns: 50 },
  );
});

test('months between two days include both ends, across a year end', () => {
  expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  expect(monthsBetween('2025-03-31', '2025-03-31')).toEqual(['2025-03']);
  expect(monthsBetween('2016-01-01', '2025-12-31')).toHaveLength(120);
});

function planOf(db: ReturnType<typeof openDatabase>, statement: string): string[] {
  return (
    db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all({ from: '2016-01-01', to: '2025-12-31' }) as Array<{
      detail: string;
    }>
  ).map((row) => row.detail);
}

test('every report statement reads a covering index in its grouping order, never the table', () => {
  const { db } = bareContext();
  db.exec('ANALYZE');
  for (const statement of Object.values(REPORT_STATEMENTS)) {
    const plan = planOf(db, statement);
    expect(
      plan.some((detail) => detail.includes('USING COVERING INDEX banquets_report')),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.filter((detail) => /\b(SCAN|SEARCH) banquets\b/.test(detail) && !detail.includes('COVERING INDEX')),
      plan.join('\n'),
    ).toEqual([]);
  }
  // Grouped in index order: no row is sorted (SQLite's sorter is what ten years of deals would cost).
  expect(planOf(db, REPORT_STATEMENTS.BY_STAGE_AND_TYPE)).toEqual([
    'SCAN banquets USING COVERING INDEX banquets_report_stage',
  ]);
  expect(planOf(db, REPORT_STATEMENTS.LOST)).toEqual([
    'SEARCH banquets USING COVERING INDEX banquets_report_lost (stage=?)',
  ]);
  expect(planOf(db, REPORT_STATEMENTS.HELD_BY_MONTH).join('; ')).toContain(
    'SEARCH banquets USING COVERING INDEX banquets_report (date>? AND date<?)',
  );
});
