import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// The checkpoints' thread: copies the WAL's committed pages into the database file on a connection of its own, so
// the core's thread never does (checkpoint-client.ts starts it; bundled for Electron as
// dist/electron/checkpoint-thread.cjs beside the core's worker). A passive checkpoint takes no lock the core's
// writes wait for: the core keeps committing to the end of the WAL while the pages before are copied. The thread
// answers each request with the WAL's frame counts after it, and on `close` closes its connection and raises the
// shared flag the core's thread waits on (close must be over before the core closes or swaps the file).

export type CheckpointThreadStart = { file: string; closed: SharedArrayBuffer };
export type ToCheckpointThread = 'checkpoint' | 'close';
export type FromCheckpointThread =
  | { type: 'checkpointed'; log: number; checkpointed: number; busy: number }
  | { type: 'failed'; message: string };

if (!parentPort) throw new Error('checkpoint-thread.ts runs only as a worker thread (see checkpoint-client.ts)');
const port = parentPort;
const start = workerData as CheckpointThreadStart;
const closed = new Int32Array(start.closed);
const post = (message: FromCheckpointThread) => port.postMessage(message);

let db: Database.Database | undefined;
try {
  db = new Database(start.file, { fileMustExist: true });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

port.on('message', (message: ToCheckpointThread) => {
  if (message === 'checkpoint') {
    if (!db) return post({ type: 'failed', message: 'no connection' });
    try {
      const [frames] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
        busy: number;
        log: number;
        checkpointed: number;
      }>;
      post({
        type: 'checkpointed',
        log: frames?.log ?? 0,
        checkpointed: frames?.checkpointed ?? 0,
        busy: frames?.busy ?? 0,
      });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message === 'close') {
    try {
      db?.close();
    } finally {
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      port.close();
    }
  }
});
