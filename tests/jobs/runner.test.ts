import { describe, expect, it } from 'vitest';
import { createJobRunner, type SliceClock } from '../../electron/core/jobs/runner.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { CallFailure } from '../../shared/contract/result.ts';

// The job runner on its own: slices with a turn of the event loop between them, progress, cancel at a slice
// boundary with the job's cleanup, and failures reported as such.

const quiet = { info() {}, warn() {}, error() {} };

function runner(events: JobProgress[] = []) {
  return createJobRunner({ logger: quiet, onProgress: (event) => events.push(event), sliceMs: 0, progressEveryMs: 0 });
}

/** A job of `total` slices that records each one, and its cleanup. */
function* counting(log: string[], total: number, _slice: SliceClock) {
  try {
    for (let done = 1; done <= total; done++) {
      log.push(`slice ${done}`);
      yield { done, total };
    }
    return total;
  } finally {
    log.push('cleanup');
  }
}

describe('the job runner', () => {
  it('lets other work run between slices', async () => {
    const log: string[] = [];
    const jobs = runner();
    const job = jobs.run('demo.load', (slice) => counting(log, 3, slice));
    log.push('a call arrives');
    await new Promise((resolve) => setImmediate(resolve));
    log.push('another call');
    expect(await job).toBe(3);
    expect(log.indexOf('a call arrives')).toBeLessThan(log.indexOf('slice 2'));
    expect(log.indexOf('another call')).toBeLessThan(log.indexOf('slice 3'));
  });

  it('reports progress, then done', async () => {
    const events: JobProgress[] = [];
    await runner(events).run('search.rebuild', (slice) => counting([], 2, slice));
    expect(events.map(({ state, done, total }) => [state, done, total])).toEqual([
      ['running', 0, 0],
      ['running', 1, 2],
      ['running', 2, 2],
      ['done', 2, 2],
    ]);
  });

  it('stops at the next slice boundary on cancel, runs the cleanup, and rejects with `cancelled`', async () => {
    const log: string[] = [];
    const events: JobProgress[] = [];
    const jobs = runner(events);
    const job = jobs.run('demo.load', (slice) => counting(log, 100, slice));
    const id = jobs.list()[0]?.job as string;
    expect(jobs.cancel(id)).toBe(true);
    await expect(job).rejects.toEqual(new CallFailure('cancelled'));
    expect(log).toEqual(['slice 1', 'cleanup']);
    expect(events.map((event) => event.state)).toEqual(['running', 'running', 'cancelling', 'cancelled']);
    expect(jobs.list()).toEqual([]);
    expect(jobs.cancel(id)).toBe(false);
  });

  it('reports a job that throws as failed and passes the error on', async () => {
    const events: JobProgress[] = [];
    const failing = function* () {
      yield { done: 1, total: 2 };
      throw new Error('a bug');
    };
    await expect(runner(events).run('demo.load', failing)).rejects.toThrow('a bug');
    expect(events.at(-1)?.state).toBe('failed');
  });

  it('stops every job at once when the core closes', async () => {
    const log: string[] = [];
    const jobs = runner();
    const job = jobs.run('search.rebuild', (slice) => counting(log, 100, slice));
    jobs.stopAll();
    expect(log).toEqual(['slice 1', 'cleanup']);
    await expect(job).rejects.toEqual(new CallFailure('cancelled'));
  });
});

