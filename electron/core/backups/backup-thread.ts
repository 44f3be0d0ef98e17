import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type InspectTask, inspectFile } from './inspect.ts';

// A short-lived thread for the backups' heavy work, so the core's thread never does it and keeps answering
// (thread.ts starts it; bundled for Electron as dist/electron/backup-thread.cjs beside the core's worker):
//
// - `copy`: SQLite's online backup API through better-sqlite3 (`db.backup(file, { progress })`) on a
//   connection of its own to the register, page by page in steps, telling the core how far it got after each
//   step and stopping between two steps when told to. A write the core commits between two steps makes
//   SQLite restart the copy (it came through another connection); after a restart the rest is copied in one
//   step, a single read transaction, so a busy desk cannot keep the backup from finishing. WAL lets the core
//   write on meanwhile. The copy is then sealed (rollback journal: one self-contained file) and inspected.
// - `inspect`: reads backup files without changing them (inspect.ts): the list, a restore's check.

export type ThreadTask =
  | { task: 'copy'; source: string; dest: string; stepPages: number; integrity?: 'quick' | 'none' }
  | { task: 'inspect'; files: InspectTask[] };

export type FromBackupThread =
  | { type: 'progress'; done: number; total: number }
  | { type: 'checking' }
  | { type: 'copied'; inspection: ReturnType<typeof inspectFile> }
  | { type: 'copy_failed'; stopped: boolean; message: string }
  | { type: 'inspected'; inspections: ReturnType<typeof inspectFile>[] };

/** The most pages one step may copy: all that remain. */
const ALL = 0x7fffffff;

if (!parentPort) throw new Error('backup-thread.ts runs only as a worker thread (see thread.ts)');
const port = parentPort;
const task = workerData as ThreadTask;
const post = (message: FromBackupThread) => port.postMessage(message);

class Stopped extends Error {}

async function copy(source: string, dest: string, stepPages: number, integrity: 'quick' | 'none') {
  let stopped = false;
  port.on('message', (message) => {
    if (message === 'stop') stopped = true;
  });
  const db = new Database(source, { fileMustExist: true });
  let remaining = Number.POSITIVE_INFINITY;
  let allAtOnce = false;
  try {
    await db.backup(dest, {
      progress({ totalPages, remainingPages }) {
        if (stopped) throw new Stopped();
        if (remainingPages > remaining) allAtOnce = true; // restarted: the core wrote between two steps
        remaining = remainingPages;
        post({ type: 'progress', done: totalPages - remainingPages, total: totalPages });
        return allAtOnce ? ALL : stepPages;
      },
    });
  } catch (error) {
    post({ type: 'copy_failed', stopped: stopped || error instanceof Stopped, message: String(error) });
    return;
  } finally {
    db.close();
  }
  post({ type: 'checking' });
  post({ type: 'copied', inspection: inspectFile({ file: dest, integrity, seal: true }) });
}

// Not a top-level await: the bundle for Electron is CommonJS.
if (task.task === 'copy')
  void copy(task.source, task.dest, task.stepPages, task.integrity ?? 'quick').finally(() => port.close());
else post({ type: 'inspected', inspections: task.files.map((file) => inspectFile(file)) });
