import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import { call } from '../api/client.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { JobBar } from './JobBar.tsx';
import { useFollowedJob } from './use-job.ts';

// Undoing a whole import: a dialog that says what will happen before it does (its guests and stays removed, its
// allergies retracted, what staff recorded since kept), the undo's progress, then what was removed and kept.

export type ImportSummary = CallOutput<'imports.list'>['imports'][number];
type UndoResult = CallOutput<'imports.undo'>;

export function UndoResult({ result }: { result: UndoResult }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" title={t('imports.screen.undo.doneTitle')} data-testid="undo-result">
      {result.guests + result.stays + result.allergies > 0 && (
        <Text size="sm" data-testid="undo-removed">
          {t('imports.screen.undo.removed', {
            guests: result.guests,
            stays: result.stays,
            allergies: result.allergies,
          })}
        </Text>
      )}
      {result.amounts > 0 && (
        <Text size="sm" data-testid="undo-amounts">
          {t('imports.screen.undo.amounts', { count: result.amounts })}
        </Text>
      )}
      {result.keptAmounts > 0 && (
        <Text size="sm" data-testid="undo-kept-amounts">
          {t('imports.screen.undo.keptAmounts', { count: result.keptAmounts })}
        </Text>
      )}
      {result.keptGuests > 0 && (
        <Text size="sm" data-testid="undo-kept">
          {t('imports.screen.undo.kept', { count: result.keptGuests })}
        </Text>
      )}
    </Alert>
  );
}

/** The 元に戻す button of one import, with its confirmation and progress. */
export function UndoImport({
  summary,
  onUndone,
  testId = 'undo-import',
}: {
  summary: Pick<ImportSummary, 'id' | 'fileName' | 'createdAt'> & { kind?: ImportSummary['kind'] };
  onUndone: (result: UndoResult) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const staff = useStaff();
  const job = useFollowedJob();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = staff.data?.currentStaffId ?? null;
  const sales = summary.kind === 'sales';

  const undo = async () => {
    setError(null);
    const outcome = await job.run('import.undo', () => call('imports.undo', { import: summary.id }));
    if (outcome.ok) {
      setOpen(false);
      onUndone(outcome.value);
    } else if (!outcome.cancelled) {
      setError(errorMessage(outcome.error));
    }
  };

  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpen(true)} data-testid={testId}>
        {t('imports.screen.history.undo')}
      </Button>
      <Modal
        opened={open}
        onClose={() => !job.running && setOpen(false)}
        title={t('imports.screen.undo.title')}
        centered
        size="lg"
      >
        <Stack gap="sm" data-testid="undo-dialog">
          <Text size="sm">
            {t(sales ? 'imports.screen.undo.salesBody' : 'imports.screen.undo.body', {
              file: summary.fileName,
              when: clock.dateTime(summary.createdAt),
            })}
          </Text>
          <Text size="sm">{t(sales ? 'imports.screen.undo.salesKeptNote' : 'imports.screen.undo.keptNote')}</Text>
          <Text size="sm" c="dimmed">
            {t('imports.screen.undo.trace')}
          </Text>
          {current === null && (
            <Alert color="red" variant="light" data-testid="undo-no-staff">
              {t('errors.code.no_staff')}
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" data-testid="undo-error">
              {error}
            </Alert>
          )}
          {job.running && <JobBar progress={job.progress} fallbackStep="undo" />}
          <Group justify="flex-end">
            <Button variant="default" disabled={job.running} onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={job.running}
              disabled={current === null}
              onClick={undo}
              data-testid="undo-confirm"
            >
              {t('imports.screen.undo.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
