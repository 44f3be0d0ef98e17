import type { ApplyReport } from '../changes/apply.ts';
import type { ShippedTx } from '../changes/shipped.ts';
import { createLagCounter } from './lag.ts';
import {
  PROTOCOL_VERSION,
  SNAPSHOT_VERSION,
  type SnapshotMessage,
  type SyncMessage,
  syncMessage,
  type TxsMessage,
} from './messages.ts';
import { createBatchReceiver } from './session-receive.ts';
import {
  type ApplyPacing,
  DEFAULT_LIMITS,
  emptyStats,
  type SessionLimits,
  type SessionPhase,
  type SessionSnapshot,
  type SessionStatus,
  type SnapshotInbox,
  type SnapshotStream,
  type SyncLog,
} from './session-terms.ts';

// One sync session: this PC and one paired PC, over one connection (docs/sync-protocol.md). Both sides run
// the same code. In short:
//   hello ↔ hello      protocol and schema versions; a different protocol ends the session
//   have  ↔ have       per origin: the latest stamp held, and a count and digest of everything up to it
//   txs   → ack        what the peer lacks, per origin in its own order, whole transactions; the ack is sent
//                      after the batch committed and says what the receiver now holds, read from its log
//                      (the receiving side, and a batch applied in parts, is session-receive.ts)
//   buckets ↔ txs      a digest disagreed: per-day counts, and the days that differ are sent again
// After catch-up, every local write and every batch taken from a third PC is pushed at once (pump).
//
// First join by snapshot (snapshot/, docs/sync-protocol.md): a new, empty PC says `wantSnapshot` in its
// hello. A member that can serve it sends it nothing of its log; the new PC sends its own few transactions
// as usual, and once they are all acknowledged it asks (`snapshot_ask`); the member copies its register,
// which now holds them, and streams it (`snapshot_begin`, `_chunk` ↔ `_ack`, `_end`). Files and threads live
// behind `SessionSnapshot`; the session only gates the pump and routes the messages. Either side may refuse
// (`snapshot_refused`): the session then goes on as a replay.
//
// Nothing here keeps a cursor of its own that could run ahead of the database: what this PC holds is read
// from its log each time, and what the peer holds is what the peer's acks said. A batch continues from a
// stated stamp per origin, and the receiver takes an origin's part only if it already holds everything up to
// there, so each PC holds a prefix of every origin. Messages lost, repeated or reordered by the network cost
// a resend (the ack timeout), never a hole. The digests are the backstop for a hole all of this missed.

export type SyncSession = ReturnType<typeof createSyncSession>;

type SnapshotPhase = 'none' | 'serving' | 'awaiting' | 'asked';

type Inflight = { batch: number; sentAt: number; ends: Map<string, number> };

