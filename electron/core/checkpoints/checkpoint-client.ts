import { Worker } from 'node:worker_threads';
import type { Logger } from '../context.ts';
import type { CheckpointThreadStart, FromCheckpointThread, ToCheckpointThread } from './checkpoint-thread.ts';

// The core's side of the checkpoints' thread (checkpoint-thread.ts). Started on the first checkpoint asked for;
// one request at a time (a checkpoint asked for while one runs is the same work: it is skipped, and the next
// commit or idle moment asks again). Should the thread fail (it cannot open the file, it stops), the client says
// so once and answers `false` from then on, and the checkpointer copies on the core's own connection, as before.

const THREAD = import.meta.url.endsWith('.ts')
  ? new URL('./checkpoint-thread.ts', import.meta.url)
  : new URL('./checkpoint-thread.cjs', import.meta.url);

/** How long closing waits for the thread to close its connection (it finishes the checkpoint under way first). */
const CLOSE_WAIT_MS = 5_000;

export type Frames = { log: number; checkpointed: number; truncated: boolean };

export type CheckpointClient = {
  /**
   * Asks for a passive checkpoint off the core's thread, and the -wal file truncated there once it copied every
   * frame if it holds more than `truncateAbovePages`; `false` when the thread cannot serve (copy here).
   */
  request(truncateAbovePages: number, done?: (frames: Frames) => void): boolean;
  /** Closes the thread's connection and waits for it (the core may close or swap the file right after). */
  close(): void;
};

export function createCheckpointClient(file: string, logger: Logger): CheckpointClient {
  let worker: Worker | undefined;
  let closedFlag: Int32Array | undefined;
  let failed = false;
  /** A checkpoint is under way (its answer not yet back), and who waits for that answer. */
  let underWay = false;
  let waiting: ((frames: Frames) => void) | undefined;

  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    underWay = false;
    waiting = undefined;
    logger.warn(`the checkpoints' thread stopped (${reason}); checkpoints run on the core's thread`);
    void worker?.terminate();
  };
  const spawn = () => {
    const shared = new SharedArrayBuffer(4);
    closedFlag = new Int32Array(shared);
    const started = new Worker(THREAD, {
      workerData: { file, closed: shared } satisfies CheckpointThreadStart,
      name: 'yadocho-checkpoints',
    });
    started.unref();
    started.on('message', (message: FromCheckpointThread) => {
      if (message.type === 'failed') return fail(message.message);
      const done = waiting;
      underWay = false;
      waiting = undefined;
      done?.({ log: message.log, checkpointed: message.checkpointed, truncated: message.truncated });
    });
    started.on('error', (error: Error) => fail(error.message));
    started.on('exit', (code) => {
      if (worker === started && closedFlag && Atomics.load(closedFlag, 0) === 0) fail(`exit code ${code}`);
    });
    worker = started;
  };

  return {
    request(truncateAbovePages, done) {
      if (failed) return false;
      if (underWay) return true; // one under way does the same work
      if (!worker) spawn();
      underWay = true;
      waiting = done;
      (worker as Worker).postMessage({ type: 'checkpoint', truncateAbovePages } satisfies ToCheckpointThread);
      return true;
    },
    close() {
      const current = worker;
      worker = undefined;
      underWay = false;
      waiting = undefined;
      if (!current || !closedFlag || failed) {
        void current?.terminate();
        return;
      }
      current.postMessage({ type: 'close' } satisfies ToCheckpointThread);
      // Blocks the core's thread until the connection is closed: a closed core's file may be renamed at once.
      if (Atomics.wait(closedFlag, 0, 0, CLOSE_WAIT_MS) === 'timed-out') {
        logger.warn("the checkpoints' thread did not close in time; stopping it");
      }
      void current.terminate();
    },
  };
}
