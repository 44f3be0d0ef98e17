import { useEffect, useState } from 'react';
import { FINAL_JOB_STATES, type JobProgress } from '../../shared/contract/jobs.ts';
import { call, onProgress } from '../api/client.ts';

/**
 * The backup running now, if any (a daily or quitting one started by the core, or 「今すぐバックアップ」), from the
 * core's progress events; `ended` counts finished backups, so what shows the last one can read it again.
 */
export function useBackupJob(): { job: JobProgress | null; ended: number } {
  const [job, setJob] = useState<JobProgress | null>(null);
  const [ended, setEnded] = useState(0);
  useEffect(() => {
    let live = true;
    const stop = onProgress((progress) => {
      if (progress.kind !== 'backup.run') return;
      if (FINAL_JOB_STATES.has(progress.state)) {
        setJob(null);
        setEnded((count) => count + 1);
      } else setJob(progress);
    });
    call('jobs.list', {}).then(
      ({ jobs }) => {
        const running = jobs.find((running) => running.kind === 'backup.run');
        if (live && running) setJob((current) => current ?? running);
      },
      () => {},
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return { job, ended };
}

/** A file size as people read it: 12.3 MB, 850 KB. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit >= 2 ? 1 : 0,
  }).format(value);
}
