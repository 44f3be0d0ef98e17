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

/**
 * What a slice reports when it yields: how far the job has got. `until`: wait for this before the next
 * slice instead of one turn of the event loop: a job fed to a stream waits for it to drain (an export's zip,
 * compressed on another thread), without spinning through turns meanwhile. Kept short: a cancel is seen
 * when it settles.
 */
export type SliceProgress = { done: number; total: number; until?: Promise<unknown> };

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

export type JobRunner = {
  /**
   * Runs `body` in slices as a job of `kind`; resolves with its result, rejects with CallFailure('cancelled').
   * `total`, when known before the first slice, is in the first progress event.
   */
  run<T>(kind: JobKind, body: JobBody<T>, total?: number): Promise<T>;
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
  generator: Generator<SliceProgress, unknown, void>;
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
  const clock: SliceClock = { due: () => performance.now() - sliceStarted >= sliceMs };

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
    let step = job.generator.return(undefined);
    while (!step.done) {
      await (step.value.until ?? nextTurn());
      sliceStarted = performance.now();
      step = job.generator.next();
    }
  };

  return {
    async run<T>(kind: JobKind, body: JobBody<T>, total = 0): Promise<T> {
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
          const step = job.generator.next();
          if (step.done) {
            job.progress = { ...job.progress, done: job.progress.total };
            emit(job, 'done', true);
            return step.value as T;
          }
          job.progress = { ...job.progress, done: step.value.done, total: step.value.total };
          emit(job, 'running', false);
          await (step.value.until ?? nextTurn());
        }
      } catch (error) {
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
      return true;
    },
    list: () => [...jobs.values()].map((job) => ({ ...job.progress })),
    isRunning: (kind) => [...jobs.values()].some((job) => job.progress.kind === kind),
    stopAll() {
      for (const job of jobs.values()) {
        if (job.stopped) continue;
        job.stopped = true;
        // No more turns of the event loop: the database closes right after. Cleanup runs without pauses.
        let step = job.generator.return(undefined);
        while (!step.done) step = job.generator.next();
        emit(job, 'cancelled', true);
      }
    },
  };
}
