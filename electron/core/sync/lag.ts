import type { SyncLog } from './session-terms.ts';

// How many transactions a peer still lacks: what the screen shows beside each PC ("sending 1,234"), asked every
// second or two while a sync runs. Counting an inn's whole log each time (1.2 million transactions when a new
// PC joins a 100,000-guest inn) took over 100 ms, in the thread that answers staff's searches. So a large
// count moves by the ranges acknowledged and added since it was last made, and is made whole again now and
// then: a repair can fill a hole below the stamp already held, which the ranges would not see.

/** A count is made whole again at least this often. */
export const RECOUNT_EVERY_MS = 60_000;

export function createLagCounter(
  log: Pick<SyncLog, 'states' | 'countAfter' | 'countBetween'>,
  options: { exactBelow: number; now: () => number },
) {
  // Per origin: the peer acknowledged up to `after`, this PC held up to `upTo`, `count` between them.
  const counted = new Map<string, { after: number; upTo: number; count: number; at: number }>();
  return {
    /** What the peer lacks, given what it acknowledged per origin. */
    count(acked: ReadonlyMap<string, number>): number {
      let total = 0;
      for (const { node, upTo } of log.states()) {
        const after = acked.get(node) ?? 0;
        const last = counted.get(node);
        const byRanges =
          last !== undefined &&
          last.count >= options.exactBelow &&
          after >= last.after &&
          upTo >= last.upTo &&
          options.now() - last.at < RECOUNT_EVERY_MS;
        const count = byRanges
          ? Math.max(
              0,
              last.count - log.countBetween(node, last.after, after) + log.countBetween(node, last.upTo, upTo),
            )
          : log.countAfter(node, after);
        counted.set(node, { after, upTo, count, at: byRanges ? last.at : options.now() });
        total += count;
      }
      return total;
    },
  };
}
