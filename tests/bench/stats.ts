// Timing and percentiles for the benchmark. Nearest-rank percentiles: every figure is a time one run
// really took (no interpolation between two runs), which is what "95% of searches take at most" means.

export type Percentiles = { runs: number; p50: number; p95: number; p99: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export function summarize(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/**
 * Runs `work(i)` `warmup` times untimed (statements prepared, pages cached, JIT settled), then `runs`
 * times timed one by one with performance.now(). `i` counts on through both (0 … warmup + runs - 1),
 * so the caller can rotate through its inputs or give every run an input of its own. `rest`, if given,
 * runs untimed after each run: the quiet between two writes at the desk.
 */
export async function measure(
  runs: number,
  warmup: number,
  work: (i: number) => unknown | Promise<unknown>,
  rest?: () => unknown | Promise<unknown>,
): Promise<Percentiles> {
  for (let i = 0; i < warmup; i++) {
    await work(i);
    await rest?.();
  }
  const samples: number[] = [];
  for (let i = warmup; i < warmup + runs; i++) {
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
    await rest?.();
  }
  return summarize(samples);
}
