import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { simulateSync } from './sync-simulation.ts';

// `npm run test:sync [-- --seeds 10000] [--from 1] [--workers N]`: the sync simulation (sync-simulation.ts)
// over many seeds, split across worker threads. Prints each failing seed (a seed replays exactly:
// `--from <seed> --seeds 1`) and the totals; exits 1 if any seed failed.

type Totals = Record<string, number>;

async function runSeeds(seeds: number[]) {
  const totals: Totals = { seeds: 0, failed: 0 };
  for (const seed of seeds) {
    totals.seeds = (totals.seeds ?? 0) + 1;
    try {
      const { stats, seed: _seed, line, ...counts } = await simulateSync(seed);
      totals.lines = (totals.lines ?? 0) + (line ? 1 : 0);
      for (const [key, value] of Object.entries({ ...counts, ...stats })) totals[key] = (totals[key] ?? 0) + value;
    } catch (error) {
      totals.failed = (totals.failed ?? 0) + 1;
      parentPort?.postMessage({ failure: `seed ${seed}: ${(error as Error).message}`.slice(0, 500) });
    }
    if ((totals.seeds ?? 0) % 250 === 0) parentPort?.postMessage({ progress: 250 });
  }
  return totals;
}

if (!isMainThread) {
  parentPort?.postMessage({ result: await runSeeds(workerData.seeds as number[]) });
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
  const parts = Array.from({ length: workers }, (_, w) =>
    Array.from({ length: count }, (_, i) => from + i).filter((_, i) => i % workers === w),
  );
  const results = await Promise.all(
    parts.map(
      (seeds) =>
        new Promise<Totals>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { seeds } });
          worker.on('message', (message: { progress?: number; failure?: string; result?: Totals }) => {
            if (message.failure) console.log(`FAIL ${message.failure}`);
            if (message.progress) {
              done += message.progress;
              console.log(
                `  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} seeds, ${Math.round((performance.now() - started) / 1000)} s`,
              );
            }
            if (message.result) resolve(message.result);
          });
          worker.on('error', reject);
        }),
    ),
  );
  const total: Totals = {};
  for (const part of results) for (const [key, value] of Object.entries(part)) total[key] = (total[key] ?? 0) + value;
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(
    `sync simulation: ${total.seeds} seeds (${from}–${from + count - 1}), ${total.failed} failed, in ${seconds} s on ${workers} workers`,
  );
  console.log(
    Object.entries(total)
      .filter(([key]) => key !== 'seeds' && key !== 'failed')
      .map(([key, value]) => `${key} ${value.toLocaleString('en')}`)
      .join(', '),
  );
  process.exit((total.failed ?? 0) > 0 ? 1 : 0);
}
