import type { Core } from '../create-core.ts';
import type { SyncLog } from './session-terms.ts';

/** A core's log as a sync session reads and feeds it. */
export function syncLogOf(core: Pick<Core, 'changes'>): SyncLog {
  const origins = core.changes.origins;
  return {
    schema: core.changes.schema,
    states: () => origins.states(),
    upTo: (node) => origins.upTo(node),
    digest: (node, until) => origins.digest(node, until),
    buckets: (node, until) => origins.buckets(node, until),
    after: (node, after, limit) => origins.after(node, after, limit),
    inBucket: (node, bucket, until) => origins.inBucket(node, bucket, until),
    countAfter: (node, after) => origins.countAfter(node, after),
    countBetween: (node, after, until) => origins.countBetween(node, after, until),
    countStep: (node, after, until, limit) => origins.countStep(node, after, until, limit),
    apply: (batch) => core.changes.apply(batch),
    retryHeld: () => (origins.holdsAny() ? core.changes.retryHeld() : 0),
  };
}