describe('a background job (upkeep nobody waits for)', () => {
  /** A runner whose background jobs wait between slices until the test opens the gate, as staff's calls would. */
  function gatedRunner() {
    const waiting: Array<() => void> = [];
    const jobs = createJobRunner({
      logger: quiet,
      onProgress() {},
      sliceMs: 0,
      betweenBackgroundSlices: () => new Promise<void>((resolve) => waiting.push(resolve)),
    });
    const turns = async (count: number) => {
      for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    return { jobs, waiting, turns };
  }

  it('waits between slices for as long as the core says (while staff are at work), then goes on', async () => {
    const { jobs, waiting, turns } = gatedRunner();
    const log: string[] = [];
    const job = jobs.run('search.rebuild', (slice) => counting(log, 3, slice), 0, { background: true });
    await turns(20);
    expect(log).toEqual(['slice 1']);
    waiting.shift()?.();
    await turns(20);
    expect(log).toEqual(['slice 1', 'slice 2']);
    waiting.shift()?.();
    waiting.shift()?.();
    await turns(5);
    waiting.shift()?.();
    expect(await job).toBe(3);
    expect(log).toEqual(['slice 1', 'slice 2', 'slice 3', 'cleanup']);
  });

  it('is cancelled at the end of its wait; a job staff wait for (an import, an export) never waits so', async () => {
    const { jobs, waiting, turns } = gatedRunner();
    const background: string[] = [];
    const waitedFor: string[] = [];
    const upkeep = jobs.run('ranks.recompute', (slice) => counting(background, 100, slice), 0, { background: true });
    const asked = jobs.run('demo.load', (slice) => counting(waitedFor, 3, slice));
    expect(await asked).toBe(3);
    expect(background).toEqual(['slice 1']);
    const id = jobs.list().find((job) => job.kind === 'ranks.recompute')?.job as string;
    jobs.cancel(id);
    await turns(5);
    expect(background).toEqual(['slice 1']);
    waiting.shift()?.();
    await expect(upkeep).rejects.toEqual(new CallFailure('cancelled'));
    expect(background).toEqual(['slice 1', 'cleanup']);
  });
});

describe('an asynchronous job (a backup’s copy and check in their own thread)', () => {
  /** Work that reports a step per turn until `steps`, and stops (rejecting) once its signal aborts. */
  const stepping =
    (steps: number, log: string[]) =>
    ({ report, signal }: { report(p: { done: number; total: number }): void; signal: AbortSignal }) =>
      new Promise<number>((resolve, reject) => {
        let done = 0;
        const step = () => {
          if (signal.aborted) {
            log.push('stopped and cleaned up');
            return reject(new Error('aborted'));
          }
          if (done === steps) return resolve(done);
          done++;
          report({ done, total: steps });
          setImmediate(step);
        };
        setImmediate(step);
      });

  it('reports its progress and ends done', async () => {
    const events: JobProgress[] = [];
    const jobs = runner(events);
    expect(await jobs.runAsync('backup.run', stepping(3, []), 3)).toBe(3);
    expect(events.map((e) => `${e.state} ${e.done}/${e.total}`)).toEqual([
      'running 0/3',
      'running 1/3',
      'running 2/3',
      'running 3/3',
      'done 3/3',
    ]);
    expect(jobs.list()).toEqual([]);
  });

  it('stops when cancelled: the call answers cancelled and the work cleaned up', async () => {
    const events: JobProgress[] = [];
    const log: string[] = [];
    const jobs = runner(events);
    const job = jobs.runAsync('backup.run', stepping(1000, log), 1000);
    await new Promise((resolve) => setImmediate(resolve));
    const [running] = jobs.list();
    expect(jobs.cancel(running?.job ?? '')).toBe(true);
    await expect(job).rejects.toEqual(new CallFailure('cancelled'));
    expect(log).toEqual(['stopped and cleaned up']);
    expect(events.at(-2)?.state).toBe('cancelling');
    expect(events.at(-1)?.state).toBe('cancelled');
  });

  it('stops at shutdown (stopAll) and is said cancelled once', async () => {
    const events: JobProgress[] = [];
    const log: string[] = [];
    const jobs = runner(events);
    const job = jobs.runAsync('backup.run', stepping(1000, log), 1000);
    await new Promise((resolve) => setImmediate(resolve));
    jobs.stopAll();
    await expect(job).rejects.toEqual(new CallFailure('cancelled'));
    expect(log).toEqual(['stopped and cleaned up']);
    expect(events.filter((e) => e.state === 'cancelled')).toHaveLength(1);
  });
});
