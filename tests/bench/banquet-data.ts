import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { followUpDates, followUpId } from '../../electron/core/banquets/follow-up-dates.ts';
import { derivedId } from '../../electron/core/changes/derived-id.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { generateGuestStream, seededRandom } from '../../electron/core/demo/generate.ts';
import { createSearchIndex } from '../../electron/core/guests/search-index.ts';
import { BANQUET_TYPES, type BanquetType, LOST_REASONS, type Stage } from '../../shared/contract/banquets.ts';
import { addDays, addYears, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { BENCH_DIR, SEED } from './build-database.ts';
import { type Call, createDraws, DAY_MS, dayMs, uuidv7At, weighted } from './service-common.ts';
import { dropStatistics } from './statistics.ts';
import { benchWriter } from './writes.ts';

// The banquet benchmark's database: ten years of banquet sales ending today, in a file of its own
// (.bench/banquets-10y-<hash>.sqlite; the hash covers today and the sources below, so it is rebuilt when
// either changes: a few seconds). 3,000 organisers (written through the write path, with their change log
// and search rows), 8 halls, and ~40,000 deals: ~19 a day in December, ~11 in spring and autumn, ~6 in
// summer. Past deals are held (~58 %), lost (~31 %, with a reason and one of 15 competitors nearby),
// cancelled (~6 %) or left as inquiries; the next three months hold open deals. Each deal has its stage rows
// and, once over, its follow-up calls. No two deals holding halls clash: each day's halls and time slots are
// handed out in turn, and a deal finding none free is lost for want of a date (as it would be).
// Everything goes through the write path, logged, at the time it happened (writes.ts): the organisers as
// one import ten years back, the halls, then each deal as banquets.create (the deal and its inquiry) and
// banquets.advance for each later stage (with its follow-up calls when it ends); the deal's current stage
// is derived from its timeline, as in the app. Deterministic for the seed and the day.

export const BANQUET_YEARS = 10;
const ORGANISERS = 3_000;
const AHEAD_DAYS = 90;
/** Average deals per day, scaled by the month's weight below: ~40,000 over ten years. */
const DEALS_PER_DAY = 10.6;
/** Dec busiest (year-end parties), Jan new-year parties, Mar–Apr farewells, summer quiet. */
const MONTH_WEIGHT = [1.4, 0.9, 1.2, 1.1, 0.9, 0.8, 0.6, 0.6, 0.9, 1.0, 1.2, 1.8];

const HALLS: Array<[string, number, number, number]> = [
  ['松の間', 60, 80, 90],
  ['竹の間', 30, 40, 40],
  ['梅の間', 20, 0, 24],
  ['萩の間', 12, 0, 16],
  ['桜の間', 40, 50, 60],
  ['楓の間', 24, 30, 30],
  ['菊の間', 16, 0, 20],
  ['鳳凰の間', 120, 150, 180],
];
const SLOTS: Array<[string, string]> = [
  ['11:30', '14:00'],
  ['17:30', '20:00'],
];
export const COMPETITORS = [
  'ホテル松風',
  '料亭 花月',
  '旅館 白鷺',
  '割烹 みやび',
  '湯元 つるや',
  'グランドホテル城山',
  '川魚料理 やなせ',
  '迎賓館 翠明',
  '温泉旅館 かじか荘',
  'レストラン ル・リヴァージュ',
  '中華 桃園',
  '会席 いしだ',
  'ホテルサンパレス',
  '公民館',
  '料理旅館 福寿',
];
const TYPE_WEIGHT: Record<BanquetType, number> = {
  bonenkai: 0,
  shinnenkai: 0,
  farewell: 2,
  memorial: 3,
  wedding: 0.6,
  meeting: 3,
  social: 3,
  other: 1,
};
const PEOPLE: Record<BanquetType, [number, number]> = {
  bonenkai: [12, 80],
  shinnenkai: [12, 60],
  farewell: [10, 50],
  memorial: [6, 24],
  wedding: [30, 120],
  meeting: [8, 60],
  social: [10, 80],
  other: [6, 30],
};

const SOURCES = [
  'tests/bench/banquet-data.ts',
  'tests/bench/service-common.ts',
  'tests/bench/writes.ts',
  'electron/core/banquets/follow-up-dates.ts',
  'electron/core/banquets/current-stage.ts',
  'electron/core/banquets/invariants.ts',
  'electron/core/demo/generate.ts',
];
/** The schema and the write path decide the bytes too: every file under these. */
const SOURCE_DIRS = ['db', 'electron/core/changes'];

export function banquetFile(today: string): string {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = [...SOURCES];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.ts')) files.push(path.join(dir, entry.name));
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  const hash = createHash('sha256').update(`${today} ${LATEST_VERSION} 2`);
  for (const source of files.sort()) hash.update(source).update(readFileSync(path.join(root, source)));
  return path.join(BENCH_DIR, `banquets-10y-${hash.digest('hex').slice(0, 8)}.sqlite`);
}

export type BanquetBuild = { file: string; built: boolean; seconds: number; bytes: number; today: string };

/** The banquet database for deals ending `today` (default: today here), built first if missing or asked. */
export function ensureBanquetDatabase(options: {
  rebuild: boolean;
  log: (line: string) => void;
  today?: string;
}): BanquetBuild {
  const today = options.today ?? localDate(Date.now(), DEFAULT_TIME_ZONE);
  const file = banquetFile(today);
  if (existsSync(file) && !options.rebuild) {
    if (dropStatistics(file)) options.log('  dropped the planner statistics an older build gathered (statistics.ts)');
    return { file, built: false, seconds: 0, bytes: statSync(file).size, today };
  }
  for (const name of existsSync(BENCH_DIR) ? readdirSync(BENCH_DIR) : []) {
    if (name.startsWith('banquets-10y-')) rmSync(path.join(BENCH_DIR, name), { force: true });
  }
  const started = performance.now();
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const db = openDatabase(building);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const counts = writeBanquetData(db, today);
  db.pragma('journal_mode = WAL');
  options.log(
    `  ${Object.entries(counts)
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  renameSync(building, file);
  return { file, built: true, seconds: (performance.now() - started) / 1000, bytes: statSync(file).size, today };
}

function writeBanquetData(db: ReturnType<typeof openDatabase>, today: string) {
  const nodeId = openNodeIdentity(db).nodeId;
  const counts: Record<string, number> = {};
  const count = (table: string, n = 1) => {
    counts[table] = (counts[table] ?? 0) + n;
  };
  const calls: Call[] = [];
  const createdAt = new Date(dayMs(addYears(today, -BANQUET_YEARS)) - 60 * DAY_MS).toISOString();
  // Staff, organisers and halls are on file before the first deal's inquiry (up to 120 days before its day).
  const opened = dayMs(addYears(today, -BANQUET_YEARS)) - 150 * DAY_MS;
  const staffIds = ['女将 山田', '宴会 佐藤', '宴会 鈴木', '支配人 高橋', '営業 田中'].map((name, i) => {
    const id = `0190a000-0000-7000-8000-00000000000${i}`;
    calls.push({
      t: opened - DAY_MS + i,
      name: 'staff.create',
      staff: null,
      write: (session) => session.writeRow('staff', id, { name, reading: '', active: true, created_at: session.now() }),
    });
    return id;
  });
  // Organisers: generated guests, imported as one batch (their companions linked), with their search rows.
  const generated = [...generateGuestStream(ORGANISERS, { seed: SEED + 9, now: dayMs(today) })];
  const idRandom = seededRandom(SEED + 11);
  const organisers = generated.map(() => uuidv7At(opened - DAY_MS / 2, idRandom));
  calls.push({
    t: opened - DAY_MS / 2,
    name: 'bench.import',
    staff: staffIds[0] as string,
    write: (session) => {
      generated.forEach(({ companion, ...guest }, i) => {
        const id = organisers[i] as string;
        session.writeRow('guests', id, { ...guest, created_at: session.now() });
        const of = companion ? organisers[companion.of] : undefined;
        if (companion && of) {
          session.writeRow('guest_links', derivedId('guest_link', ...[of, id].sort()), {
            guest_id: of,
            companion_id: id,
            relationship: companion.relationship,
            created_at: session.now(),
          });
        }
      });
    },
  });
  count('guests', ORGANISERS);

  const draws = createDraws(SEED + 10);
  const { random, newId, pick, chance } = draws;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const hallIds = HALLS.map(() => newId(dayMs(createdAt.slice(0, 10))));
  HALLS.forEach(([name, seated, standing, theatre], i) => {
    calls.push({
      t: opened + i,
      name: 'halls.create',
      staff: staffIds[0] as string,
      write: (session) =>
        session.writeRow('halls', hallIds[i] as string, {
          name,
          capacity_seated: seated,
          capacity_standing: standing,
          capacity_theatre: theatre,
          combinable_with: i === 0 ? [hallIds[1]] : i === 1 ? [hallIds[0]] : [],
          note: '',
          sort_order: i + 1,
          created_at: session.now(),
        }),
    });
  });
  count('halls', HALLS.length);
  const followUpIds = new Set<string>();

  const otherType = weighted(random, BANQUET_TYPES, (t) => TYPE_WEIGHT[t]);
  const typeFor = (month: number): BanquetType => {
    if (month === 12 && chance(0.7)) return 'bonenkai';
    if (month === 1 && chance(0.5)) return 'shinnenkai';
    if ((month === 3 || month === 4) && chance(0.4)) return 'farewell';
    return otherType();
  };
  const pastStage = weighted<[Stage, number]>(
    random,
    [
      ['held', 58],
      ['lost', 31],
      ['cancelled', 6],
      ['inquiry', 2],
      ['proposal', 3],
    ],
    ([, w]) => w,
  );
  const futureStage = weighted<[Stage, number]>(
    random,
    [
      ['inquiry', 25],
      ['proposal', 25],
      ['provisional', 20],
      ['confirmed', 25],
      ['lost', 3],
      ['cancelled', 2],
    ],
    ([, w]) => w,
  );
  const lostReason = weighted(random, LOST_REASONS, (r) => (r === 'price' ? 5 : r === 'date_unavailable' ? 4 : 1));
  const competitor = weighted(random, COMPETITORS, (c) => 16 - COMPETITORS.indexOf(c));
  const stamp = (day: string, hour: number) => new Date(dayMs(day) + hour * 3_600_000).toISOString();

  const first = addYears(today, -BANQUET_YEARS);
  const last = addDays(today, AHEAD_DAYS);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const month = Number(day.slice(5, 7));
    const ahead = day > today ? Math.round((dayMs(day) - dayMs(today)) / DAY_MS) : 0;
    // Fewer deals are known the further ahead the day is.
    const expected = DEALS_PER_DAY * (MONTH_WEIGHT[month - 1] ?? 1) * (ahead > 0 ? 1 - ahead / (AHEAD_DAYS + 30) : 1);
    const deals = Math.round(expected * (0.7 + 0.6 * random()));
    // Free hall slots of the day, handed out in turn to the deals holding a hall.
    const free = new Set(HALLS.flatMap((_, h) => SLOTS.map((_, s) => `${h}:${s}`)));
    for (let k = 0; k < deals; k++) {
      const type = typeFor(month);
      let stage = ahead > 0 ? futureStage()[0] : pastStage()[0];
      const [low, high] = PEOPLE[type];
      let people = between(low, high);
      const occupying = stage === 'provisional' || stage === 'confirmed' || stage === 'held';
      // The smallest free hall that seats the party (a slot of the one taken if it holds the hall).
      const fits = [...free]
        .map((key) => key.split(':').map(Number) as [number, number])
        .filter(([h]) => (HALLS[h]?.[1] ?? 0) >= people)
        .sort(([a], [b]) => (HALLS[a]?.[1] ?? 0) - (HALLS[b]?.[1] ?? 0));
      let spot = fits[0];
      if (occupying && !spot) {
        stage = 'lost'; // no hall free that day
      }
      if (!spot) {
        const h = between(0, HALLS.length - 1);
        spot = [h, between(0, SLOTS.length - 1)];
        people = Math.min(people, HALLS[h]?.[1] ?? people);
      }
      if (stage === 'provisional' || stage === 'confirmed' || stage === 'held') free.delete(`${spot[0]}:${spot[1]}`);
      const [hall, slot] = spot;
      const [start, end] = SLOTS[slot] as [string, string];
      const price = pick([5_000, 6_000, 7_000, 8_000, 10_000, 12_000, 15_000]);
      const estimate = people * (price + (type === 'memorial' || type === 'meeting' ? 0 : 2_500));
      const lost = stage === 'lost';
      const reason = lost ? (fits.length === 0 && occupying ? 'date_unavailable' : lostReason()) : null;
      const rival = lost ? competitor() : '';
      const dateOfDeath =
        type === 'memorial' && chance(0.8)
          ? addYears(addDays(day, between(0, 30)), -pick([1, 2, 6, 12, 16, 22, 26, 32]))
          : null;
      // The timeline: inquiry one to four months ahead (never after today), then on to the stage.
      const inquiry = (() => {
        const d = addDays(day, -between(20, 120));
        return d > today ? addDays(today, -between(0, 14)) : d;
      })();
      const path: Stage[] =
        stage === 'inquiry'
          ? ['inquiry']
          : stage === 'proposal'
            ? ['inquiry', 'proposal']
            : stage === 'provisional'
              ? ['inquiry', 'proposal', 'provisional']
              : stage === 'confirmed'
                ? ['inquiry', 'proposal', 'confirmed']
                : stage === 'held'
                  ? ['inquiry', 'proposal', 'confirmed', 'held']
                  : ['inquiry', 'proposal', stage];
      const closedOn = stage === 'held' ? addDays(day, 1) : day < today ? addDays(day, -between(1, 10)) : today;
      const lastDay = closedOn > today ? today : closedOn < inquiry ? inquiry : closedOn;
      const span = Math.round((dayMs(lastDay) - dayMs(inquiry)) / DAY_MS);
      const steps = path.map((s, i) => ({
        stage: s,
        at: stamp(addDays(inquiry, Math.floor((span * i) / Math.max(1, path.length - 1))), 10 + i),
      }));
      const stageAt = (steps.at(-1) as { at: string }).at;
      const holdExpiresOn = stage === 'provisional' ? addDays(today, between(-2, 21)) : null;
      const note = lost ? '他館に決定' : stage === 'cancelled' ? '催し中止' : '';
      const id = newId(dayMs(steps[0]?.at.slice(0, 10) ?? day));
      const organiser = organisers[Math.floor(random() * organisers.length)] as string;
      const dealStaff = pick(staffIds);
      const deal = {
        organiser_id: organiser,
        group_name: `${type} ${day}`,
        type,
        date: day,
        start_time: start,
        end_time: end,
        hall_ids: [hallIds[hall]],
        layout: 'seated',
        headcount: people,
        price_per_head_yen: price,
        drinks_plan: type === 'memorial' || type === 'meeting' ? '' : '飲み放題（2時間）',
        estimate_yen: estimate,
        deposit_yen: occupying ? Math.round(estimate / 10 / 1000) * 1000 : 0,
        staff_id: dealStaff,
        note: '',
        deceased_name: type === 'memorial' ? '故人' : '',
        date_of_death: dateOfDeath,
      };
      count('banquets');
      // The timeline: the inquiry with the deal (banquets.create), each later stage by banquets.advance; the
      // current stage on the deal row follows from it (derived, never written).
      steps.forEach((step, i) => {
        const final = i === steps.length - 1;
        const stageId = newId(dayMs(step.at.slice(0, 10)));
        const stage = {
          banquet_id: id,
          stage: step.stage,
          staff_id: pick(staffIds),
          hold_expires_on: step.stage === 'provisional' ? holdExpiresOn : null,
          lost_reason: final ? reason : null,
          competitor: final ? rival : '',
          note: final ? note : '',
        };
        const followUps: Array<{ id: string; values: Record<string, unknown> }> = [];
        if (final && (stage.stage === 'held' || stage.stage === 'lost' || stage.stage === 'cancelled')) {
          for (const call of followUpDates({ type, date: day, dateOfDeath })) {
            const done = call.eventDate < today;
            newId(dayMs(stageAt.slice(0, 10))); // drawn as when follow-ups had drawn ids: the rest stays as it was
            const followUp = followUpId(organiser, call.kind, call.eventDate);
            const doneBy = done ? pick(staffIds) : null;
            // One call per guest, kind and day (the app does not write one already on record).
            if (followUpIds.has(followUp)) continue;
            followUpIds.add(followUp);
            followUps.push({
              id: followUp,
              values: {
                banquet_id: id,
                guest_id: organiser,
                kind: call.kind,
                due_date: call.dueDate,
                event_date: call.eventDate,
                memorial_year: call.memorialYear,
                status: done ? 'done' : 'open',
                done_at: done ? stamp(call.dueDate, 15) : null,
                done_by: doneBy,
                note: '',
              },
            });
            count('follow_ups');
          }
        }
        calls.push({
          t: Date.parse(step.at),
          name: i === 0 ? 'banquets.create' : 'banquets.advance',
          staff: stage.staff_id,
          write: (session) => {
            const now = session.now();
            if (i === 0) session.writeRow('banquets', id, { ...deal, created_at: now });
            session.writeRow('banquet_stages', stageId, { ...stage, at: now, created_at: now });
            for (const followUp of followUps) {
              session.writeRow('follow_ups', followUp.id, { ...followUp.values, created_at: now });
            }
          },
        });
      });
      count('banquet_stages', steps.length);
    }
  }
  // Everything in the order it happened, each call at its time.
  calls.sort((a, b) => a.t - b.t);
  const writer = benchWriter(db, nodeId, calls[0]?.t ?? 0);
  for (const call of calls) writer.run(call);
  writer.finish();
  db.transaction(() => createSearchIndex(db).rebuild())();
  counts.calls = writer.calls;
  return counts;
}

/** The December with the most deals holding a hall: the calendar's heaviest month. */
export function busiestDecember(db: ReturnType<typeof openDatabase>): { from: string; to: string } {
  const month = db
    .prepare(
      `SELECT substr(date, 1, 7) AS month FROM banquets
        WHERE substr(date, 6, 2) = '12' AND stage IN ('provisional', 'confirmed', 'held')
        GROUP BY month ORDER BY count(*) DESC, month LIMIT 1`,
    )
    .pluck()
    .get() as string;
  return { from: `${month}-01`, to: `${month}-31` };
}
