import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import type { Figure } from './report.ts';
import { summarize } from './stats.ts';

// Exporting the register to .xlsx (exports.run) through the core's dispatch, on the bench database: every
// guest to one sheet (the issue's figure: 100,000 guests ≤ 15 s), and the whole register (guests, stays,
// allergies, requests) as a further figure without a target. Each is one job from the call to the file in
// the store, with the core's ordinary slices; the peak resident memory during each is printed beside it, and
// the process's CPU time (all its threads, zlib's included), which a busy machine inflates far less than the
// wall-clock figure.
// `node tests/bench/export-figures.ts` runs it alone on the cached 100,000-guest database.

const RUNS = { guests: 3, register: 1 };
const quiet = { info() {}, warn: console.warn, error: console.error };

type ExportCase = { name: string; kinds: string[]; runs: number };

export async function exportFigures(file: string, size: number, log: (line: string) => void): Promise<Figure[]> {
  const db = openDatabase(file);
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: quiet });
  const cases: ExportCase[] = [
    { name: 'exports.run.xlsx (guests)', kinds: ['guests'], runs: RUNS.guests },
    {
      name: 'exports.run.xlsx (guests, stays, allergies, requests)',
      kinds: ['guests', 'stays', 'allergies', 'requests'],
      runs: RUNS.register,
    },
  ];
  const figures: Figure[] = [];
  log(`  exports: resident memory before the first export ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
  try {
    for (const { name, kinds, runs } of cases) {
      const samples: number[] = [];
      let peak = 0;
      let last: { rows: number; bytes: number } | undefined;
      const cpu: number[] = [];
      for (let run = 0; run < runs; run++) {
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss);
        }, 20);
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const result = await core.call('exports.run', { kinds, format: 'xlsx', filter: { by: 'all' }, language: 'ja' });
        samples.push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
        clearInterval(sampler);
        if (!result.ok) throw new Error(`exports.run failed: ${JSON.stringify(result.error)}`);
        const { file: id, rows } = result.value as { file: string; rows: number };
        const first = await core.call('files.download', { file: id, offset: 0 });
        last = { rows, bytes: first.ok ? (first.value as { size: number }).size : 0 };
      }
      log(
        `  ${name}: ${last?.rows.toLocaleString('en')} rows, ${((last?.bytes ?? 0) / 2 ** 20).toFixed(1)} MB file, ` +
          `peak rss ${Math.round(peak / 2 ** 20)} MB, cpu ${cpu.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' / ')}`,
      );
      figures.push({ name, size, timing: summarize(samples) });
    }
  } finally {
    core.close();
    db.close();
  }
  return figures;
}

if (import.meta.main) {
  const { ensureDatabase } = await import('./build-database.ts');
  const { printTable } = await import('./report.ts');
  const build = ensureDatabase(100_000, { rebuild: false, log: console.log });
  printTable(await exportFigures(build.file, 100_000, console.log), console.log);
}
