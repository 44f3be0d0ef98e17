import type { Database } from 'better-sqlite3';
import type { Row } from '../changes/rows.ts';
import type { Logger } from '../context.ts';
import type { JobRunner, SliceClock, SliceProgress } from '../jobs/runner.ts';
import type { DayCounts } from './arrivals.ts';

// Keeps manager_days (local, derived, migration 13) in step with the stays, on every PC, so the overview sums a
// period's day rows (≈365 a year) instead of reading every arrival and seeking each one's earlier visit:
//
// - A day row holds the visits arriving that day, how many of them are their guest's first visit (no visit of
//   the guest on an earlier day: what the reference SQL's RETURNING, arrivals.ts, says is not returning) and
//   their amount. Whether a visit is a first depends on the guest's other visits, so a write to one stay can
//   move another day's figure (an earlier stay inserted, cancelled, deleted or moved; a merge (名寄せ) moving
//   stays from one guest to another). So the unit of change is the guest: at the end of a transaction (local
//   write or rows applied from another PC), each guest whose stays it touched has its contribution before the
//   transaction taken off and its contribution now added. "Before" is the guest's visits now with each stay the
//   transaction wrote put back as it was when the transaction first touched it (the row hooks' `before`).
// - Built as a job (`manager.days`), guests in id order, when the table is missing or was made by another
//   VERSION; meta `manager_days` is `<version>` when whole, `<version>:<last guest done>` while building. A write
//   meanwhile keeps the guests the job has passed current; the others are read by the job when it reaches them.
//   Until it is whole, the overview counts from the stays (the reference SQL): slower, the same answer.
//
// Each row is also under the guest's rank today (guest_ranks, '' for none), for the revenue by rank: when the rank
// keeper changes a guest's stored rank (a write, a rule change's recompute, a new day), it says so first
// (onRank), and the guest's visits move from the old rank's rows to the new one's at the transaction's end.
//
// Guest erasure keeps stays, a guest's deletion does not touch them, and neither changes a figure here (a deleted
// guest loses their rank, which moves their visits to '').

export const DAY_TOTALS_VERSION = 1;
const META_KEY = 'manager_days';
/** Guests per unit of the build; a slice packs units until its time is used. */
const UNIT = 2000;

const VISITED = `deleted_at IS NULL AND status IN ('in_house', 'departed')`;
const STAY_FIELDS = ['guest_id', 'status', 'amount_yen', 'arrival_date', 'deleted_at'] as const;

type Visit = { day: string; yen: number };
type Original = { guestId: string; visit: Visit | null };

const visitOf = (row: Row | undefined): Visit | null =>
  row && row.deleted_at == null && (row.status === 'in_house' || row.status === 'departed')
    ? { day: String(row.arrival_date), yen: Number(row.amount_yen ?? 0) }
    : null;

type Cell = { day: string; rank: string; arrivals: number; firsts: number; yen: number };

/** Per day, under the guest's rank: arrivals, firsts and yen of one guest's visits. */
function contribution(visits: readonly Visit[], rank: string, sign: 1 | -1, into: Map<string, Cell>) {
  if (visits.length === 0) return;
  let first = visits[0]?.day as string;
  for (const visit of visits) if (visit.day < first) first = visit.day;
  for (const visit of visits) {
    const key = `${visit.day}\u0000${rank}`;
    const cell = into.get(key) ?? { day: visit.day, rank, arrivals: 0, firsts: 0, yen: 0 };
    cell.arrivals += sign;
    if (visit.day === first) cell.firsts += sign;
    cell.yen += sign * visit.yen;
    into.set(key, cell);
  }
}

export type DayTotalsOptions = {
  db: Database;
  logger: Logger;
  jobs: JobRunner;
  /** Runs `work` in one write transaction of the core (the write lock, then commit). */
  transact: (work: () => void) => void;
};

