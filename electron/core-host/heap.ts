import { getHeapStatistics, setFlagsFromString } from 'node:v8';
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
// Growth: at most 1.5 times. Just under 2 GB, V8's factor still reaches about 2 when its collections are fast
// next to the code running (its "mutator utilization"), which an import's steady allocation is: a heap with
// 100 MB alive, as an import's has, stood at 300 MB before V8 collected. `--heap-growing-percent` is V8's own
// setting for that factor; it holds for every isolate of the process, so the doors' thread collects a little
// sooner too, which it can afford (it holds little). V8 still grows a heap by a minimum step, so a small heap
// is not collected at every allocation. Tried before the limits above and the one-pass cleansing, the same flag
// made the import 5-14 s slower (docs/import.md); measured again with them, it costs no time.
//
// The import bench (`node tests/bench/import-figures.ts`, bundled as the app runs it), peak resident memory:
// - V8's defaults: 617-624 MB;
// - these limits: 508-516 MB (cleansing and matching still two passes), 483-536 MB (one pass);
// - and the growth held to 1.5: 464-496 MB in eleven runs, against 491-542 MB without it in four runs
//   alternated with four of them, the time the same (20.5-22.1 s) (5 December 2026).
// Past the limit the worker would stop and the host would start it again. The largest heap measured is the
// duplicate scan's over 1,000,000 guests: the whole process at most 1.96 GB resident under these limits, in
// 48.0 s without the growth held and 50.6 s with it; at most 1.11 GB, in 39.6 s, once the scan held its blocks
// as numbers (duplicates/blocks.ts) (5 December 2026).

const MB = 1024 * 1024;
/** V8's "high memory" threshold is 2 GB of old generation: just under it, the growth factor is about 2. */
const OLD_GENERATION_CEILING_MB = 2047;
const YOUNG_GENERATION_MB = 32;
/** The old generation grows to at most 1.5 times what survived its last full collection. */
const HEAP_GROWING_PERCENT = 50;

export function coreHeapLimits(): ResourceLimits {
  const defaultMb = Math.floor(getHeapStatistics().heap_size_limit / MB);
  return {
    maxOldGenerationSizeMb: Math.min(OLD_GENERATION_CEILING_MB, defaultMb),
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
  };
}

/** Holds V8's heap growth to HEAP_GROWING_PERCENT, for every isolate of this process (the flag is V8's, global). */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
