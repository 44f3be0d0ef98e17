import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// The checkpoints' thread: copies the WAL's committed pages into the database file on a connection of its own, so
// the core's thread never does (checkpoint-client.ts starts it; bundled for Electron as
// dist/electron/checkpoint-thread.cjs beside the core's worker). A passive checkpoint takes no lock the core's
// writes wait for: the core keeps committing to the end of the WAL while the pages before are copied. The thread
// answers each request with the WAL's frame counts after it, and on `close` closes its connection and raises the
// shared flag the core's thread waits on (close must be over before the core closes or swaps the file).
//
// Once every frame is copied, a -wal file bigger than the request says is truncated here too. That ran on the
// core's connection, "with little left to do": but truncating a WAL of a few hundred MB (a burst of writes, a PC
// catching up) held the core's thread 0.6 s in ftruncate on this machine's disk (strace of the sync figures,
// December 2026), and every call and sync message with it. Here it holds only this thread. SQLite keeps the WAL's
// write lock while it truncates, so a write of the core's waits (its busy timeout); reads go on. For the truncation
// this connection never waits itself (busy_timeout 0): with a reader or writer in the way it leaves the file for
// the next time. The passive copy keeps the usual wait, for the rare checkpoint of the core's own (an erasure's).

export type CheckpointThreadStart = { file: string; closed: SharedArrayBuffer };
export type ToCheckpointThread =
  /** A passive checkpoint; then, if it copied every frame and the -wal file holds more, the file truncated. */
  { type: 'checkpoint'; truncateAbovePages: number } | { type: 'close' };
export type FromCheckpointThread =
  | { type: 'checkpointed'; log: number; checkpointed: number; busy: number; truncated: boolean }
  | { type: 'failed'; message: string };

type Frames = { busy: number; log: number; checkpointed: number };
/** Each WAL frame is a page plus a 24-byte header. */
const WAL_FRAME_HEADER = 24;

if (!parentPort) throw new Error('checkpoint-thread.ts runs only as a worker thread (see checkpoint-client.ts)');
const port = parentPort;
const start = workerData as CheckpointThreadStart;
const closed = new Int32Array(start.closed);
const post = (message: FromCheckpointThread) => port.postMessage(message);

let db: Database.Database | undefined;
let frameBytes = 0;
try {
  db = new Database(start.file, { fileMustExist: true });
  frameBytes = (db.pragma('page_size', { simple: true }) as number) + WAL_FRAME_HEADER;
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

const walFilePages = () => {
  try {
    return Math.floor(statSync(`${start.file}-wal`).size / frameBytes);
  } catch {
    return 0; // no -wal file (yet, or any more)
  }
};

/** A TRUNCATE checkpoint, when the passive one copied everything and the file is big; false if it was not. */
function truncateIfCopied(connection: Database.Database, done: Frames, truncateAbovePages: number): boolean {
  if (done.log !== done.checkpointed || walFilePages() <= truncateAbovePages) return false;
  const usualWait = connection.pragma('busy_timeout', { simple: true }) as number;
  connection.pragma('busy_timeout = 0');
  try {
    const [result] = connection.pragma('wal_checkpoint(TRUNCATE)') as Frames[];
    return result?.busy === 0;
  } catch {
    return false; // in the way of a reader or writer of the core's (SQLITE_BUSY): the next idle moment tries again
  } finally {
    connection.pragma(`busy_timeout = ${usualWait}`);
  }
}

port.on('message', (message: ToCheckpointThread) => {
  if (message.type === 'checkpoint') {
    if (!db) return post({ type: 'failed', message: 'no connection' });
    try {
      const [frames] = db.pragma('wal_checkpoint(PASSIVE)') as Frames[];
      const done = { log: frames?.log ?? 0, checkpointed: frames?.checkpointed ?? 0, busy: frames?.busy ?? 0 };
      const truncated = truncateIfCopied(db, done, message.truncateAbovePages);
      post({ type: 'checkpointed', ...(truncated ? { log: 0, checkpointed: 0 } : done), busy: done.busy, truncated });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message.type === 'close') {
    try {
      db?.close();
    } finally {
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      port.close();
    }
  }
});
