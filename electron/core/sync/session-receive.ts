import type { ApplyReport } from '../changes/apply.ts';
import type { SyncMessage, TxsMessage } from './messages.ts';
import type { ApplyPacing, SessionStats, SyncLog } from './session-terms.ts';

// The receiving side of a sync session (session.ts): a batch of transactions from the peer is applied and
// acknowledged here. With a pacing (desk-first.ts), a batch is applied in parts, each its own SQLite
// transaction, with a turn of the event loop between them, so a staff call waits for one part, not the
// batch. Messages of the same connection that arrive meanwhile wait here, in order, until the batch is done.

export type BatchReceiver = ReturnType<typeof createBatchReceiver>;

export function createBatchReceiver(options: {
  log: SyncLog;
  stats: SessionStats;
  send(message: SyncMessage): void;
  pacing?: ApplyPacing;
  /** Told after each committed part: the hub pushes it on to the other peers. */
  onApplied?(report: ApplyReport): void;
  /** The peer sent this transaction, so it holds it: never send it back. */
  peerHolds(node: string, hlc: number): void;
  /** Handles one message of the session (a queued one, once the batch is done). */
  handle(raw: unknown): void;
  isClosed(): boolean;
}) {
  const { log, stats, send } = options;
  let applying = false;
  const queued: unknown[] = [];
  const whenDone: Array<() => void> = [];

  const settle = () => {
    queued.length = 0;
    for (const resolve of whenDone.splice(0)) resolve();
  };

  /** The batch in parts is done (acknowledged, or stopped by a failed part): what came meanwhile goes on. */
  const finishApplying = () => {
    applying = false;
    while (queued.length > 0 && !applying && !options.isClosed()) options.handle(queued.shift());
    if (!applying) settle();
  };

  const receiveTxs = (message: TxsMessage) => {
    stats.transactionsReceived += message.transactions.length;
    // An origin's part is taken only when this PC holds everything before it: otherwise a batch lost on the
    // way would leave a hole that the cursor alone would hide. The ack then says where to continue from.
    const takes = new Set<string>();
    for (const { node, after } of message.from) if (after <= log.upTo(node)) takes.add(node);
    const batch = message.transactions.filter((tx) => {
      if (message.repair) return true;
      const node = (tx as { node?: unknown } | null)?.node;
      return typeof node === 'string' && takes.has(node);
    });
    // The peer holds what it sends (each origin's part is a prefix of what it holds): never send it back.
    // Marked before the apply, whose commit pumps every session at once (hub.ts): without this, every change
    // came back to the PC that made it, as one more batch to apply, doubling live traffic.
    for (const tx of message.transactions) {
      const { node, hlc } = (tx ?? {}) as { node?: unknown; hlc?: unknown };
      if (typeof node === 'string' && typeof hlc === 'number') options.peerHolds(node, hlc);
    }
    const nodes = new Set(message.from.map((origin) => origin.node));
    for (const tx of batch) {
      const node = (tx as { node?: unknown } | null)?.node;
      if (typeof node === 'string') nodes.add(node);
    }
    let refused = 0;
    /** One part in one SQLite transaction; false when it could not commit (nothing is acknowledged then). */
    const applyPart = (part: readonly unknown[]): boolean => {
      let report: ApplyReport;
      try {
        report = log.apply(part);
      } catch {
        // Not committed, so not acknowledged: the peer sends the batch again after its ack timeout, and what
        // earlier parts committed counts as duplicates then.
        stats.applyFailures++;
        return false;
      }
      stats.applied += report.applied;
      stats.duplicates += report.duplicates;
      stats.held += report.held.length;
      stats.refused += report.refused.length;
      refused += report.refused.length;
      // Each committed part is pushed on to the other peers at once.
      if (report.applied > 0 || report.held.length > 0) options.onApplied?.(report);
      return true;
    };
    // The ack says what this PC holds now, read from its log after the last part committed.
    const acknowledge = () =>
      send({
        t: 'ack',
        batch: message.batch,
        origins: [...nodes].map((node) => ({ node, upTo: log.upTo(node) })),
        refused,
      });
    const pacing = options.pacing;
    // At least one transaction a part, whatever the pacing says, so the batch always moves on.
    const partSize = () => {
      const size = pacing ? Math.floor(pacing.part()) : batch.length;
      return size >= 1 ? size : 1;
    };
    const firstPart = partSize();
    if (!pacing || batch.length <= firstPart) {
      if (applyPart(batch)) acknowledge();
      return;
    }
    // In parts, each a prefix of what is left (an origin's transactions stay in order), so whatever commits
    // before the connection drops is a prefix of each origin too, and the next session goes on from there.
    applying = true;
    let start = 0;
    let size = firstPart;
    const next = () => {
      if (options.isClosed()) return;
      const part = batch.slice(start, start + size);
      start += part.length;
      if (!applyPart(part)) return finishApplying();
      stats.partsApplied++;
      if (start < batch.length) {
        return pacing.between(() => {
          size = partSize();
          next();
        });
      }
      acknowledge();
      finishApplying();
    };
    next();
  };

  return {
    receiveTxs,
    /**
     * A message from the peer: handled now, or after the batch being applied in parts, in order. The promise
     * (only then) resolves when it has been handled, so a caller that waits keeps its own pace (member-links).
     */
    receive(raw: unknown): Promise<void> | undefined {
      if (!applying) options.handle(raw);
      else queued.push(raw);
      if (!applying) return undefined;
      return new Promise<void>((resolve) => whenDone.push(resolve));
    },
    /**
     * The session closed. What was waiting for a batch in parts came on this connection: it ends with it (a
     * part already committed stays; the next session starts from what each side holds).
     */
    stop() {
      applying = false;
      settle();
    },
  };
}
