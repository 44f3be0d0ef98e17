import type { Database } from 'better-sqlite3';
import type { RankRule } from '../../../shared/contract/ranks.ts';
import type { Row } from '../changes/rows.ts';
import type { Logger } from '../context.ts';
import type { JobRunner, SliceClock, SliceProgress } from '../jobs/runner.ts';
import { createRankRows, RULES_SETTING, readRules } from './rank-rows.ts';
import { windowsOf } from './rules.ts';

// Keeps guest_ranks (local, derived) in step with what ranks are made of, on every PC:
//
// - A write: the stays, guests and manual ranks a transaction writes (through the write path or the apply path,
//   local or from another PC) name the guests whose rank may move; at the end of the transaction (settle, like
//   the search index) each of them is recomputed from its stored rows, in the same transaction.
// - A rule change (ranks.updateRules here, or the rules row arriving from another PC): every guest is recomputed,
//   as a job in slices with progress and cancel (`ranks.recompute`), guests in id order; writes meanwhile keep
//   their guests current with the new rules, and guests the scan has not reached yet keep their old rank until
//   it does. What the ranks were computed with is kept in meta (`guest_ranks_rules`), so a PC that stopped
//   mid-way, or started with rules that came in while it was off, recomputes at its next start.
// - The day: "the last N years" moves with the calendar, so a stay drops out of a window the day after it is
//   N years old. Only guests with a visit between yesterday's and today's window start can move, so a new day
//   recomputes just them (one range read on stays_visited_arrival), in one short transaction: at start, and by
//   a check every minute that notices the inn's day changed (midnight in the inn's zone, or a PC woken up the
//   next morning). meta `guest_ranks_day` is the day the ranks are for.

const RULES_KEY = 'guest_ranks_rules';
const DAY_KEY = 'guest_ranks_day';
/** Guests per unit of the full recompute: one range read each; a slice packs units until its time is used. */
const UNIT = 1000;
const DAY_CHECK_MS = 60_000;

export type RankKeeperOptions = {
  db: Database;
  logger: Logger;
  jobs: JobRunner;
  today: () => string;
  /** Runs `work` in one write transaction of the core (the write lock, then commit). */
  transact: (work: () => void) => void;
  /** Tells open screens that guest ranks changed (after a recompute or a new day). */
  announce: () => void;
};

export type RecomputeResult = { guests: number; ranked: number };

