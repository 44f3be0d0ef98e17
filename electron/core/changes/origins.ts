import type { Database } from 'better-sqlite3';
import { bytesToUuid, uuidToBytes } from '../../../db/log/codec.ts';
import type { Exporter } from './export.ts';
import { originForms } from './origin-forms.ts';
import type { ShippedTx } from './shipped.ts';

// The log seen per origin, as sync reads it: what this PC holds from each PC that ever wrote (its own node ids
// included), in that PC's own order. A node's stamps only grow, so "everything from node N up to stamp S" is a
// cursor. A transaction kept aside (log_held: clock ahead, or a newer schema) counts as held: it was received,
// it is forwarded, and it is applied here later.
//
// What this PC holds from one origin is always a prefix of that origin's sequence, because transactions are
// only taken in contiguously (sync/session.ts). The count and the digest over a range check that: two PCs
// that claim the same cursor for an origin must hold the same number of its transactions below it. Buckets
// (one per UTC day of stamps) narrow a difference down to the days to resend, instead of the whole origin.
//
// Sample data (the transactions of demo.load) is left out of all of it: sync never ships it, so a PC that tried
// the app with sample data does not fill the inn's other PCs with invented guests. Rows it made stay on that
// PC only; an edit of one of them made later does ship, and waits on the other PCs for an insert that never
// comes (the apply path keeps such entries without a row).

/** Stamp units per bucket: one day of wall-clock milliseconds (stamps are ms × 2048 + counter). */
export const BUCKET_SPAN = 86_400_000 * 2048;
/** The digest adds stamps modulo a prime, so a sum over millions of rows stays an exact integer in SQLite. */
const DIGEST_PRIME = 1_000_000_007;

export type OriginState = { node: string; upTo: number };
export type Digest = { count: number; sum: number };
/** [bucket number, count, sum] over one day of an origin's stamps. */
export type Bucket = [number, number, number];

