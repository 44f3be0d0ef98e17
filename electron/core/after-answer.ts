import type { Logger } from './context.ts';
import { nextTurn } from './desk-first.ts';

// Work a call leaves until it has answered: a card's access record (access/record.ts). Opening a guest card
// wrote that record before the card was sent, a write transaction of its own (about 0.4 ms of a first open's
// 0.8 ms in guests.get) in the time staff wait for the card. Then it went after the card, at the next turn of the
// event loop: still in the way of whatever staff did next. Opening the card's History tab, or typing the next
// name, came while the record was written and waited for it, now and then several milliseconds on a busy PC
// (a trace of the sync-load bench, December 2026: History tabs and cards held 4-11 ms behind it).
//
// So it waits for the desk to pause, as other PCs' batches and background jobs do (desk-first.ts): a pause of
// AFTER_ANSWER_QUIET_MS, or AFTER_ANSWER_MAX_WAIT_MS at most while staff keep working (or a program calls the
// HTTP door without a pause). Then all that waits runs, in slices of about SLICE_MS with a turn between them, so a
// call that comes meanwhile waits for one slice at most. Each look is written a second or so after its card at
// the latest.
//
// Written under the same person and call, its changes told to the screens as any write's. A writing call, what
// reads the records (accessLog.list) and closing the core run what waits first, so writes keep the order calls
// came in, no reader misses a record of a card already shown, and none is lost at a quit. A PC that stops hard
// (power cut, kill -9) loses the looks of the last second or so.

export type AfterAnswer = ReturnType<typeof createAfterAnswer>;

/**
 * The pause it waits for is as short as sync's (sync/desk-first.ts), and the wait a second at most: a look is small,
 * and should be on record, and on the other PCs, soon after.
 */
export const AFTER_ANSWER_QUIET_MS = 100;
export const AFTER_ANSWER_MAX_WAIT_MS = 1_000;
/** How long one slice of waiting work may run before a staff call gets its turn. */
const SLICE_MS = 2;

export type AfterAnswerOptions = {
  logger: Logger;
  emitChanged(tables: string[]): void;
  /**
   * Resolves once staff have paused, or once it has waited long enough (desk-first.ts). Without it, the work runs
   * at the next turn of the event loop.
   */
  deskPaused?: () => Promise<void>;
};

export function createAfterAnswer(options: AfterAnswerOptions) {
  const deskPaused = options.deskPaused ?? nextTurn;
  const waiting: Array<() => void> = [];
  let draining = false;

  const runWaiting = () => {
    for (const job of waiting.splice(0)) job();
  };

  /** Waits for the desk's pause, then runs what waits a slice at a time, a turn between slices. */
  const drain = async () => {
    draining = true;
    try {
      await deskPaused();
      while (waiting.length > 0) {
        const sliceEnds = performance.now() + SLICE_MS;
        // At least one job a slice (a flush meanwhile may have run them all).
        do waiting.shift()?.();
        while (waiting.length > 0 && performance.now() < sliceEnds);
        if (waiting.length > 0) await nextTurn();
      }
    } finally {
      draining = false;
    }
  };

  return {
    /** Queues `work` of the call `call` to run once it has answered; it collects the tables it changed. */
    add(call: string, work: (changed: Set<string>) => void) {
      const run = () => {
        const changed = new Set<string>();
        try {
          work(changed);
        } catch (error) {
          // The call has answered already: what failed is logged, as a failed write of the core's own is.
          options.logger.error(`${call}: what it left until after its answer failed`, error);
        } finally {
          if (changed.size > 0) options.emitChanged([...changed]);
        }
      };
      waiting.push(run);
      if (!draining) void drain();
    },
    /** Runs what waits now: before a write, a read of what it writes, and before the core closes. */
    flush: runWaiting,
  };
}
