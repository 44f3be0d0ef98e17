import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { simulate } from './simulation.ts';

// `npm run test:convergence [-- --seeds 10000] [--from 1] [--workers N]`: the convergence simulation
// (simulation.ts) over many seeds, split across worker threads. Prints each failing seed with what diverged
// (a seed replays exactly: `--from <seed> --seeds 1`), and a summary; exits 1 if any seed failed.

type Totals = {
  seeds: number;
  failed: number;
  writes: number;
  acknowledged: number;
  deliveries: number;
  duplicates: number;
  restarts: number;
  held: number;
  conflicts: number;
};

async function runSeeds(seeds: number[]): Promise<Totals & { failures: string[] }> {
  const totals = {
    seeds: 0,
    failed: 0,
    writes: 0,
    acknowledged: 0,
    deliveries: 0,
    duplicates: 0,
    restarts: 0,
    held: 0,
    conflicts: 0,
    failures: [] as string[],
  };
  for (const seed of seeds) {
    totals.seeds++;
    try {
      const result = await simulate(seed);
      for (const key of [
        'writes',
        'acknowledged',
        'deliveries',
        'duplicates',
        'restarts',
        'held',
        'conflicts',
      ] as const)
        totals[key] += result[key];
    } catch (error) {
      totals.failed++;
      totals.failures.push(`seed ${seed}: ${(error as Error).message}`.slice(0, 500));
      // Said at once, so a run stopped early still tells what it found.
      parentPort?.postMessage({ failure: totals.failures.at(-1) });
    }
    if (totals.seeds % 250 === 0) parentPort?.postMessage({ progress: 250 });
  }
  return totals;
}

if (!isMainThread) {
  const result = await runSeeds(workerData.seeds as number[]);
  parentPort?.postMessage({ result });
} else {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '10000' },
      from: { type: 'string', default: '1' },
      workers: { type: 'string' },
    },
  });
  const count = Number(values.seeds);
  const from = Number(values.from);
  const workers = Math.max(1, Math.min(Number(values.workers ?? availableParallelism()), count));
  const started = performance.now();
  let done = 0;
  let failed = 0;
  const parts = Array.from({ length: workers }, (_, w) =>
    Array.from({ length: count }, (_, i) => from + i).filter((_, i) => i % workers === w),
  );
  const results = await Promise.all(
    parts.map(
      (seeds) =>
        new Promise<Totals & { failures: string[] }>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { seeds } });
          worker.on(
            'message',
            (message: { progress?: number; failure?: string; result?: Totals & { failures: string[] } }) => {
              if (message.failure) {
                failed++;
                console.log(`FAIL ${message.failure}`);
              }
              if (message.progress) {
                done += message.progress;
                console.log(
                  `  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} seeds, ${failed} failed so far, ${Math.round((performance.now() - started) / 1000)} s`,
                );
              }
              if (message.result) resolve(message.result);
            },
          );
          worker.on('error', reject);
        }),
    ),
  );
  const total = results.reduce(
    (sum, part) => {
      for (const key of Object.keys(sum) as Array<keyof Totals>) sum[key] += part[key];
      return sum;
    },
    {
      seeds: 0,
      failed: 0,
      writes: 0,
      acknowledged: 0,
      deliveries: 0,
      duplicates: 0,
      restarts: 0,
      held: 0,
      conflicts: 0,
    } as Totals,
  );
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(
    `convergence: ${total.seeds.toLocaleString('en')} seeds (${from}–${from + count - 1}), ${total.failed} failed, in ${seconds} s on ${workers} workers`,
  );
  console.log(
    `  ${total.writes.toLocaleString('en')} writes tried, ${total.acknowledged.toLocaleString('en')} acknowledged, ` +
      `${total.deliveries.toLocaleString('en')} transactions applied, ${total.duplicates.toLocaleString('en')} duplicates ignored, ` +
      `${total.held.toLocaleString('en')} held for the clock, ${total.restarts.toLocaleString('en')} restarts, ${total.conflicts.toLocaleString('en')} conflicts at the end`,
  );
  process.exit(total.failed > 0 ? 1 : 0);
}
