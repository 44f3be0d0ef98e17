import type { ApplyReport } from '../changes/apply.ts';
import type { Bucket, Digest, OriginState } from '../changes/origins.ts';
import type { ShippedTx } from '../changes/shipped.ts';
import type { SnapshotMessage, SnapshotRefusal } from './messages.ts';

// What a sync session (session.ts) works with and what it reports: the log it reads and applies to, its
// limits, its counts and status, and the snapshot machinery it hands a register copy to. Kept apart from the
// session's own state machine so that what implements these (core-log.ts, snapshot/, the tests' simulated
// logs) need not read it.

/** What the session needs of this PC's log: changes/origins.ts plus the apply path. */
export type SyncLog = {
  schema: number;
  states(): OriginState[];
  upTo(node: string): number;
  digest(node: string, until: number): Digest;
  buckets(node: string, until: number): Bucket[];
  after(node: string, after: number, limit: number): ShippedTx[];
  inBucket(node: string, bucket: number, until: number): ShippedTx[];
  countAfter(node: string, after: number): number;
  /** How many transactions of the origin this PC holds with stamps in (after, until]. */
  countBetween(node: string, after: number, until: number): number;
  /** Part of a count of (after, until]: at most `limit` of the log's transactions, and the stamp reached. */
  countStep(node: string, after: number, until: number, limit: number): { count: number; through: number };
  /** Applies remote transactions in one SQLite transaction; throws when it could not commit. */
  apply(batch: readonly unknown[]): ApplyReport;
  /** Applies what was kept aside and can be applied now (the clock caught up); how many. */
  retryHeld(): number;
};

/**
 * How a received batch is applied in parts, each in its own SQLite transaction, with other work between them
 * (desk-first.ts gives the app's: small parts while staff are at work, one event-loop turn between them).
 */
export type ApplyPacing = {
  /** How many transactions the next part takes. */
  part(): number;
  /** Called between two parts with what goes on (the simulation schedules it among its other events). */
  between(next: () => void): void;
};

export type SessionLimits = {
  /** Transactions and entries per batch (applied in one SQLite transaction, or in parts: `ApplyPacing`). */
  batchTransactions: number;
  batchEntries: number;
  /** Batches sent and not yet acknowledged. */
  inflight: number;
  /** An unacknowledged batch after this long is taken as lost: send again from what the peer acknowledged. */
  ackTimeoutMs: number;
  /** How often the two sides compare their holdings again (the digests' backstop), once caught up. */
  antiEntropyMs: number;
  /** A peer this far behind on an origin is counted whole every time; more, by the ranges moved (lag.ts). */
  exactCountBelow: number;
};

export const DEFAULT_LIMITS: SessionLimits = {
  batchTransactions: 100,
  batchEntries: 4_000,
  inflight: 4,
  ackTimeoutMs: 30_000,
  antiEntropyMs: 10 * 60_000,
  exactCountBelow: 10_000,
};

export type SessionStats = {
  batchesSent: number;
  transactionsSent: number;
  transactionsReceived: number;
  applied: number;
  duplicates: number;
  held: number;
  refused: number;
  timeouts: number;
  /** Digest disagreements found, and transactions sent again because of them. */
  mismatches: number;
  repairSent: number;
  applyFailures: number;
  /** Parts committed of received batches applied in parts (`ApplyPacing`). */
  partsApplied: number;
};

/** Every count at zero: a new session's, or a sum's start. */
export function emptyStats(): SessionStats {
  return {
    batchesSent: 0,
    transactionsSent: 0,
    transactionsReceived: 0,
    applied: 0,
    duplicates: 0,
    held: 0,
    refused: 0,
    timeouts: 0,
    mismatches: 0,
    repairSent: 0,
    applyFailures: 0,
    partsApplied: 0,
  };
}

export type SessionPhase = 'hello' | 'ready' | 'closed';

export type SessionStatus = {
  peer: string;
  phase: SessionPhase;
  peerSchema: number | null;
  closeReason: string | null;
  stats: SessionStats;
};

/** A copy being sent (member side): acks move its window; cancel stops it and removes its file. */
export type SnapshotStream = { ack(id: string, upTo: number): void; cancel(): void };
/** A copy being received (new PC side): takes the member's snapshot messages; cancel drops the partial file. */
export type SnapshotInbox = { take(message: SnapshotMessage): void; cancel(): void };

/** What a session needs of the snapshot machinery (snapshot/coordinator.ts); absent: replay only. */
export type SessionSnapshot = {
  /** New PC: whether to ask `peer` for a copy; true claims the one join this PC makes (released by release). */
  wants(peer: string): boolean;
  release(peer: string): void;
  /** Member: null when it can send `peer` a copy now, or why not. */
  refusal(peer: string, peerSchema: number): SnapshotRefusal | null;
  serve(peer: string, send: (message: SnapshotMessage) => void, ended: () => void): SnapshotStream;
  receive(
    peer: string,
    send: (message: SnapshotMessage) => void,
    fail: (reason: SnapshotRefusal) => void,
  ): SnapshotInbox;
};
