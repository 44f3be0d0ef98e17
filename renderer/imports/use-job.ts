import { useCallback, useRef, useState } from 'react';
import { FINAL_JOB_STATES, type JobKind, type JobProgress } from '../../shared/contract/jobs.ts';
import { CallErrorException, call, onProgress } from '../api/client.ts';

// A call that runs as a job in the core (an import's preview, its writing, its undo), followed on this screen:
// the core pushes progress events of the job's kind while the call is under way, and they carry the job id
// that jobs.cancel needs (the call itself answers only when the job is over).

export type JobOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; error: unknown };

export type FollowedJob = {
  /** The latest progress of the job this screen started, while it runs. */
  progress: JobProgress | null;
  running: boolean;
  run<T>(kind: JobKind, work: () => Promise<T>): Promise<JobOutcome<T>>;
  cancel(): void;
};

export function useFollowedJob(): FollowedJob {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const jobId = useRef<string | null>(null);
  // A stop pressed before the first progress event named the job: sent as soon as one does.
  const cancelWanted = useRef(false);

  const run = useCallback(async <T>(kind: JobKind, work: () => Promise<T>): Promise<JobOutcome<T>> => {
    jobId.current = null;
    cancelWanted.current = false;
    setRunning(true);
    setProgress(null);
    const stop = onProgress((event) => {
      if (event.kind !== kind) return;
      // The first running job of this kind after the call went out is taken as this screen's: the calls
      // answer no job id before they end, and two imports started in the same instant are not a desk's case.
      if (jobId.current === null && !FINAL_JOB_STATES.has(event.state)) {
        jobId.current = event.job;
        if (cancelWanted.current) void call('jobs.cancel', { job: event.job }).catch(() => {});
      }
      if (event.job === jobId.current) setProgress(event);
    });
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (error instanceof CallErrorException && error.error.code === 'cancelled')
        return { ok: false, cancelled: true };
      return { ok: false, cancelled: false, error };
    } finally {
      stop();
      jobId.current = null;
      setRunning(false);
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    cancelWanted.current = true;
    setProgress((current) => (current ? { ...current, state: 'cancelling' } : current));
    if (jobId.current) void call('jobs.cancel', { job: jobId.current }).catch(() => {});
  }, []);

  return { progress, running, run, cancel };
}
