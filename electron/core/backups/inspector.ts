import { Worker } from 'node:worker_threads';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Inspection, InspectTask } from './inspect.ts';

// Runs inspections (inspect.ts) in a thread of their own and waits for them without blocking the core's
// thread. As TypeScript under Node (npm run serve, tests) the thread runs inspect-thread.ts; in the bundled
// core worker (dist/electron/core-worker.cjs) it runs dist/electron/backup-inspect.cjs beside it
// (electron/launch/bundle.ts builds both).

const THREAD = import.meta.url.endsWith('.ts')
  ? new URL('./inspect-thread.ts', import.meta.url)
  : new URL('./backup-inspect.cjs', import.meta.url);

/**
 * Inspects `tasks` in a new thread; rejects with CallFailure('cancelled') when `signal` aborts (the thread is
 * stopped; `ended` resolves once it has, so a caller can remove a file it was reading).
 */
export function inspectInThread(
  tasks: InspectTask[],
  signal?: AbortSignal,
): { result: Promise<Inspection[]>; ended: Promise<void> } {
  const worker = new Worker(THREAD, { workerData: tasks, name: 'yadocho-backup-inspect' });
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const result = new Promise<Inspection[]>((resolve, reject) => {
    const onAbort = () => {
      void worker.terminate();
      reject(new CallFailure('cancelled'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (inspections: Inspection[]) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(inspections);
    });
    worker.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(`the backup inspection thread stopped (exit code ${code})`));
    });
  });
  return { result, ended };
}
