import { v7 as uuidv7 } from 'uuid';
import type { JobKind, JobProgress, JobState } from '../../../shared/contract/jobs.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Logger } from '../context.ts';

// Long jobs in short slices. A job is a generator: the work between two `yield`s is one slice, run
// synchronously (a slice that writes commits its own transaction before it yields), and the runner waits a
// turn of the event loop (setImmediate) before the next, so calls that arrived meanwhile (a search keystroke)
// are answered in between. A slice stops when `slice.due()` says its time is used. Cancelling marks the job;
// at the next boundary the runner closes the generator (its `finally` blocks clean up, and may yield more
// slices to do so) and the call that started the job answers `cancelled`. No module-level state: a runner
// lives in one core.

/** What a slice reports when it yields: how far the job has got. */
export type SliceProgress = { done: number; total: number };

export type SliceClock = {
  /** True once the current slice has used its time: finish the unit of work at hand and yield. */
  due(): boolean;
};

export type JobBody<T> = (slice: SliceClock) => Generator<SliceProgress, T, void>;

export type JobRunnerOptions = {
  logger: Logger;
  /** Told every progress event, already throttled. */
  onProgress(progress: JobProgress): void;
  /** Synchronous work per slice before yielding, in ms. 0 makes every slice one unit of work (tests). */
  sliceMs?: number;
  /** At most one `running` event per job in this many ms; the first and the final ones always go out. */
  progressEveryMs?: number;
};

/**
 * A job whose work awaits (reading a file that arrives as a stream): it reports with `report` and pauses
 * with `pause()` between pieces of synchronous work, which is where calls that arrived meanwhile are answered
 * and where a cancel is noticed (pause rejects with CallFailure('cancelled')). `signal` aborts on cancel too,
 * for work that waits on something else (a stream).
 */
export type AsyncJob = {
  report(done: number, total: number, step?: string): void;
  /** Resolves on the next turn of the event loop; rejects when the job was cancelled. */
  pause(): Promise<void>;
  /** True once the current piece of synchronous work has used its slice: await pause() then. */
  due(): boolean;
  signal: AbortSignal;
};

export type JobRunner = {
  /**
   * Runs `body` in slices as a job of `kind`; resolves with its result, rejects with CallFailure('cancelled').
   * `total`, when known before the first slice, is in the first progress event.
   */
  run<T>(kind: JobKind, body: JobBody<T>, total?: number, options?: { sliceMs?: number }): Promise<T>;
  /** Runs asynchronous work as a job of `kind` (see AsyncJob); same events, same cancel. */
  runAsync<T>(kind: JobKind, body: (job: AsyncJob) => Promise<T>): Promise<T>;
  /** Asks a job to stop at its next slice boundary. False when no such job is running. */
  cancel(job: string): boolean;
  list(): JobProgress[];
  /** Whether a job of this kind is running (a second rebuild is refused while one runs). */
  isRunning(kind: JobKind): boolean;
  /** At shutdown: closes every job's generator now, synchronously (cleanup included), before the database closes. */
  stopAll(): void;
};

type Running = {
  progress: JobProgress;
  generator?: Generator<SliceProgress, unknown, void>;
  abort?: AbortController;
  cancelRequested: boolean;
  stopped: boolean;
  lastEmitted: number;
};

