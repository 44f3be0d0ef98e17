import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../electron/core/create-core.ts';
import { startCoreHost, WORKER_SOURCE } from '../../electron/core-host/host.ts';
import { FILE_CHUNK_BYTES } from '../../shared/contract/files.ts';

// The import bench's child process (import-figures.ts starts it): one import of the ledger it is given, with the
// core in its worker as the app runs it (core-host/host.ts), so the process's peak resident memory is the
// import's as the app would have it: two threads, each with its own heap. This file imports only the host, as the app's main process
// does: the bench's own modules (exceljs to write the ledger, the core for the baseline) stay in the parent.

export const CHILD = import.meta.filename;

export async function must<T>(core: Pick<Core, 'call'>, name: string, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export async function staffed(core: Pick<Core, 'call'>) {
  const staff = await must<{ id: string }>(core, 'staff.create', { name: 'フロント 佐藤' });
  await must(core, 'staff.setCurrent', { id: staff.id });
}

export type ChildResult = {
  seconds: { upload: number; preview: number; run: number; total: number };
  counts: Record<string, number>;
  progressEvents: number;
  steps: string[];
  stepSeconds: Record<string, number>;
  peakMbByStep: Record<string, number>;
  peakMb: number;
  fileMb: number;
};

/**
 * This process's peak resident memory, in MB. Not getrusage's maxRSS: Linux keeps it across exec, so a child
 * started by a bench process that had grown to 2.7 GB (npm run bench, after its export figures) reported 2.7 GB
 * before it had done anything. /proc/self/status's VmHWM is the high-water mark of this process's own memory
 * since exec; where there is none, the highest of the samples taken every 50 ms.
 */
function peakResidentMb(sampledMb: number): number {
  try {
    const highWater = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (highWater) return Number(highWater[1]) / 1024;
  } catch {
    // Not Linux: the samples.
  }
  return sampledMb;
}

/**
 * The import alone, in this process (run as a child, so its peak resident memory is the import's), with the core in its worker
 * as the app runs it (core-host/host.ts).
 */
async function importOnce(ledger: string, entry: URL | string): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yadocho-import-bench-'));
  const quiet = { info() {}, warn: console.warn, error: console.error };
  const core = await startCoreHost({
    file: join(dir, 'yadocho.sqlite'),
    entry,
    quiet: true,
    logger: quiet,
    backups: { firstCheckMs: 2 ** 31 - 1, checkEveryMs: 2 ** 31 - 1 },
  });
  await staffed(core);
  // Each step's seconds, and the highest resident memory during it (sampled): where a peak comes from.
  const steps = new Set<string>();
  const stepTimes: Record<string, number> = {};
  const peaks: Record<string, number> = {};
  let progressEvents = 0;
  let phase = 'upload';
  let lastStep = '';
  let stepStarted = performance.now();
  const sampler = setInterval(() => {
    peaks[phase] = Math.max(peaks[phase] ?? 0, process.memoryUsage().rss / 1024 / 1024);
  }, 50);
  core.onProgress((progress) => {
    progressEvents++;
    const step = `${progress.kind}${progress.step ? `:${progress.step}` : ''}`;
    steps.add(step);
    if (step !== lastStep) {
      if (lastStep) stepTimes[lastStep] = (stepTimes[lastStep] ?? 0) + (performance.now() - stepStarted) / 1000;
      lastStep = step;
      stepStarted = performance.now();
      phase = step;
    }
  });
  const started = performance.now();
  const bytes = readFileSync(ledger);
  let upload: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += FILE_CHUNK_BYTES) {
    const answer = await must<{ upload: string }>(core, 'files.upload', {
      ...(upload ? { upload } : {}),
      name: '顧客台帳.xlsx',
      size: bytes.length,
      offset,
      chunk: bytes.subarray(offset, offset + FILE_CHUNK_BYTES).toString('base64'),
    });
    upload = answer.upload;
  }
  const uploaded = performance.now();
  const preview = await must<{ counts: Record<string, number> }>(core, 'imports.preview', { upload });
  const previewed = performance.now();
  const run = await must<{ counts: Record<string, number> }>(core, 'imports.run', { upload });
  const done = performance.now();
  if (lastStep) stepTimes[lastStep] = (stepTimes[lastStep] ?? 0) + (performance.now() - stepStarted) / 1000;
  clearInterval(sampler);
  await core.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    seconds: {
      upload: (uploaded - started) / 1000,
      preview: (previewed - uploaded) / 1000,
      run: (done - previewed) / 1000,
      total: (done - started) / 1000,
    },
    counts: { ...preview.counts, ...run.counts },
    progressEvents,
    steps: [...steps],
    stepSeconds: Object.fromEntries(Object.entries(stepTimes).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    peakMbByStep: Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, Math.round(v)])),
    peakMb: peakResidentMb(Math.max(0, ...Object.values(peaks))),
    fileMb: statSync(ledger).size / 1024 / 1024,
  };
}

// Run as `import-child <ledger> [core-worker.cjs]`: import-figures.ts runs it bundled (CommonJS, so no top-level
// await), with the bundled worker.
if (process.argv[1] === CHILD) {
  importOnce(process.argv[2] as string, process.argv[3] ?? WORKER_SOURCE).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
