import { Worker } from 'node:worker_threads';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { fail, type Result } from '../../shared/contract/result.ts';
import type { Logger } from '../core/context.ts';
import type { CallOptions, Core } from '../core/create-core.ts';
import { coreHeapLimits } from './heap.ts';
import type { FromWorker, ToWorker, WorkerStart } from './protocol.ts';

// The host of the core's worker, on the doors' thread (Electron's main process, `npm run serve`). It has the
// core's shape (`call`, `onChanged`, `onProgress`, `close`), so the IPC and HTTP doors use it as they would
// use a core in the same thread, and tests can hand them either. Calls go to the worker as messages and their
// answers come back by id; `changed` and `progress` events are passed on to the listeners.
//
// A worker that dies (a crash, an out-of-memory) must not leave callers waiting: every call it had not
// answered answers `internal`, jobs it was running are reported `failed`, and a new worker is started on the
// same file, at most `maxRestarts` times in `restartWindowMs`. Past that the host stops, says so to its
// `onStopped` listeners and the log, and answers every call `internal`. Calls made while a worker starts
// wait for it (postMessage queues them).

export type CoreHostOptions = WorkerStart & {
  /** The worker's script: electron/core-host/worker.ts under Node, dist/electron/core-worker.cjs in Electron. */
  entry: URL | string;
  logger?: Logger;
  maxRestarts?: number;
  restartWindowMs?: number;
  /** How long close() waits for the worker to close the database before it terminates the thread. */
  closeTimeoutMs?: number;
};

export type CoreHost = Omit<Core, 'close' | 'changes' | 'beforeClose'> & {
  /** Makes the backup on quitting (bounded), stops the jobs, closes the database in the worker and ends the thread. */
  close(): Promise<void>;
  /** Told when the worker kept failing and the host gave up: the app cannot work without its core. */
  onStopped(listener: (reason: string) => void): () => void;
};

type Pending = { resolve: (result: Result<unknown>) => void };

const DEFAULTS = { maxRestarts: 3, restartWindowMs: 60_000, closeTimeoutMs: 10_000 };

/** The worker's script when this file runs as TypeScript under Node (not bundled). */
export const WORKER_SOURCE = new URL('./worker.ts', import.meta.url);

function listeners<T>() {
  const set = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void) {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(value: T, logger: Logger) {
      for (const listener of set) {
        try {
          listener(value);
        } catch (error) {
          logger.error('core host listener failed', error);
        }
      }
    },
  };
}

/** Starts the core's worker on `options.file`; resolves once the core is ready, rejects if it cannot start. */
export function startCoreHost(options: CoreHostOptions): Promise<CoreHost> {
  const {
    entry,
    logger = console,
    maxRestarts,
    restartWindowMs,
    closeTimeoutMs,
    ...start
  } = {
    ...DEFAULTS,
    ...options,
  };
  const workerData: WorkerStart = start;
  const pending = new Map<number, Pending>();
  const running = new Map<string, JobProgress>();
  const changed = listeners<string[]>();
  const progress = listeners<JobProgress>();
  const stopped = listeners<string>();
  const crashes: number[] = [];
  let nextId = 1;
  let nodeId = '';
  let worker: Worker;
  let state: 'running' | 'closing' | 'stopped' = 'running';
  let firstReady: { resolve: () => void; reject: (error: Error) => void } | undefined;

  const onMessage = (message: FromWorker) => {
    switch (message.type) {
      case 'ready':
        nodeId = message.nodeId;
        firstReady?.resolve();
        firstReady = undefined;
        return;
      case 'result': {
        const call = pending.get(message.id);
        pending.delete(message.id);
        call?.resolve(message.result);
        return;
      }
      case 'changed':
        changed.emit(message.tables, logger);
        return;
      case 'progress':
        if (message.progress.state === 'running' || message.progress.state === 'cancelling') {
          running.set(message.progress.job, message.progress);
        } else running.delete(message.progress.job);
        progress.emit(message.progress, logger);
        return;
      case 'closed':
        return;
    }
  };

  /** What a worker left behind when it ended: unanswered calls and unfinished jobs. */
  const abandon = (answer: Result<unknown>) => {
    for (const call of pending.values()) call.resolve(answer);
    pending.clear();
    for (const job of running.values()) progress.emit({ ...job, state: 'failed' }, logger);
    running.clear();
  };

  const spawn = () => {
    const current = new Worker(entry, { workerData, name: 'yadocho-core', resourceLimits: coreHeapLimits() });
    worker = current;
    current.on('message', onMessage);
    current.on('error', (error) => logger.error('the core’s worker failed', error));
    current.on('exit', (code) => {
      if (worker !== current) return;
      if (state !== 'running') return abandon(fail('internal'));
      abandon(fail('internal'));
      if (firstReady) {
        // It never started (the database cannot be opened): nothing to restart into.
        firstReady.reject(new Error(`the core’s worker stopped before it was ready (exit code ${code})`));
        firstReady = undefined;
        state = 'stopped';
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && (crashes[0] as number) < now - restartWindowMs) crashes.shift();
      if (crashes.length > maxRestarts) {
        state = 'stopped';
        const reason = `the core’s worker stopped ${crashes.length} times within ${restartWindowMs} ms (last exit code ${code})`;
        logger.error(`${reason}; not restarting it`);
        stopped.emit(reason, logger);
        return;
      }
      logger.error(`the core’s worker stopped (exit code ${code}); starting it again`);
      spawn();
    });
  };

  const host: CoreHost = {
    get nodeId() {
      return nodeId;
    },
    call(name: string, input: unknown, options?: CallOptions) {
      if (state !== 'running') return Promise.resolve(fail('internal'));
      // Copying a value to the worker is recursive: JSON nested thousands deep (well inside the HTTP door's
      // 1 MB) would overflow the stack there and answer `internal`. No call's input nests anywhere near this.
      if (nestedDeeperThan(input, MAX_INPUT_DEPTH)) return Promise.resolve(fail('invalid_input', 'input_too_deep'));
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, { resolve });
        const message: ToWorker = { type: 'call', id, name, input, options };
        try {
          worker.postMessage(message);
        } catch (error) {
          // Input that cannot be cloned (a function, say) never reaches the core.
          pending.delete(id);
          logger.error(`call ${name} could not be sent to the core’s worker`, error);
          resolve(fail('internal'));
        }
      });
    },
    onChanged: (listener) => changed.add(listener),
    onProgress: (listener) => progress.add(listener),
    onStopped: (listener) => stopped.add(listener),
    async close() {
      if (state !== 'running') return;
      state = 'closing';
      const current = worker;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.postMessage({ type: 'close' } satisfies ToWorker);
      const timer = setTimeout(() => {
        logger.warn('the core’s worker did not close in time; stopping it');
        void current.terminate();
      }, closeTimeoutMs);
      await exited;
      clearTimeout(timer);
      state = 'stopped';
    },
  };

  return new Promise<CoreHost>((resolve, reject) => {
    firstReady = { resolve: () => resolve(host), reject };
    spawn();
  });
}

/** Deeper than any call's input (a few levels: an object of fields, a list of them, an object in it). */
export const MAX_INPUT_DEPTH = 64;

/** Whether `value` nests arrays or objects more than `limit` levels deep; walks with a stack of its own. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
