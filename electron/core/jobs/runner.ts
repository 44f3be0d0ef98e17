import { v7 as uuidv7 } from 'uuid';
import type { JobKind, JobProgress, JobState } from '../../../shared/contract/jobs.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Logger } from '../context.ts';
import { nextTurn } from '../desk-first.ts';

// Long jobs in short slices. A job is a generator: the work between two `yield`s is one slice, run
// synchronously (a slice that writes commits its own transaction before it yields), and the runner waits a
// turn of the event loop (setImmediate) before the next, so calls that arrived meanwhile (a search keystroke)
// are answered in between. A slice stops when `slice.due()` says its time is used. Cancelling marks the job;
// at the next boundary the runner closes the generator (its `finally` blocks clean up, and may yield more
// slices to do so) and the call that started the job answers `cancelled`. No module-level state: a runner
// lives in one core.
//
// Upkeep nobody waits for (the search index rebuilt, every guest's rank after a rule change, the manager's
// totals) runs as a background job: between two slices it awaits `betweenBackgroundSlices`, which the core
// makes wait while staff are at work (create-core.ts). One turn of the event loop answers a keystroke that
// arrived during a slice, but the slices that follow then ran beside Chromium drawing its results on a
// two-core PC (a keystroke's p95 41-46 ms during a rebuild at 1,000,000 guests, 32-34 without one).

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
  /** What a background job awaits between two slices; one turn of the event loop unless given. */
  betweenBackgroundSlices?: () => Promise<void>;
};

/** How a job runs: its slice's length, and whether it gives way to staff's calls (a background job). */
export type RunOptions = {
  sliceMs?: number;
  /** Upkeep nobody waits for: between slices it waits as `betweenBackgroundSlices` says. */
  background?: boolean;
};

/**
 * A job whose work is asynchronous (reading a file that arrives as a stream; a backup, whose pages the
 * database library copies in steps it schedules itself): it tells how far it got with `report` and stops when
 * `signal` aborts (a cancel, or shutdown), settling soon after with its own cleanup done. Work that also runs
 * synchronous stretches (cleansing a ledger's rows) checks `due()` and awaits `pause()` between pieces: that
 * is where calls that arrived meanwhile are answered, and pause rejects with CallFailure('cancelled') once the
 * job was cancelled.
 */
export type AsyncJob = {
  report(progress: SliceProgress & { step?: string }): void;
  signal: AbortSignal;
  /** True once the current piece of synchronous work has used its slice: await pause() then. */
  due(): boolean;
  /** Resolves on the next turn of the event loop; rejects when the job was cancelled. */
  pause(): Promise<void>;
};
export type AsyncJobBody<T> = (job: AsyncJob) => Promise<T>;

export type JobRunner = {
  /**
   * Runs `body` in slices as a job of `kind`; resolves with its result, rejects with CallFailure('cancelled').
   * `total`, when known before the first slice, is in the first progress event.
   */
  run<T>(kind: JobKind, body: JobBody<T>, total?: number, options?: RunOptions): Promise<T>;
  /** Runs an asynchronous job (AsyncJob): the same progress events, cancel and shutdown as `run`. */
  runAsync<T>(kind: JobKind, body: AsyncJobBody<T>, total?: number): Promise<T>;
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
  /** A job in slices; an asynchronous job has `abort` instead. */
  generator?: Generator<SliceProgress, unknown, void>;
  abort?: AbortController;
  cancelRequested: boolean;
  stopped: boolean;
  lastEmitted: number;
};

const DEFAULT_SLICE_MS = 12;
const DEFAULT_PROGRESS_EVERY_MS = 100;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const progressEveryMs = options.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS;
  const betweenBackgroundSlices = options.betweenBackgroundSlices ?? nextTurn;
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
    async run<T>(kind: JobKind, body: JobBody<T>, total = 0, options: RunOptions = {}): Promise<T> {
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
          await (options.background ? betweenBackgroundSlices() : nextTurn());
        }
      } catch (error) {
        if (!(error instanceof CallFailure && error.error.code === 'cancelled')) emit(job, 'failed', true);
        throw error;
      } finally {
        jobs.delete(job.progress.job);
      }
    },
    async runAsync<T>(kind: JobKind, body: AsyncJobBody<T>, total = 0): Promise<T> {
      const abort = new AbortController();
      const job: Running = {
        progress: { job: uuidv7(), kind, done: 0, total, state: 'running' },
        abort,
        cancelRequested: false,
        stopped: false,
        lastEmitted: 0,
      };
      jobs.set(job.progress.job, job);
      emit(job, 'running', true);
      let started = performance.now();
      const handle: AsyncJob = {
        report({ done, total, step }) {
          if (job.cancelRequested || job.stopped) return;
          job.progress = { ...job.progress, done, total, ...(step === undefined ? {} : { step }) };
          emit(job, 'running', false);
        },
        signal: abort.signal,
        due: () => performance.now() - started >= sliceMs,
        async pause() {
          if (abort.signal.aborted) throw new CallFailure('cancelled');
          await nextTurn();
          started = performance.now();
          if (abort.signal.aborted) throw new CallFailure('cancelled');
        },
      };
      try {
        const value = await body(handle);
        if (abort.signal.aborted) throw new CallFailure('cancelled');
        job.progress = { ...job.progress, done: job.progress.total };
        emit(job, 'done', true);
        return value;
      } catch (error) {
        if (abort.signal.aborted) {
          // stopAll already said `cancelled` for a job stopped at shutdown.
          if (!job.stopped) emit(job, 'cancelled', true);
          throw new CallFailure('cancelled');
        }
        if (!(error instanceof CallFailure && error.error.code === 'cancelled')) emit(job, 'failed', true);
        throw error;
      } finally {
        jobs.delete(job.progress.job);
      }
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job || job.cancelRequested) return job !== undefined;
      job.cancelRequested = true;
      emit(job, 'cancelling', true);
      job.abort?.abort();
      return true;
    },
    list: () => [...jobs.values()].map((job) => ({ ...job.progress })),
    isRunning: (kind) => [...jobs.values()].some((job) => job.progress.kind === kind),
    stopAll() {
      for (const job of jobs.values()) {
        if (job.stopped) continue;
        job.stopped = true;
        if (job.abort) {
          // Its work stops at its next step (the database closing under it ends it too) and cleans up itself.
          job.abort.abort();
          emit(job, 'cancelled', true);
          continue;
        }
        // No more turns of the event loop: the database closes right after. Cleanup runs without pauses.
        const generator = job.generator as Generator<SliceProgress, unknown, void>;
        let step = generator.return(undefined);
        while (!step.done) step = generator.next();
        emit(job, 'cancelled', true);
      }
    },
  };
}
