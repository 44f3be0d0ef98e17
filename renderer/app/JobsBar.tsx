import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINAL_JOB_STATES, type JobKind, type JobProgress } from '../../shared/contract/jobs.ts';
import { call, onProgress } from '../api/client.ts';
import { attempt } from './notify.ts';

// The long jobs running in the core (sample data, a search-index rebuild), shown on every screen: what it is,
// how far it has got, and a button to stop it. Fed by the core's progress events; a screen opened mid-job
// asks for the running jobs once (jobs.list). When a job ends, its bar goes; a stop or a failure is said.

export function JobRow({ job }: { job: JobProgress }) {
  const { t, i18n } = useTranslation();
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done * 100) / job.total)) : 0;
  const number = (value: number) => value.toLocaleString(i18n.language);
  const stopping = job.state === 'cancelling';
  return (
    <Paper withBorder radius="md" p="sm" data-testid="job-progress" data-job-kind={job.kind}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Text fw={600} size="sm">
          {t(`jobs.kind.${job.kind}`)}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed" data-testid="job-count">
            {stopping ? t('jobs.cancelling') : t('jobs.progress', { done: number(job.done), total: number(job.total) })}
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            disabled={stopping}
            onClick={() => void attempt(() => call('jobs.cancel', { job: job.job }))}
            data-testid="job-cancel"
          >
            {t('jobs.cancel')}
          </Button>
        </Group>
      </Group>
      <Progress
        value={percent}
        animated={!stopping}
        aria-label={`${t(`jobs.kind.${job.kind}`)} ${t('jobs.percent', { percent })}`}
      />
    </Paper>
  );
}

/** The jobs of a ledger import, with the duplicate scan it runs at its end, which its own screen follows. */
export const IMPORT_JOB_KINDS: readonly JobKind[] = ['import.read', 'import.write', 'import.undo', 'duplicates.scan'];

export function JobsBar({ hiddenKinds }: { hiddenKinds?: readonly JobKind[] } = {}) {
  const { t } = useTranslation();
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobProgress>>(new Map());
  // Jobs already over: a late answer of jobs.list must not bring their bar back.
  const ended = useRef(new Set<string>());

  useEffect(() => {
    let live = true;
    const stop = onProgress((progress) => {
      const over = FINAL_JOB_STATES.has(progress.state);
      if (over) ended.current.add(progress.job);
      setJobs((current) => {
        const next = new Map(current);
        if (over) next.delete(progress.job);
        else next.set(progress.job, progress);
        return next;
      });
      if (progress.state === 'cancelled') {
        notifications.show({ message: t('jobs.cancelled'), autoClose: 2500, 'data-testid': 'job-cancelled' });
      } else if (progress.state === 'failed') {
        notifications.show({ color: 'red', message: t('jobs.failed'), autoClose: 8000 });
      }
    });
    call('jobs.list', {}).then(
      ({ jobs: running }) => {
        if (!live) return;
        setJobs((current) => {
          const next = new Map(current);
          for (const job of running) if (!next.has(job.job) && !ended.current.has(job.job)) next.set(job.job, job);
          return next;
        });
      },
      () => {}, // the bar is a convenience: without the list it appears with the next progress event
    );
    return () => {
      live = false;
      stop();
    };
  }, [t]);

  const shown = [...jobs.values()].filter((job) => !hiddenKinds?.includes(job.kind));
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" role="region" aria-label={t('jobs.regionLabel')} data-testid="jobs">
      {shown.map((job) => (
        <JobRow key={job.job} job={job} />
      ))}
    </Stack>
  );
}
