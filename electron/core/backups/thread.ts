import { Worker } from 'node:worker_threads';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { FromBackupThread, ThreadTask } from './backup-thread.ts';
import type { Inspection, InspectTask } from './inspect.ts';

// Starts the backups' thread (backup-thread.ts) and waits for it without blocking the core's thread. As
// TypeScript under Node (npm run serve, tests) the thread runs backup-thread.ts; in the bundled core worker
// (dist/electron/core-worker.cjs) it runs dist/electron/backup-thread.cjs beside it (launch/bundle.ts).

const THREAD = import.meta.url.endsWith('.ts')
  ? new URL('./backup-thread.ts', import.meta.url)
  : new URL('./backup-thread.cjs', import.meta.url);

function start(task: ThreadTask) {
  const worker = new Worker(THREAD, { workerData: task, name: 'yadocho-backup' });
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return { worker, ended };
}

/** Reads backup files in the thread (inspect.ts). */
export async function inspectInThread(files: InspectTask[]): Promise<Inspection[]> {
  const { worker } = start({ task: 'inspect', files });
  return new Promise<Inspection[]>((resolve, reject) => {
    worker.on('message', (message: FromBackupThread) => {
      if (message.type === 'inspected') resolve(message.inspections);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the backup thread stopped (exit code ${code})`)));
  });
}

export type CopyOutcome = { ok: true; inspection: Inspection } | { ok: false; message: string };

/**
 * Copies `source` to `dest` in the thread, then seals and inspects the copy. `signal` stops it between two
 * copy steps, or ends the thread during the check: `result` rejects with CallFailure('cancelled') at once,
 * and `ended` resolves once the thread is gone (a check cannot stop part way), when the file may be removed.
 */
export function copyInThread(options: {
  source: string;
  dest: string;
  stepPages: number;
  /**
   * The copy's check: `quick` (a backup) or `none` (a register copy for a new PC, which checks it itself on
   * arrival, after the digest: checking the same pages twice would add seconds per gigabyte to a join).
   */
  integrity?: 'quick' | 'none';
  onProgress(done: number, total: number): void;
  signal: AbortSignal;
}): { result: Promise<CopyOutcome>; ended: Promise<void> } {
  const { worker, ended } = start({
    task: 'copy',
    source: options.source,
    dest: options.dest,
    stepPages: options.stepPages,
    integrity: options.integrity,
  });
  let checking = false;
  const result = new Promise<CopyOutcome>((resolve, reject) => {
    const stop = () => {
      // While copying, the thread stops between two steps by itself and says so; the check is ended.
      if (checking) {
        void worker.terminate();
        reject(new CallFailure('cancelled'));
      } else worker.postMessage('stop');
    };
    options.signal.addEventListener('abort', stop, { once: true });
    const settle = () => options.signal.removeEventListener('abort', stop);
    worker.on('message', (message: FromBackupThread) => {
      if (message.type === 'progress') options.onProgress(message.done, message.total);
      else if (message.type === 'checking') checking = true;
      else if (message.type === 'copied') {
        settle();
        resolve({ ok: true, inspection: message.inspection });
      } else if (message.type === 'copy_failed') {
        settle();
        if (message.stopped) reject(new CallFailure('cancelled'));
        else resolve({ ok: false, message: message.message });
      }
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(
        options.signal.aborted
          ? new CallFailure('cancelled')
          : new Error(`the backup thread stopped (exit code ${code})`),
      );
    });
  });
  return { result, ended };
}