export function createDayTotals(options: DayTotalsOptions) {
  const { db, logger, jobs } = options;
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const visitsOf = db.prepare(`SELECT id, arrival_date AS day, amount_yen AS yen FROM stays
    WHERE guest_id = ? AND ${VISITED}`);
  const add = db.prepare(`INSERT INTO manager_days (day, rank, arrivals, firsts, yen)
    VALUES (@day, @rank, @arrivals, @firsts, @yen)
    ON CONFLICT (day, rank) DO UPDATE SET arrivals = arrivals + excluded.arrivals, firsts = firsts + excluded.firsts,
      yen = yen + excluded.yen`);
  const dropEmpty = db.prepare('DELETE FROM manager_days WHERE day = @day AND rank = @rank AND arrivals = 0');
  // Guests whose rank alone moved (a rule change's recompute moves tens of thousands): every visit of each leaves
  // the rank it was under for the rank now, in one statement over the lot (a JSON list of [guest, rank before]).
  // A visit query and a few upserts per guest made this four fifths of a recompute's time.
  const moveRanks = db.prepare(`WITH moved AS (SELECT value ->> 0 AS guest_id, value ->> 1 AS before FROM json_each(?)),
    visits AS (
      SELECT m.guest_id, m.before, s.arrival_date AS day, s.amount_yen AS yen,
             min(s.arrival_date) OVER (PARTITION BY s.guest_id) AS first
        FROM moved m JOIN stays s INDEXED BY stays_visited_guest ON s.guest_id = m.guest_id
       WHERE s.deleted_at IS NULL AND s.status IN ('in_house', 'departed')),
    sides AS (
      SELECT day, before AS rank, -1 AS sign, yen, first FROM visits
      UNION ALL
      SELECT v.day, coalesce(r.rank_name, ''), 1, v.yen, v.first FROM visits v
        LEFT JOIN guest_ranks r ON r.guest_id = v.guest_id)
    INSERT INTO manager_days (day, rank, arrivals, firsts, yen)
    SELECT day, rank, sum(sign), sum(sign * (day = first)), sum(sign * yen) FROM sides WHERE true GROUP BY day, rank
    ON CONFLICT (day, rank) DO UPDATE SET arrivals = arrivals + excluded.arrivals, firsts = firsts + excluded.firsts,
      yen = yen + excluded.yen
    RETURNING day, rank, arrivals`);
  const rankOf = db.prepare("SELECT coalesce((SELECT rank_name FROM guest_ranks WHERE guest_id = ?), '')").pluck();
  const nextUnitEnd = db.prepare(`SELECT max(guest_id) FROM (SELECT DISTINCT guest_id FROM stays
    WHERE guest_id > ? AND ${VISITED} ORDER BY guest_id LIMIT ${UNIT})`);
  // One unit of the build: the guests in (after, last], each visit's first-ness from its guest's earliest day,
  // under the guest's rank now.
  const addUnit = db.prepare(`INSERT INTO manager_days (day, rank, arrivals, firsts, yen)
    SELECT day, rank, count(*), sum(day = first), sum(yen) FROM (
      SELECT s.arrival_date AS day, coalesce(r.rank_name, '') AS rank, s.amount_yen AS yen,
             min(s.arrival_date) OVER (PARTITION BY s.guest_id) AS first
        FROM stays s LEFT JOIN guest_ranks r ON r.guest_id = s.guest_id
       WHERE s.guest_id > @after AND s.guest_id <= @last AND s.deleted_at IS NULL
         AND s.status IN ('in_house', 'departed'))
     WHERE true GROUP BY day, rank
    ON CONFLICT (day, rank) DO UPDATE SET arrivals = arrivals + excluded.arrivals, firsts = firsts + excluded.firsts,
      yen = yen + excluded.yen`);
  const readDays = db.prepare(`SELECT day, sum(arrivals) AS arrivals, sum(arrivals - firsts) AS returns,
      sum(yen) AS yen FROM manager_days
    WHERE day BETWEEN ? AND ? GROUP BY day HAVING sum(arrivals) <> 0 ORDER BY day`);
  const readRanks = db.prepare(`SELECT rank, sum(arrivals) AS stays, sum(yen) AS yen FROM manager_days
    WHERE day BETWEEN ? AND ? AND rank <> '' GROUP BY rank HAVING sum(arrivals) <> 0`);
  const anyVisit = db.prepare(`SELECT 1 FROM stays WHERE ${VISITED} LIMIT 1`);

  /** 'whole', the guest id the build has reached ('' at its start), or null (not begun or another version). */
  const state = (): 'whole' | string | null => {
    const value = meta.get(META_KEY) as string | undefined;
    if (value === String(DAY_TOTALS_VERSION)) return 'whole';
    const prefix = `${DAY_TOTALS_VERSION}:`;
    return value?.startsWith(prefix) ? value.slice(prefix.length) : null;
  };

  // What one transaction touched: each stay as it was when first touched, and the guests concerned.
  const originals = new Map<string, Original | null>();
  const guests = new Set<string>();
  /** The guests whose stays the transaction touched (the others in `guests` only changed rank). */
  const stayGuests = new Set<string>();
  /** Each guest whose rank the transaction changed: their rank before it. */
  const ranksThen = new Map<string, string>();
  let running: Promise<void> | undefined;
  let closed = false;

  function* build(slice: SliceClock): Generator<SliceProgress, void> {
    const total = db.prepare(`SELECT count(DISTINCT guest_id) FROM stays WHERE ${VISITED}`).pluck().get() as number;
    let done = 0;
    for (;;) {
      let finished = false;
      options.transact(() => {
        let after = state();
        if (after === 'whole') {
          finished = true;
          return;
        }
        if (after === null) {
          db.prepare('DELETE FROM manager_days').run();
          after = '';
        }
        for (;;) {
          const last = nextUnitEnd.pluck().get(after) as string | null;
          if (last === null) {
            setMeta.run(META_KEY, String(DAY_TOTALS_VERSION));
            finished = true;
            return;
          }
          addUnit.run({ after, last });
          done += UNIT;
          after = last;
          setMeta.run(META_KEY, `${DAY_TOTALS_VERSION}:${last}`);
          if (slice.due()) return;
        }
      });
      if (finished) return;
      yield { done: Math.min(done, total), total };
    }
  }

  return {
    /** The stays' row hook (write and apply paths). */
    onStay(before: Row | undefined, after: Row) {
      if (before && STAY_FIELDS.every((field) => before[field] === after[field])) return;
      if (!originals.has(after.id))
        originals.set(after.id, before ? { guestId: String(before.guest_id), visit: visitOf(before) } : null);
      for (const row of before ? [before, after] : [after]) {
        guests.add(String(row.guest_id));
        stayGuests.add(String(row.guest_id));
      }
    },
    /** Just before a guest's stored rank changes (ranks/rank-rows.ts): their visits move to the new rank. */
    onRank(guestId: string) {
      if (!ranksThen.has(guestId)) ranksThen.set(guestId, rankOf.get(guestId) as string);
      guests.add(guestId);
    },
    /** End of a transaction: each touched guest's contribution before it taken off, the one now added. */
    settle() {
      if (guests.size === 0) return;
      const reached = state();
      if (reached !== null) {
        const cells = new Map<string, Cell>();
        const rankOnly: Array<[string, string]> = [];
        for (const guestId of guests) {
          // The build has not reached this guest: it will read them as they are then.
          if (reached !== 'whole' && guestId > reached) continue;
          const rankThen = ranksThen.get(guestId);
          if (rankThen !== undefined && !stayGuests.has(guestId)) {
            rankOnly.push([guestId, rankThen]);
            continue;
          }
          const now = visitsOf.all(guestId) as Array<Visit & { id: string }>;
          const then: Visit[] = now.filter((visit) => !originals.has(visit.id));
          for (const original of originals.values())
            if (original?.visit && original.guestId === guestId) then.push(original.visit);
          const rankNow = rankOf.get(guestId) as string;
          contribution(then, ranksThen.get(guestId) ?? rankNow, -1, cells);
          contribution(now, rankNow, 1, cells);
        }
        for (const cell of cells.values()) {
          if (cell.arrivals === 0 && cell.firsts === 0 && cell.yen === 0) continue;
          add.run(cell);
          dropEmpty.run(cell);
        }
        if (rankOnly.length > 0) {
          const touched = moveRanks.all(JSON.stringify(rankOnly)) as Array<{
            day: string;
            rank: string;
            arrivals: number;
          }>;
          for (const cell of touched) if (cell.arrivals === 0) dropEmpty.run(cell);
        }
      }
      originals.clear();
      guests.clear();
      stayGuests.clear();
      ranksThen.clear();
    },
    discard() {
      originals.clear();
      guests.clear();
      stayGuests.clear();
      ranksThen.clear();
    },
    /** The period's arrivals and amount by guest rank today (ranked guests only), or null while not whole. */
    byRank(from: string, to: string): Array<{ rank: string; stays: number; yen: number }> | null {
      if (state() !== 'whole') return null;
      return readRanks.all(from, to) as Array<{ rank: string; stays: number; yen: number }>;
    },
    /** The period's days from the table, or null while it is not whole (the caller counts from the stays). */
    days(from: string, to: string): DayCounts[] | null {
      if (state() !== 'whole') return null;
      return readDays.all(from, to) as DayCounts[];
    },
    /** Starts the build when the table is not whole (a register with no visit is whole at once). */
    ensureBuilt(): Promise<void> | undefined {
      if (closed || running || state() === 'whole') return running;
      if (state() === null && !anyVisit.get()) {
        // Two local rows, no synced write: a plain transaction (no change-log header, no checkpoint scheduled).
        db.transaction(() => {
          db.prepare('DELETE FROM manager_days').run();
          setMeta.run(META_KEY, String(DAY_TOTALS_VERSION));
        })();
        return undefined;
      }
      running = jobs.run('manager.days', build, 0, { sliceMs: 25, background: true }).finally(() => {
        running = undefined;
      });
      running.catch((error: unknown) => logger.warn(`the manager's day totals were not built: ${String(error)}`));
      return running;
    },
    close() {
      closed = true;
    },
  };
}

export type DayTotals = ReturnType<typeof createDayTotals>;
