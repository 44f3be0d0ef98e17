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
