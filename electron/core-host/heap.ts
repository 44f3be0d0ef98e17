import { getHeapStatistics } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

// The core's V8 heap (issue 11: a 100,000-row ledger imported in at most 500 MB).
//
// Old generation: V8 collects it once it has grown by a factor of what survived the last full collection, and
// takes the factor's ceiling from the heap's limit (its MemoryController): 4 for a limit of 2 GB or more, which
// V8 gives any PC with 8 GB or more (a quarter of its memory), falling from 2 just under 2 GB to 1.3 at 256 MB.
// The worker's old generation is held just under 2 GB (or to V8's own default where a small PC's is lower), so
// it collects at about twice what is alive, not four times.
//
// Young generation: 32 MB. Objects that live past two scavenges are promoted and then kept until a full
// collection; with V8's default for a big heap, more of a sheet's parsed XML and a cleansed row's working lived
// that long.
//
// The import bench (`node tests/bench/import-figures.ts`, bundled as the app runs it), peak resident memory:
// 617-624 MB with V8's defaults, 508-516 MB with these limits (before cleansing and matching became one
// pass). Past the limit the worker would stop and the host would start it again. The largest heap measured
// is the duplicate scan's over 1,000,000 guests: 54 s, the whole process at most 1.95 GB resident, under these
// limits (4 December 2026), as an 8 GB PC (a 2 GB limit) has run it all along.

const MB = 1024 * 1024;
/** V8's "high memory" threshold is 2 GB of old generation: just under it, the growth factor is about 2. */
const OLD_GENERATION_CEILING_MB = 2047;
const YOUNG_GENERATION_MB = 32;

export function coreHeapLimits(): ResourceLimits {
  const defaultMb = Math.floor(getHeapStatistics().heap_size_limit / MB);
  return {
    maxOldGenerationSizeMb: Math.min(OLD_GENERATION_CEILING_MB, defaultMb),
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
  };
}