export function createOriginLog(db: Database, exporter: Exporter) {
  const nodes = db.prepare('SELECT id, node FROM log_nodes ORDER BY id');
  const sampleCall = db.prepare("SELECT id FROM log_calls WHERE name = 'demo.load'").pluck();
  /** demo.load's log_calls number, once sample data was ever loaded here (null until then). */
  let sample: number | null = null;
  const sampleRef = (): number | null => {
    sample ??= (sampleCall.get() as number | undefined) ?? null;
    return sample;
  };
  /** A statement over one origin's transactions, sample data left out once any was loaded (origin-forms.ts). */
  const overOrigin = (sql: string, pluck = false) => {
    const forms = originForms(db, sql, { pluck });
    return () => forms(sampleRef());
  };
  const maxTx = overOrigin('SELECT max(hlc) FROM log_tx WHERE node = @node /*skip*/', true);
  const maxHeld = db.prepare('SELECT max(hlc) FROM log_held WHERE node = ?').pluck();
  const digestTx = overOrigin(
    `SELECT count(*) AS count, coalesce(sum(hlc % ${DIGEST_PRIME}), 0) AS sum
       FROM log_tx WHERE node = @node AND hlc <= @until /*skip*/`,
  );
  const digestHeld = db.prepare(
    `SELECT count(*) AS count, coalesce(sum(hlc % ${DIGEST_PRIME}), 0) AS sum FROM log_held WHERE node = ? AND hlc <= ?`,
  );
  const bucketSql = (from: string) =>
    `SELECT hlc / ${BUCKET_SPAN} AS bucket, count(*) AS count, sum(hlc % ${DIGEST_PRIME}) AS sum
       FROM ${from} GROUP BY bucket`;
  const bucketsTx = overOrigin(bucketSql('log_tx WHERE node = @node AND hlc <= @until /*skip*/'));
  const bucketsHeld = db.prepare(bucketSql('log_held WHERE node = ? AND hlc <= ?'));
  const anyHeld = db.prepare('SELECT EXISTS (SELECT 1 FROM log_held)').pluck();
  const heldNodes = db.prepare('SELECT DISTINCT node FROM log_held').pluck();
  const countTxAfter = overOrigin('SELECT count(*) FROM log_tx WHERE node = @node AND hlc > @after /*skip*/', true);
  const countHeldAfter = db.prepare('SELECT count(*) FROM log_held WHERE node = ? AND hlc > ?').pluck();
  const countTxBetween = overOrigin(
    'SELECT count(*) FROM log_tx WHERE node = @node AND hlc > @after AND hlc <= @until /*skip*/',
    true,
  );
  const countTxStep = overOrigin(
    `SELECT count(*) AS count, max(hlc) AS through FROM (
       SELECT hlc FROM log_tx WHERE node = @node AND hlc > @after AND hlc <= @until /*skip*/
        ORDER BY hlc LIMIT @limit)`,
  );
  const countHeldBetween = db.prepare('SELECT count(*) FROM log_held WHERE node = ? AND hlc > ? AND hlc <= ?').pluck();
  const heldAfter = db.prepare('SELECT hlc, tx FROM log_held WHERE node = ? AND hlc > ? AND hlc <= ? ORDER BY hlc');

  /** log_nodes numbers by node id, read again when an unknown node is asked for (a new PC's first batch). */
  let refs = new Map<string, number>();
  const loadRefs = () => {
    refs = new Map();
    for (const row of nodes.all() as Array<{ id: number; node: Buffer }>) refs.set(bytesToUuid(row.node), row.id);
  };
  const refOf = (node: string): number | undefined => {
    if (!refs.has(node)) loadRefs();
    return refs.get(node);
  };
  const heldBytes = (node: string) => uuidToBytes(node);
  const upTo = (node: string): number => {
    const ref = refOf(node);
    const inLog = ref === undefined ? 0 : ((maxTx().get({ node: ref, skip: sampleRef() }) as number | null) ?? 0);
    const held = (maxHeld.get(heldBytes(node)) as number | null) ?? 0;
    return Math.max(inLog, held);
  };

  /** Transactions of `node` with stamps in (after, until], in stamp order, at most `limit`. */
  const range = (node: string, after: number, until: number, limit: number): ShippedTx[] => {
    const ref = refOf(node);
    const logged = ref === undefined ? [] : exporter.byOrigin(ref, after, until, limit, sampleRef());
    const held = heldAfter.all(heldBytes(node), after, until) as Array<{ hlc: number; tx: string }>;
    if (held.length === 0) return logged;
    const merged = [...logged, ...held.map((row) => JSON.parse(row.tx) as ShippedTx)];
    merged.sort((a, b) => (a.hlc as number) - (b.hlc as number));
    return merged.slice(0, limit);
  };

  return {
    /** Every origin this PC holds anything from, with the latest stamp it holds of each. */
    states(): OriginState[] {
      loadRefs();
      const known = new Set(refs.keys());
      for (const node of heldNodes.all() as Buffer[]) known.add(bytesToUuid(node));
      return [...known].map((node) => ({ node, upTo: upTo(node) })).filter((state) => state.upTo > 0);
    },
    upTo,
    /** Whether anything is kept aside (so a retry is worth a write transaction). */
    holdsAny: () => anyHeld.get() === 1,
    digest(node: string, until: number): Digest {
      const ref = refOf(node);
      const inLog =
        ref === undefined ? { count: 0, sum: 0 } : (digestTx().get({ node: ref, until, skip: sampleRef() }) as Digest);
      const held = digestHeld.get(heldBytes(node), until) as Digest;
      return { count: inLog.count + held.count, sum: (inLog.sum + held.sum) % DIGEST_PRIME };
    },
    buckets(node: string, until: number): Bucket[] {
      const ref = refOf(node);
      const byBucket = new Map<number, Bucket>();
      const add = (rows: Array<{ bucket: number; count: number; sum: number }>) => {
        for (const row of rows) {
          const seen = byBucket.get(row.bucket) ?? [row.bucket, 0, 0];
          byBucket.set(row.bucket, [row.bucket, seen[1] + row.count, (seen[2] + row.sum) % DIGEST_PRIME]);
        }
      };
      if (ref !== undefined) add(bucketsTx().all({ node: ref, until, skip: sampleRef() }) as never);
      add(bucketsHeld.all(heldBytes(node), until) as never);
      return [...byBucket.values()].sort((a, b) => a[0] - b[0]);
    },
    /** The next transactions of `node` after stamp `after`, in its own order. */
    after(node: string, after: number, limit: number): ShippedTx[] {
      return range(node, after, Number.MAX_SAFE_INTEGER, limit);
    },
    /** Every transaction of `node` in one bucket, up to stamp `until`: what a checksum repair resends. */
    inBucket(node: string, bucket: number, until: number): ShippedTx[] {
      const from = bucket * BUCKET_SPAN - 1;
      return range(node, from, Math.min(until, (bucket + 1) * BUCKET_SPAN - 1), Number.MAX_SAFE_INTEGER);
    },
    /** How many transactions of `node` this PC holds after stamp `after` (what a peer still lacks). */
    countAfter(node: string, after: number): number {
      const ref = refOf(node);
      const inLog = ref === undefined ? 0 : (countTxAfter().get({ node: ref, after, skip: sampleRef() }) as number);
      return inLog + (countHeldAfter.get(heldBytes(node), after) as number);
    },
    /** How many transactions of `node` this PC holds with stamps in (after, until]: a walk over that range only. */
    countBetween(node: string, after: number, until: number): number {
      if (until <= after) return 0;
      const ref = refOf(node);
      const inLog =
        ref === undefined ? 0 : (countTxBetween().get({ node: ref, after, until, skip: sampleRef() }) as number);
      return inLog + (countHeldBetween.get(heldBytes(node), after, until) as number);
    },
    /**
     * A count of (after, until] in steps: the transactions of `node` from `after` on, at most `limit` of the
     * log's, and the stamp counted through (`until` once the range is done). A step reads at most `limit`
     * index entries, so a long range is counted without holding the thread (sync/lag.ts).
     */
    countStep(node: string, after: number, until: number, limit: number): { count: number; through: number } {
      if (until <= after) return { count: 0, through: until };
      const ref = refOf(node);
      const step =
        ref === undefined
          ? { count: 0, through: null }
          : (countTxStep().get({ node: ref, after, until, skip: sampleRef(), limit }) as {
              count: number;
              through: number | null;
            });
      const through = step.count >= limit && step.through !== null ? step.through : until;
      return { count: step.count + (countHeldBetween.get(heldBytes(node), after, through) as number), through };
    },
  };
}

export type OriginLog = ReturnType<typeof createOriginLog>;
