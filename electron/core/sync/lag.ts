import type { SyncLog } from './session-terms.ts';

// How many transactions a peer still lacks: what the screen shows beside each PC ("sending 1,234"), asked every
// second or two while a sync runs. Counting an inn's whole log each time (1.2 million transactions when a new
// PC joins a 100,000-guest inn) took 80-100 ms, in the thread that answers staff's searches. So a large count
// moves by the ranges acknowledged and added since it was last made.
//
// The ranges miss one thing: a repair (a digest disagreed) can fill a hole below the stamp already counted.
// So a large count is made whole again now and then, in steps of RECOUNT_STEP transactions, one step per
// call (1-2 ms at 100,000 guests): counted whole at once, that recount held staff's searches for 80-100 ms
// once a minute. While it walks, the ranges keep the count; when it is through, it takes over, moved by the
// ranges acknowledged and added since it began.

/** A count is made whole again this long after the last one (more, since a recount takes several calls). */
export const RECOUNT_EVERY_MS = 60_000;
/** Transactions a recount reads per call. */
export const RECOUNT_STEP = 10_000;

type Counted = {
  /** The peer acknowledged up to `after`; this PC held up to `upTo`; `count` transactions between them. */
  after: number;
  upTo: number;
  count: number;
  /** When it was last counted whole. */
  at: number;
  recount?: Recount;
};

/**
 * A whole count under way over (after, upTo] as they were when it began: `sum` counted through `cursor`, and
 * what the ranges moved since (`acked` left the count, `added` joined it), to take it over when it is through.
 */
type Recount = {
  after: number;
  upTo: number;
  cursor: number;
  sum: number;
  acked: number;
  added: number;
  startedAt: number;
};

export function createLagCounter(
  log: Pick<SyncLog, 'states' | 'countAfter' | 'countBetween' | 'countStep'>,
  options: { exactBelow: number; now: () => number; recountStep?: number },
) {
  const recountStep = options.recountStep ?? RECOUNT_STEP;
  const counted = new Map<string, Counted>();

  const countOrigin = (node: string, after: number, upTo: number): number => {
    const last = counted.get(node);
    const byRanges = last !== undefined && last.count >= options.exactBelow && after >= last.after && upTo >= last.upTo;
    if (!byRanges) {
      const count = log.countAfter(node, after);
      counted.set(node, { after, upTo, count, at: options.now() });
      return count;
    }
    // What left the count (the peer acknowledged it) and what joined it (this PC took it in) since last time.
    const acked = log.countBetween(node, last.after, after);
    const added = log.countBetween(node, last.upTo, upTo);
    const next: Counted = { after, upTo, count: Math.max(0, last.count - acked + added), at: last.at };
    let recount = last.recount && {
      ...last.recount,
      acked: last.recount.acked + acked,
      added: last.recount.added + added,
    };
    if (!recount && options.now() - last.at >= RECOUNT_EVERY_MS) {
      recount = { after, upTo, cursor: after, sum: 0, acked: 0, added: 0, startedAt: options.now() };
    }
    if (recount) {
      const step = log.countStep(node, recount.cursor, recount.upTo, recountStep);
      recount.sum += step.count;
      recount.cursor = step.through;
      if (recount.cursor >= recount.upTo) {
        next.count = Math.max(0, recount.sum - recount.acked + recount.added);
        next.at = recount.startedAt;
      } else next.recount = recount;
    }
    counted.set(node, next);
    return next.count;
  };

  return {
    /** What the peer lacks, given what it acknowledged per origin. */
    count(acked: ReadonlyMap<string, number>): number {
      let total = 0;
      for (const { node, upTo } of log.states()) total += countOrigin(node, acked.get(node) ?? 0, upTo);
      return total;
    },
  };
}
