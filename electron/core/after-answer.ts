import type { Logger } from './context.ts';

// Work a call leaves until it has answered: a card's access record (access/record.ts). Opening a guest card
// wrote that record before the card was sent, a write transaction of its own (about 0.4 ms of a first open's
// 0.8 ms in guests.get) in the time staff wait for the card. Now the card goes first, and the record is written
// at the next turn of the event loop, under the same person and call, its changes told to the screens as any
// write's. A writing call, what reads the records (accessLog.list) and closing the core run what waits first,
// so writes keep the order calls came in, no reader misses a record of a card already shown, and none is lost
// at a quit.

export type AfterAnswer = ReturnType<typeof createAfterAnswer>;

export function createAfterAnswer(options: { logger: Logger; emitChanged(tables: string[]): void }) {
  const waiting: Array<() => void> = [];
  let scheduled: ReturnType<typeof setImmediate> | null = null;

  const runWaiting = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    for (const job of waiting.splice(0)) job();
  };

  return {
    /** Queues `work` of the call `call` to run once it has answered; it collects the tables it changed. */
    add(call: string, work: (changed: Set<string>) => void) {
      waiting.push(() => {
        const changed = new Set<string>();
        try {
          work(changed);
        } catch (error) {
          // The call has answered already: what failed is logged, as a failed write of the core's own is.
          options.logger.error(`${call}: what it left until after its answer failed`, error);
        } finally {
          if (changed.size > 0) options.emitChanged([...changed]);
        }
      });
      scheduled ??= setImmediate(runWaiting);
    },
    /** Runs what waits now: before a read of what it writes, and before the core closes. */
    flush: runWaiting,
  };
}