const DEFAULT_SLICE_MS = 12;
const DEFAULT_PROGRESS_EVERY_MS = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const progressEveryMs = options.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS;
  const jobs = new Map<string, Running>();
  let sliceStarted = 0;
  // The budget of the slice running now: a job may ask for longer slices than the default (see run).
  let budget = sliceMs;
  const clock: SliceClock = { due: () => performance.now() - sliceStarted >= budget };

  const emit = (job: Running, state: JobState, force: boolean) => {
    const now = performance.now();
    job.progress = { ...job.progress, state };
    if (!force && now - job.lastEmitted < progressEveryMs) return;
    job.lastEmitted = now;
    try {
      options.onProgress({ ...job.progress });
    } catch (error) {
      options.logger.error('progress listener failed', error);
    }
  };

  /** Closes a cancelled job's generator, running its cleanup slices to the end. */
  const closeGenerator = async (job: Running) => {
    sliceStarted = performance.now();
    const generator = job.generator as Generator<SliceProgress, unknown, void>;
    let step = generator.return(undefined);
    while (!step.done) {
      await nextTurn();
      sliceStarted = performance.now();
      step = generator.next();
    }
  };

  return {
    async run<T>(kind: JobKind, body: JobBody<T>, total = 0, options: { sliceMs?: number } = {}): Promise<T> {
      // Tests ask for one unit per slice (sliceMs 0): a job's own longer budget must not undo that.
      const jobBudget = sliceMs === 0 ? 0 : (options.sliceMs ?? sliceMs);
      const job: Running = {
        progress: { job: uuidv7(), kind, done: 0, total, state: 'running' },
        generator: body(clock),
        cancelRequested: false,
        stopped: false,
        lastEmitted: 0,
      };
      jobs.set(job.progress.job, job);
      emit(job, 'running', true);
      try {
        for (;;) {
          if (job.stopped) throw new CallFailure('cancelled');
          if (job.cancelRequested) {
            await closeGenerator(job);
            emit(job, 'cancelled', true);
            throw new CallFailure('cancelled');
          }
          sliceStarted = performance.now();
          budget = jobBudget;
          const step = (job.generator as Generator<SliceProgress, unknown, void>).next();
          if (step.done) {
            job.progress = { ...job.progress, done: job.progress.total };
            emit(job, 'done', true);
            return step.value as T;
          }
          job.progress = { ...job.progress, done: step.value.done, total: step.value.total };
          emit(job, 'running', false);
          await nextTurn();
        }
      } catch (error) {
        if (!(error instanceof CallFailure && error.error.code === 'cancelled')) emit(job, 'failed', true);
        throw error;
      } finally {
        jobs.delete(job.progress.job);
      }
    },
    async runAsync<T>(kind: JobKind, body: (job: AsyncJob) => Promise<T>): Promise<T> {
      const abort = new AbortController();
      const job: Running = {
        progress: { job: uuidv7(), kind, done: 0, total: 0, state: 'running' },
        abort,
        cancelRequested: false,
        stopped: false,
        lastEmitted: 0,
      };
      jobs.set(job.progress.job, job);
      emit(job, 'running', true);
      let started = performance.now();
      const handle: AsyncJob = {
        report(done, total, step) {
          job.progress = { ...job.progress, done, total, ...(step === undefined ? {} : { step }) };
          emit(job, 'running', false);
        },
        async pause() {
          if (job.cancelRequested || job.stopped) throw new CallFailure('cancelled');
          await nextTurn();
          started = performance.now();
          if (job.cancelRequested || job.stopped) throw new CallFailure('cancelled');
        },
        due: () => performance.now() - started >= sliceMs,
        signal: abort.signal,
      };
      try {
        const value = await body(handle);
        if (job.cancelRequested || job.stopped) throw new CallFailure('cancelled');
        job.progress = { ...job.progress, done: job.progress.total };
        emit(job, 'done', true);
        return value;
      } catch (error) {
        const cancelled =
          job.cancelRequested || job.stopped || (error instanceof CallFailure && error.error.code === 'cancelled');
        emit(job, cancelled ? 'cancelled' : 'failed', true);
        throw cancelled ? new CallFailure('cancelled') : error;
      } finally {
        jobs.delete(job.progress.job);
      }
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job || job.cancelRequested) return job !== undefined;
      job.cancelRequested = true;
      job.abort?.abort();
      emit(job, 'cancelling', true);
      return true;
    },
    list: () => [...jobs.values()].map((job) => ({ ...job.progress })),
    isRunning: (kind) => [...jobs.values()].some((job) => job.progress.kind === kind),
    stopAll() {
      for (const job of jobs.values()) {
        if (job.stopped) continue;
        job.stopped = true;
        job.abort?.abort();
        if (!job.generator) continue; // asynchronous work stops at its next pause, and writes nothing after
        // No more turns of the event loop: the database closes right after. Cleanup runs without pauses.
        let step = job.generator.return(undefined);
        while (!step.done) step = job.generator.next();
        emit(job, 'cancelled', true);
      }
    },
  };
}
