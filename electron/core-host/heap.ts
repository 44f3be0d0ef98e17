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
// Young generation: 12 MB (semi-spaces of 4 MB). Objects that live past two scavenges are promoted and then
// kept until a full collection. With V8's default for a big heap, and still with 32 MB, the young generation was
// itself tens of MB of the import's peak, and the old generation grew in steps as large as what each scavenge
// let through. 12 MB measured lowest with no cost in time (the import bench, 5 December 2026, alternated runs):
// 376-428 MB (one run at 330) and 19-21 s, against 442-515 MB and 20-23 s at 32 MB; 8 MB 403-418 MB; 16 MB
// 455-457 MB. Keystroke-to-results in Chromium against the worker (100,000 guests) the same at 12 and 32 MB
// (p95 31.2 and 31.7 ms, twice each), and search during a backup the same (p95 4.85-5.32 against 4.92-4.95 ms,
// both measured beside a register being built on the other core).
//
// Growth held to 1.5 times (V8's `--heap-growing-percent=50`, set with `v8.setFlagsFromString` before each
// worker started) met the import's 500 MB in every run (454-496 MB), but was withdrawn the same day: a V8 fatal
// error ("Check failed: jit_page.has_value()") stopped a Playwright worker that had set it at every one of its
// many core starts. Not shown to be the cause (Node 24 has an open report of the same check failing without it),
// but a flag changed while other isolates run is not worth that doubt (docs/import.md).
//
// The import bench (`node tests/bench/import-figures.ts`, bundled as the app runs it), peak resident memory:
// - V8's defaults: 617-624 MB;
// - these limits: 508-516 MB (cleansing and matching still two passes), 483-536 MB (one pass);
// - the growth held to 1.5 (withdrawn, above): 464-496 MB in eleven runs, against 491-542 MB without it;
// - without it, the duplicate scan's blocks held as numbers: 465, 484, 527 MB (5 December 2026);
// - the plan's stays held as numbers (imports/planned-stays.ts): 435, 454, 496 MB; with the 12 MB young
//   generation: 330-428 MB.
// Past the limit the worker would stop and the host would start it again. The largest heap measured is the
// duplicate scan's over 1,000,000 guests: the whole process at most 1.96 GB resident under these limits, in
// 48.0 s without the growth held and 50.6 s with it; at most 1.11 GB, in 39.6 s, once the scan held its blocks
// as numbers (duplicates/blocks.ts) (5 December 2026).

const MB = 1024 * 1024;
/** V8's "high memory" threshold is 2 GB of old generation: just under it, the growth factor is about 2. */
const OLD_GENERATION_CEILING_MB = 2047;
const YOUNG_GENERATION_MB = 12;

export function coreHeapLimits(): ResourceLimits {
  const defaultMb = Math.floor(getHeapStatistics().heap_size_limit / MB);
  return {
    maxOldGenerationSizeMb: Math.min(OLD_GENERATION_CEILING_MB, defaultMb),
    maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
  };
}