export function createSyncSession(options: {
  log: SyncLog;
  /** This PC's device id, and the paired PC's (from its verified certificate). */
  device: string;
  peer: string;
  send(message: SyncMessage): void;
  now(): number;
  /** Told after a batch from this peer committed: the hub pushes it on to the other peers. */
  onApplied?(report: ApplyReport): void;
  /** Told when the session ends, by either side or a protocol error. */
  onClosed?(reason: string): void;
  limits?: Partial<SessionLimits>;
  snapshot?: SessionSnapshot;
  /** Given, a received batch is applied in parts, so a staff call waits for one part, not the batch. */
  pacing?: ApplyPacing;
}) {
  const { log, send, now } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let phase: SessionPhase = 'hello';
  let peerSchema: number | null = null;
  let closeReason: string | null = null;
  let haveFromPeer = false;
  let nextBatch = 1;
  let lastHaveAt = now();
  /** Per origin, what the peer said it holds (acks and haves), and how far this side has sent. */
  const acked = new Map<string, number>();
  const sent = new Map<string, number>();
  let inflight: Inflight[] = [];
  const stats = emptyStats();
  const snapshot = options.snapshot;
  let wantsSnapshot = false;
  let snapshotPhase: SnapshotPhase = 'none';
  let stream: SnapshotStream | null = null;
  let inbox: SnapshotInbox | null = null;
  const receiver = createBatchReceiver({
    log,
    stats,
    send,
    pacing: options.pacing,
    onApplied: options.onApplied,
    peerHolds(node, hlc) {
      acked.set(node, Math.max(acked.get(node) ?? 0, hlc));
      sent.set(node, Math.max(sent.get(node) ?? 0, hlc));
    },
    handle: (raw) => handle(raw),
    isClosed: () => phase === 'closed',
  });

  /** The snapshot is over here (done elsewhere, refused or failed): the session is an ordinary one now. */
  const endSnapshot = () => {
    stream?.cancel();
    inbox?.cancel();
    stream = null;
    inbox = null;
    if (wantsSnapshot) snapshot?.release(options.peer);
    wantsSnapshot = false;
    snapshotPhase = 'none';
  };

  const close = (reason: string, tell: boolean) => {
    if (phase === 'closed') return;
    if (tell) send({ t: 'bye', reason: reason === 'protocol' ? 'protocol' : 'closing' });
    endSnapshot();
    phase = 'closed';
    closeReason = reason;
    receiver.stop();
    options.onClosed?.(reason);
  };

  const summary = () => log.states().map(({ node, upTo }) => ({ node, upTo, ...log.digest(node, upTo) }));

  const sendHave = (ask = false) => {
    lastHaveAt = now();
    send({ t: 'have', origins: summary(), ...(ask ? { ask } : {}) });
  };

  /** Sends what the peer lacks, per origin from where it was last sent, while the window has room. */
  const pump = () => {
    if (phase !== 'ready' || !haveFromPeer) return;
    // A new PC that takes a copy gets none of the log: the copy holds it.
    if (snapshotPhase === 'serving') return;
    const origins = log.states().sort((a, b) => (a.node < b.node ? -1 : 1));
    while (inflight.length < limits.inflight) {
      const transactions: ShippedTx[] = [];
      const from: TxsMessage['from'] = [];
      const ends = new Map<string, number>();
      let entries = 0;
      for (const { node, upTo } of origins) {
        const after = sent.get(node) ?? 0;
        if (upTo <= after) continue;
        const room = limits.batchTransactions - transactions.length;
        if (room <= 0 || entries >= limits.batchEntries) break;
        const next = log.after(node, after, room);
        let taken = 0;
        for (const tx of next) {
          if (taken > 0 && entries + tx.entries.length > limits.batchEntries) break;
          transactions.push(tx);
          entries += tx.entries.length;
          taken++;
        }
        if (taken === 0) continue;
        const end = next[taken - 1]?.hlc as number;
        from.push({ node, after });
        ends.set(node, end);
        sent.set(node, end);
      }
      if (transactions.length === 0) return;
      const batch = nextBatch++;
      inflight.push({ batch, sentAt: now(), ends });
      stats.batchesSent++;
      stats.transactionsSent += transactions.length;
      send({ t: 'txs', batch, from, repair: false, transactions });
    }
  };

  const receiveHave = (
    origins: ReadonlyArray<{ node: string; upTo: number; count: number; sum: number }>,
    ask: boolean,
  ) => {
    haveFromPeer = true;
    if (ask) sendHave();
    for (const origin of origins) {
      acked.set(origin.node, Math.max(acked.get(origin.node) ?? 0, origin.upTo));
      sent.set(origin.node, Math.max(sent.get(origin.node) ?? 0, origin.upTo));
      // Where this PC holds at least the peer's range, both must hold the same transactions in it.
      if (log.upTo(origin.node) < origin.upTo) continue;
      const mine = log.digest(origin.node, origin.upTo);
      if (mine.count !== origin.count || mine.sum !== origin.sum) {
        stats.mismatches++;
        send({
          t: 'buckets',
          node: origin.node,
          upTo: origin.upTo,
          reply: false,
          buckets: log.buckets(origin.node, origin.upTo),
        });
      }
    }
    pump();
    maybeAsk();
  };

  const receiveAck = (message: Extract<SyncMessage, { t: 'ack' }>) => {
    const index = inflight.findIndex((entry) => entry.batch === message.batch);
    const entry = index >= 0 ? inflight[index] : undefined;
    if (entry) inflight.splice(index, 1);
    for (const { node, upTo } of message.origins) {
      acked.set(node, Math.max(acked.get(node) ?? 0, upTo));
      // The peer did not take all of this batch's part (it lacked what came before): send again from what
      // it holds.
      const end = entry?.ends.get(node);
      if (end !== undefined && upTo < end) sent.set(node, acked.get(node) as number);
    }
    pump();
    maybeAsk();
  };

  const lag = createLagCounter(log, { exactBelow: limits.exactCountBelow, now });
  const behind = (): number => (haveFromPeer ? lag.count(acked) : 0);

  /** New PC: once the member holds every transaction this PC wrote, the copy it makes loses none of them. */
  const maybeAsk = () => {
    if (snapshotPhase !== 'awaiting' || !snapshot || !haveFromPeer || inflight.length > 0 || behind() > 0) return;
    snapshotPhase = 'asked';
    inbox = snapshot.receive(options.peer, send, (reason) => {
      send({ t: 'snapshot_refused', reason });
      close('snapshot_failed', true);
    });
    send({ t: 'snapshot_ask' });
  };

  const receiveSnapshot = (message: SnapshotMessage) => {
    switch (message.t) {
      case 'snapshot_ask': {
        if (snapshotPhase !== 'serving' || stream || !snapshot) return send({ t: 'snapshot_refused', reason: 'busy' });
        stream = snapshot.serve(options.peer, send, () => {
          // The copy could not be made or sent (the stream said why): the new PC replays instead.
          stream = null;
          snapshotPhase = 'none';
          pump();
        });
        return;
      }
      case 'snapshot_ack':
        return stream?.ack(message.id, message.upTo);
      case 'snapshot_refused': {
        const serving = snapshotPhase === 'serving';
        endSnapshot();
        // The member refused: it pumps its log now, and this PC takes it by replay. The new PC refused (its
        // copy failed): it closes and asks again next time.
        if (serving) pump();
        return;
      }
      default:
        if (snapshotPhase === 'asked') inbox?.take(message);
    }
  };

  const receiveBuckets = (message: Extract<SyncMessage, { t: 'buckets' }>) => {
    const mine = new Map(log.buckets(message.node, message.upTo).map((bucket) => [bucket[0], bucket]));
    const theirs = new Map(message.buckets.map((bucket) => [bucket[0], bucket]));
    for (const [number, bucket] of mine) {
      const other = theirs.get(number);
      if (other && other[1] === bucket[1] && other[2] === bucket[2]) continue;
      const transactions = log.inBucket(message.node, number, message.upTo);
      for (let start = 0; start < transactions.length; start += limits.batchTransactions) {
        const part = transactions.slice(start, start + limits.batchTransactions);
        stats.repairSent += part.length;
        send({ t: 'txs', batch: 0, from: [], repair: true, transactions: part });
      }
    }
    if (!message.reply) {
      send({ t: 'buckets', node: message.node, upTo: message.upTo, reply: true, buckets: [...mine.values()] });
    }
  };

  const handle = (raw: unknown) => {
    if (phase === 'closed') return;
    const parsed = syncMessage.safeParse(raw);
    if (!parsed.success) return close('protocol', true);
    const message = parsed.data;
    if (message.t === 'bye') return close(`peer_${message.reason}`, false);
    if (message.t === 'hello') {
      if (message.protocol !== PROTOCOL_VERSION) return close('protocol', true);
      if (message.device !== options.peer) return close('protocol', true);
      peerSchema = message.schema;
      phase = 'ready';
      const peerServes = message.snapshot !== undefined && message.snapshot >= SNAPSHOT_VERSION;
      const wanted = wantsSnapshot;
      // Two empty PCs have nothing to copy for each other; a peer without the capability replays.
      if (wanted && peerServes && !message.wantSnapshot) snapshotPhase = 'awaiting';
      else if (wanted) endSnapshot();
      if (message.wantSnapshot && snapshot && !wanted) {
        const refusal = snapshot.refusal(options.peer, message.schema);
        if (refusal) send({ t: 'snapshot_refused', reason: refusal });
        else snapshotPhase = 'serving';
      }
      sendHave();
      return;
    }
    if (phase !== 'ready') return close('protocol', true);
    if (message.t === 'have') return receiveHave(message.origins, message.ask === true);
    if (message.t === 'txs') return receiver.receiveTxs(message);
    if (message.t === 'ack') return receiveAck(message);
    if (message.t === 'buckets') return receiveBuckets(message);
    return receiveSnapshot(message);
  };

  return {
    peer: options.peer,
    /** Opens the session: this side's hello. */
    start() {
      wantsSnapshot = snapshot?.wants(options.peer) ?? false;
      send({
        t: 'hello',
        protocol: PROTOCOL_VERSION,
        device: options.device,
        schema: log.schema,
        ...(snapshot ? { snapshot: SNAPSHOT_VERSION } : {}),
        ...(wantsSnapshot ? { wantSnapshot: true } : {}),
      });
    },
    /**
     * A message from the peer. Handled now, or after the batch being applied in parts, in order; the promise
     * (only then) resolves when it has been handled, so a caller that waits keeps its own pace (member-links).
     */
    receive(raw: unknown): Promise<void> | undefined {
      if (phase === 'closed') return undefined;
      return receiver.receive(raw);
    },
    /** New transactions here (a local write, or a batch from another peer): send them on. */
    pump,
    /** Timeouts and the periodic comparison; the hub calls this every few seconds. */
    tick() {
      if (phase !== 'ready') return;
      // Nothing can be sent until the peer's holdings are known: if its 'have' was lost, ask again.
      if (!haveFromPeer && now() - lastHaveAt > limits.ackTimeoutMs) sendHave(true);
      const oldest = inflight[0];
      if (oldest && now() - oldest.sentAt > limits.ackTimeoutMs) {
        stats.timeouts++;
        inflight = [];
        sent.clear();
        for (const [node, upTo] of acked) sent.set(node, upTo);
        pump();
      }
      if (haveFromPeer && now() - lastHaveAt > limits.antiEntropyMs) sendHave();
    },
    close(reason = 'closing') {
      close(reason, true);
    },
    /** Gone without a word (the connection dropped). */
    lost() {
      close('connection_lost', false);
    },
    isClosed: () => phase === 'closed',
    /** Both hellos and the peer's holdings are in: until then nothing can be said of what it lacks. */
    isCaughtUpKnown: () => phase === 'ready' && haveFromPeer,
    /** How many transactions this PC holds that the peer has not acknowledged. */
    behind,
    /** A copy of the register on its way: `sending` it to the peer, or `receiving` it from the peer. */
    snapshotState(): 'sending' | 'receiving' | null {
      if (snapshotPhase === 'serving') return 'sending';
      if (snapshotPhase === 'awaiting' || snapshotPhase === 'asked') return 'receiving';
      return null;
    },
    status(): SessionStatus {
      return { peer: options.peer, phase, peerSchema, closeReason, stats: { ...stats } };
    },
  };
}
