import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobKind, JobProgress } from '../../shared/contract/jobs.ts';

// The progress of the import's own job on its screen: which step (読み込み, 整形, 照合, 書き込み), how far, and
// 中止. Before the first progress event arrives, the bar runs without figures.

const STEP_BY_KIND: Partial<Record<JobKind, string>> = {
  'import.read': 'read',
  'import.write': 'write',
  'import.undo': 'undo',
  // The duplicate scan an import runs when its guests are written: one step of the import to the person.
  'duplicates.scan': 'scan',
};

export function JobBar({
  progress,
  onCancel,
  fallbackStep,
  help,
}: {
  progress: JobProgress | null;
  onCancel?: () => void;
  /** The step to name before the core has said which (read for a preview, write for an import). */
  fallbackStep: 'read' | 'write' | 'undo';
  help?: string;
}) {
  const { t, i18n } = useTranslation();
  // The scan's own steps are not the import's: it is named as one step.
  const step =
    progress?.kind === 'duplicates.scan' ? 'scan' : (progress?.step ?? (progress && STEP_BY_KIND[progress.kind]));
  const stepLabel = t(`imports.screen.job.${step ?? fallbackStep}`, { defaultValue: step ?? fallbackStep });
  const total = progress?.total ?? 0;
  const percent = progress && total > 0 ? Math.min(100, Math.round((progress.done * 100) / total)) : 0;
  const stopping = progress?.state === 'cancelling';
  const number = (value: number) => value.toLocaleString(i18n.language);
  const figures = () => {
    if (stopping) return t('imports.screen.job.cancelling');
    if (!progress || total === 0) return '';
    // Reading counts bytes, which say nothing to a person: a share of the file instead.
    if ((step ?? fallbackStep) === 'read') return t('jobs.percent', { percent });
    return t('imports.screen.job.progress', { done: number(progress.done), total: number(total) });
  };
  return (
    <Paper withBorder radius="md" p="sm" data-testid="import-job" data-step={step ?? fallbackStep}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm" data-testid="import-job-step">
            {stepLabel}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" data-testid="import-job-count">
              {figures()}
            </Text>
            {onCancel && (
              <Button
                size="compact-sm"
                variant="default"
                disabled={stopping}
                onClick={onCancel}
                data-testid="import-job-cancel"
              >
                {t('imports.screen.job.cancel')}
              </Button>
            )}
          </Group>
        </Group>
        <Progress
          value={total > 0 ? percent : 100}
          animated={!stopping}
          striped={total === 0}
          aria-label={`${stepLabel} ${percent}%`}
        />
        {help && (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
