import { useCallback, useRef, useState } from 'react';
import { FINAL_JOB_STATES, type JobKind, type JobProgress } from '../../shared/contract/jobs.ts';
import { CallErrorException, call, onProgress } from '../api/client.ts';

// A call that runs as jobs in the core (an import's preview, its writing and the duplicate scan after it, its
// undo), followed on this screen: the core pushes progress events of each job's kind while the call is under
// way, and they carry the job id that jobs.cancel needs (the call itself answers only when it is over).

export type JobOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; error: unknown };

export type FollowedJob = {
  /** The latest progress of the job this screen's call is running now. */
  progress: JobProgress | null;
  running: boolean;
  /** Runs `work`, following the jobs of `kinds` it starts, one after another. */
  run<T>(kinds: JobKind | readonly JobKind[], work: () => Promise<T>): Promise<JobOutcome<T>>;
  cancel(): void;
};

export function useFollowedJob(): FollowedJob {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const jobId = useRef<string | null>(null);
  const jobOver = useRef(false);
  // A stop pressed before the first progress event named the job: sent as soon as one does.
  const cancelWanted = useRef(false);

  const run = useCallback(
    async <T>(kinds: JobKind | readonly JobKind[], work: () => Promise<T>): Promise<JobOutcome<T>> => {
      const followed = new Set<JobKind>(typeof kinds === 'string' ? [kinds] : kinds);
      jobId.current = null;
      jobOver.current = false;
      cancelWanted.current = false;
      setRunning(true);
      setProgress(null);
      const stop = onProgress((event) => {
        if (!followed.has(event.kind)) return;
        // A running job of a followed kind, while none is or after the last one ended, is the call's next
        // step: the calls answer no job id, and two imports started in the same instant are not a desk's case.
        const starts = (jobId.current === null || jobOver.current) && !FINAL_JOB_STATES.has(event.state);
        if (starts && event.job !== jobId.current) {
          jobId.current = event.job;
          jobOver.current = false;
          if (cancelWanted.current) void call('jobs.cancel', { job: event.job }).catch(() => {});
        }
        if (event.job !== jobId.current) return;
        if (FINAL_JOB_STATES.has(event.state)) jobOver.current = true;
        setProgress(event);
      });
      try {
        return { ok: true, value: await work() };
      } catch (error) {
        if (error instanceof CallErrorException && error.error.code === 'cancelled') {
          return { ok: false, cancelled: true };
        }
        return { ok: false, cancelled: false, error };
      } finally {
        stop();
        jobId.current = null;
        setRunning(false);
        setProgress(null);
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    cancelWanted.current = true;
    setProgress((current) => (current ? { ...current, state: 'cancelling' } : current));
    if (jobId.current && !jobOver.current) void call('jobs.cancel', { job: jobId.current }).catch(() => {});
  }, []);

  return { progress, running, run, cancel };
}