export function createRankKeeper(options: RankKeeperOptions) {
  const { db, logger, jobs, today } = options;
  const rows = createRankRows(db);
  let cachedRules: RankRule[] | undefined;
  const rules = () => {
    cachedRules ??= readRules(db, logger);
    return cachedRules;
  };
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const anyRank = db.prepare('SELECT 1 FROM guest_ranks LIMIT 1');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  // The guests one transaction's writes may have moved: recomputed once each at its end.
  const gathered = new Set<string>();
  const gather = (id: unknown) => {
    if (typeof id === 'string') gathered.add(id);
  };
  let running: Promise<RecomputeResult> | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let closed = false;

  const STAY_FIELDS = ['guest_id', 'status', 'amount_yen', 'arrival_date', 'deleted_at'] as const;

  function* recomputeAll(slice: SliceClock, used: RankRule[], day: string): Generator<SliceProgress, RecomputeResult> {
    const total = db.prepare('SELECT count(*) FROM guests').pluck().get() as number;
    let after = '';
    let done = 0;
    let ranked = 0;
    for (;;) {
      let finished = false;
      options.transact(() => {
        for (;;) {
          const unit = rows.recomputeRange(after, UNIT, used, day);
          after = unit.last;
          done += unit.count;
          if (unit.count < UNIT) {
            finished = true;
            setMeta.run(RULES_KEY, JSON.stringify(used));
            setMeta.run(DAY_KEY, day);
            return;
          }
          if (slice.due()) return;
        }
      });
      if (finished) break;
      yield { done, total: Math.max(total, done) };
    }
    ranked = db.prepare('SELECT count(*) FROM guest_ranks').pluck().get() as number;
    return { guests: done, ranked };
  }

  /** Runs the full recompute as a job, or joins the one running; runs again if the rules moved meanwhile. */
  const recompute = (): Promise<RecomputeResult> => {
    if (running) return running;
    const body = async (): Promise<RecomputeResult> => {
      for (;;) {
        const used = rules();
        const day = today();
        // Slices of 25 ms: half the commits of the default 12 ms, still well inside a keystroke's wait.
        const result = await jobs.run('ranks.recompute', (slice) => recomputeAll(slice, used, day), 0, {
          sliceMs: 25,
          background: true,
        });
        options.announce();
        if (closed || JSON.stringify(rules()) === JSON.stringify(used)) return result;
      }
    };
    running = body().finally(() => {
      running = undefined;
    });
    return running;
  };

  /** Recomputes the guests a day's move of the windows can change, in one transaction. */
  const advanceDay = (from: string, to: string) => {
    const current = rules();
    // No computed rank, nothing a day can move: only the note of the day (no write transaction for it).
    if (windowsOf(current).length === 0) {
      setMeta.run(DAY_KEY, to);
      return;
    }
    let moved = 0;
    options.transact(() => {
      for (const id of rows.guestsAtWindowEdges(current, from, to)) {
        if (rows.store(id, rows.compute(id, current, to), rows.stored(id))) moved++;
      }
      setMeta.run(DAY_KEY, to);
    });
    if (moved > 0) options.announce();
  };

  /**
   * Brings the ranks up to date with the rules and the day: a full recompute when the rules differ from those
   * the ranks were computed with (or none were), else the day's edge guests when the day moved.
   */
  const ensureCurrent = (): Promise<RecomputeResult> | undefined => {
    if (closed) return undefined;
    if (running) return running;
    const used = meta.get(RULES_KEY) as string | undefined;
    const wanted = JSON.stringify(rules());
    // A register with no rules and no ranks (a new one, or an inn that does not rank): nothing to recompute.
    if (used === undefined && wanted === '[]' && !anyRank.get()) setMeta.run(RULES_KEY, wanted);
    else if (used !== wanted) {
      const job = recompute();
      job.catch((error: unknown) => logger.warn(`guest ranks were not recomputed: ${String(error)}`));
      return job;
    }
    const day = meta.get(DAY_KEY) as string | undefined;
    const now = today();
    if (day !== now) advanceDay(day ?? now, now);
    return undefined;
  };

  return {
    /** The rules as stored (cached until the rules row is written). */
    rules,
    rows,
    /** Row hooks, registered on the change engine for these tables (create-core.ts). */
    onStay(before: Row | undefined, after: Row) {
      if (before && STAY_FIELDS.every((field) => before[field] === after[field])) return;
      gather(before?.guest_id);
      gather(after.guest_id);
    },
    onGuest(before: Row | undefined, after: Row) {
      if (!before || before.deleted_at !== after.deleted_at) gather(after.id);
    },
    onManualRank(_before: Row | undefined, after: Row) {
      gather(after.guest_id);
    },
    onSetting(_before: Row | undefined, after: Row) {
      if (after.id === RULES_SETTING) cachedRules = undefined;
    },
    /** End of a transaction: the gathered guests recomputed and written, still inside it. */
    settle() {
      if (gathered.size === 0) return;
      const current = rules();
      // No rules, no ranks (the recompute after the rules were emptied clears what was there): an inn that does not
      // rank pays nothing on its writes (a 100,000-row ledger import).
      if (current.length === 0) {
        gathered.clear();
        return;
      }
      const day = today();
      for (const id of gathered) rows.store(id, rows.compute(id, current, day), rows.stored(id));
      gathered.clear();
    },
    discard() {
      gathered.clear();
      // The rules row may have been rolled back with the transaction.
      cachedRules = undefined;
    },
    recompute,
    ensureCurrent,
    /** Starts the minute check for a new day (not in tests that drive the clock themselves). */
    start() {
      ensureCurrent();
      timer = setInterval(() => {
        try {
          ensureCurrent();
        } catch (error) {
          logger.warn(`guest ranks were not brought to the new day: ${String(error)}`);
        }
      }, DAY_CHECK_MS);
      timer.unref?.();
    },
    close() {
      closed = true;
      if (timer) clearInterval(timer);
    },
  };
}

export type RankKeeper = ReturnType<typeof createRankKeeper>;
