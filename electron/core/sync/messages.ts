import { z } from 'zod';

// The sync protocol's messages between two paired PCs (docs/sync-protocol.md). Each message is one frame of
// the transport. Transactions themselves are checked by the apply path (changes/shipped.ts), not here: a
// malformed one is refused there, one by one, without losing the rest of its batch.

export const PROTOCOL_VERSION = 1;
/**
 * The first join by snapshot (snapshot/): a capability in `hello`, not a protocol version, so a PC without it
 * (an older release) ignores the field, never receives a snapshot message, and a new PC joins it by replay.
 */
export const SNAPSHOT_VERSION = 1;
/** Bytes of the register copy per `snapshot_chunk` (a binary frame: transport/frames.ts), and chunks unacknowledged at a time. */
export const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
export const SNAPSHOT_WINDOW = 8;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const stamp = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const MAX_ORIGINS = 10_000;

/** What one PC holds of one origin: the latest stamp, and the count and digest of everything up to it. */
const originSummary = z.object({ node: uuid, upTo: stamp, count, sum: count });
export type OriginSummary = z.infer<typeof originSummary>;

export const helloMessage = z.object({
  t: z.literal('hello'),
  protocol: z.number().int().positive(),
  device: z.string().min(1).max(100),
  schema: z.number().int().nonnegative(),
  /** This PC can send and take a register copy (SNAPSHOT_VERSION); absent on older PCs. */
  snapshot: z.number().int().positive().optional(),
  /** This PC holds no register of its own and has never synced: it asks to join by a copy, not by replay. */
  wantSnapshot: z.boolean().optional(),
});

/**
 * Sent after the peer's hello, and again now and then (anti-entropy): everything this PC holds, per origin.
 * `ask`: this side has not had the peer's own yet (lost on the way): answer with yours.
 */
export const haveMessage = z.object({
  t: z.literal('have'),
  origins: z.array(originSummary).max(MAX_ORIGINS),
  ask: z.boolean().optional(),
});

/**
 * Whole transactions, each origin's in its own order. `from` is, per origin, the stamp the batch continues
 * from: the receiver takes an origin's part only when it already holds everything up to there, so what it
 * holds stays a prefix. A repair fills holes that a checksum found, so it carries no `from`.
 */
export const txsMessage = z.object({
  t: z.literal('txs'),
  batch: count,
  from: z.array(z.object({ node: uuid, after: stamp })).max(MAX_ORIGINS),
  repair: z.boolean(),
  transactions: z.array(z.unknown()).max(100_000),
});

/** After a batch is committed (never before): what the receiver now holds of the batch's origins. */
export const ackMessage = z.object({
  t: z.literal('ack'),
  batch: count,
  origins: z.array(z.object({ node: uuid, upTo: stamp })).max(MAX_ORIGINS),
  refused: count,
});

/** A checksum disagreed for `node` up to `upTo`: the sender's per-day counts, so the other side resends days. */
export const bucketsMessage = z.object({
  t: z.literal('buckets'),
  node: uuid,
  upTo: stamp,
  reply: z.boolean(),
  buckets: z.array(z.tuple([count, count, count])).max(200_000),
});

export const byeMessage = z.object({
  t: z.literal('bye'),
  reason: z.enum(['protocol', 'apply_failed', 'closing']),
});

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const snapshotId = uuid;

/** New PC → member, once the member acknowledged all of the new PC's own transactions: send me a copy now. */
export const snapshotAskMessage = z.object({ t: z.literal('snapshot_ask') });

/** Either side: no snapshot (the member cannot make one, or the new PC could not take it): replay instead. */
export const snapshotRefusedMessage = z.object({
  t: z.literal('snapshot_refused'),
  reason: z.enum(['sample_data', 'schema', 'busy', 'copy_failed', 'check_failed', 'no_space', 'cancelled']),
});

/** Member → new PC: a copy of `bytes` bytes of a register at schema `schema` follows in chunks. */
export const snapshotBeginMessage = z.object({
  t: z.literal('snapshot_begin'),
  id: snapshotId,
  bytes: count,
  schema: z.number().int().nonnegative(),
});

/** One piece of the copy at byte `at`: the bytes travel as they are, in a binary frame (transport/frames.ts). */
export const snapshotChunkMessage = z.object({
  t: z.literal('snapshot_chunk'),
  id: snapshotId,
  at: count,
  data: z.custom<Uint8Array>(
    (bytes) => bytes instanceof Uint8Array && bytes.length > 0 && bytes.length <= SNAPSHOT_CHUNK_BYTES,
  ),
});

/** New PC → member: the copy is on disk up to `upTo` bytes (the member's send window moves on). */
export const snapshotAckMessage = z.object({ t: z.literal('snapshot_ack'), id: snapshotId, upTo: count });

/** Member → new PC: all bytes sent; their SHA-256, which the new PC checks before anything else. */
export const snapshotEndMessage = z.object({ t: z.literal('snapshot_end'), id: snapshotId, sha256 });

export const syncMessage = z.discriminatedUnion('t', [
  snapshotAskMessage,
  snapshotRefusedMessage,
  snapshotBeginMessage,
  snapshotChunkMessage,
  snapshotAckMessage,
  snapshotEndMessage,
  helloMessage,
  haveMessage,
  txsMessage,
  ackMessage,
  bucketsMessage,
  byeMessage,
]);

export type SyncMessage = z.infer<typeof syncMessage>;
export type TxsMessage = z.infer<typeof txsMessage>;
export type SnapshotMessage = Extract<SyncMessage, { t: `snapshot_${string}` }>;
export type SnapshotRefusal = z.infer<typeof snapshotRefusedMessage>['reason'];
