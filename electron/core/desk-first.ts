// The desk first. The core answers staff's calls, takes in other PCs' work and runs its upkeep on one thread, so
// work that nobody is waiting for gives way: it waits one turn of the event loop (any call that came first goes
// first), then, while staff are working (a call within the last `quietMs`), until they pause or it has waited
// `maxWaitMs`, so it still moves (more slowly) on a desk that is busy all day. Other PCs' batches wait so
// (sync/service.ts, with sync's figures in sync/desk-first.ts), and so do background jobs between their slices
// (create-core.ts, jobs/runner.ts).

export type DeskFirstOptions = {
  /** When staff's last call came (performance.now()), or 0. */
  lastCallAt: () => number;
  now?: () => number;
  /** Staff count as at work while their last call is younger than this. */
  quietMs: number;
  /** The longest the work waits while they are. */
  maxWaitMs: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One turn of the event loop: lets a call (or a cancel) that came meanwhile go first. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves when work that gives way to the desk may do its next piece. */
export function deskFirst(options: DeskFirstOptions): () => Promise<void> {
  const now = options.now ?? (() => performance.now());
  const { quietMs, maxWaitMs } = options;
  return async () => {
    const queuedAt = now();
    await nextTurn();
    for (;;) {
      const quietFor = now() - options.lastCallAt();
      const waited = now() - queuedAt;
      if (quietFor >= quietMs || waited >= maxWaitMs) return;
      await sleep(Math.max(1, Math.min(quietMs - quietFor, maxWaitMs - waited)));
    }
  };
}
