import { nextTurn } from '../desk-first.ts';
import type { ApplyPacing } from './session-terms.ts';

// The desk before sync (the waiting itself is ../desk-first.ts, which background jobs use too). The core answers staff's calls and takes in other PCs' work on one thread; a PC joining
// the inn by replay, or one back after a day off, keeps it busy with batch after batch, and a search typed
// meanwhile waited behind them (keystroke to results p95 236 ms, a guest card 378 ms, in the sync-load bench).
// So a batch to apply waits its turn: after any call that came first (one turn of the event loop), and while
// staff are working (a call within the last `quietMs`), until they pause or the batch has waited `maxWaitMs`,
// so sync still moves (more slowly) while the desk is busy all day. While staff are at work a batch is then
// applied in small parts (`deskPacing`), so a call that arrives during one waits for one part only. Which
// messages wait so is the service's choice (service.ts HEAVY); light ones (summaries) wait one turn only, in
// order with the rest.

export const DESK_QUIET_MS = 100;
export const SYNC_MAX_WAIT_MS = 1_000;

/** Transactions per part of a received batch while staff are at work (`deskPacing`). */
export const DESK_PART = 10;
/** A staff call this recent means staff are at work. */
export const DESK_BUSY_MS = 2_000;

/**
 * How the app applies a received batch (session.ts `pacing`). While staff are at work (a call within the last
 * `busyMs`), in parts of `part` transactions with one event-loop turn between them: a call that arrives
 * meanwhile waits for one part (ten new guests apply in about 3 ms on the 100,000-guest register) instead of the
 * batch (a hundred: 20-50 ms). Otherwise whole, which costs about a third less per transaction, so sync left
 * alone moves at full speed.
 */
export function deskPacing(options: {
  lastCallAt: () => number;
  now?: () => number;
  part?: number;
  busyMs?: number;
}): ApplyPacing {
  const now = options.now ?? (() => performance.now());
  const part = options.part ?? DESK_PART;
  const busyMs = options.busyMs ?? DESK_BUSY_MS;
  return {
    part: () => (now() - options.lastCallAt() < busyMs ? part : Number.POSITIVE_INFINITY),
    between: (next) => void nextTurn().then(next),
  };
}

/**
 * Messages handled one at a time, in order, each after the turn `turnFor` gives it (the desk's pause for a
 * batch of transactions to apply, one turn for the rest). Once `close()`d, what is still waiting is dropped
 * (the connection it came on is gone; the next session starts from what each side holds).
 */
export function createInbox(
  turnFor: (message: unknown) => Promise<void>,
  /** May return a promise (a batch applied in parts): the next message waits for it. */
  handle: (message: unknown) => Promise<void> | undefined,
  /** A message whose handling threw: what then (the connection is closed; the worker must not end). */
  failed: (error: unknown) => void,
) {
  const waiting: unknown[] = [];
  let draining = false;
  let closed = false;
  const drain = async () => {
    draining = true;
    try {
      while (waiting.length > 0 && !closed) {
        await turnFor(waiting[0]);
        if (closed) return;
        await handle(waiting.shift());
      }
    } catch (error) {
      closed = true;
      waiting.length = 0;
      failed(error);
    } finally {
      draining = false;
    }
  };
  return {
    push(message: unknown) {
      if (closed) return;
      waiting.push(message);
      if (!draining) void drain();
    },
    close() {
      closed = true;
      waiting.length = 0;
    },
  };
}
