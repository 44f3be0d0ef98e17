import { Alert, Button, Group, Paper, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../shared/contract/imports.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import { call } from '../api/client.ts';
import { uploadFile } from '../api/files.ts';
import { errorMessage } from '../app/notify.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { FilePicker } from './FilePicker.tsx';
import { JobBar } from './JobBar.tsx';
import { type Mapping, type MappingSource, MappingTable } from './MappingTable.tsx';
import { SalesReview } from './SalesReview.tsx';
import { UndoImport, UndoResult } from './UndoImport.tsx';
import { useFollowedJob } from './use-job.ts';

// 売上の取り込み: the ledger wizard's steps for a sales file. The same file step and column mapping; the check
// step is the matching (each row to one stay, or why not), and the run sets the matched stays' amounts as one
// batch that the list below (or the button on the result) undoes.

type Preview = CallOutput<'imports.salesPreview'>;
type Checked = { upload: string; preview: Preview; mapping: Mapping; initial: Mapping; initialSource: MappingSource };
type Imported = { result: CallOutput<'imports.salesRun'>; fileName: string; createdAt: string };

export function SalesWizard({ onImportsChanged }: { onImportsChanged: () => void }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const reading = useFollowedJob();
  const writing = useFollowedJob();
  const [sending, setSending] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [undone, setUndone] = useState<CallOutput<'imports.undo'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const currentStaff = staff.data?.staff.find((member) => member.id === staff.data?.currentStaffId) ?? null;
  const busy = sending !== null || reading.running || writing.running;

  const reset = () => {
    setChecked(null);
    setImported(null);
    setError(null);
  };

  const preview = async (id: string, mapping?: Mapping, before?: Checked) => {
    setError(null);
    const outcome = await reading.run('import.read', () =>
      call('imports.salesPreview', { upload: id, ...(mapping ? { mapping } : {}) }),
    );
    if (outcome.ok) {
      const value = outcome.value;
      setChecked({
        upload: id,
        preview: value,
        mapping: value.mapping,
        initial: before?.initial ?? value.mapping,
        initialSource: before?.initialSource ?? (value.mappingSource === 'remembered' ? 'remembered' : 'guessed'),
      });
    } else {
      if (before) setChecked(before);
      if (!outcome.cancelled) setError(errorMessage(outcome.error));
    }
  };

  const choose = async (file: File) => {
    reset();
    setUndone(null);
    setSending({ name: file.name, sent: 0, total: file.size });
    try {
      const id = await uploadFile(file, (sent, total) => setSending({ name: file.name, sent, total }));
      setSending(null);
      await preview(id);
    } catch (failure) {
      setSending(null);
      setError(errorMessage(failure));
    }
  };

  const changeMapping = (column: number, field: ImportField | null) => {
    if (!checked) return;
    const mapping = checked.preview.header.map((_, index) => checked.mapping[index] ?? null);
    mapping[column] = field;
    setChecked({ ...checked, mapping });
    void preview(checked.upload, mapping, checked);
  };

  const run = async () => {
    if (!checked) return;
    setError(null);
    const { upload: id, mapping } = checked;
    const outcome = await writing.run('import.write', () => call('imports.salesRun', { upload: id, mapping }));
    onImportsChanged();
    if (outcome.ok) {
      setImported({ result: outcome.value, fileName: checked.preview.fileName, createdAt: new Date().toISOString() });
    } else if (!outcome.cancelled) {
      setError(errorMessage(outcome.error));
    }
  };

  const waiting = !checked
    ? null
    : !currentStaff
      ? t('errors.code.no_staff')
      : checked.preview.mappingIssues.length > 0
        ? t('imports.screen.run.blockedByMapping')
        : checked.preview.counts.stays === 0
          ? t('imports.screen.sales.nothing')
          : null;
  const step = imported ? 3 : checked || reading.running ? 1 : 0;

  return (
    <Stack gap="md" data-testid="sales-wizard" data-step={step}>
      <Text size="sm" c="dimmed" maw={900}>
        {t('imports.screen.sales.intro')}
      </Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.screen.steps.file')} />
        <Stepper.Step label={t('imports.screen.steps.check')} />
        <Stepper.Step label={t('imports.screen.steps.done')} />
      </Stepper>
      {error && (
        <Alert color="red" variant="light" data-testid="import-error">
          {error}
        </Alert>
      )}
      {undone && !imported && <UndoResult result={undone} />}
      {imported ? (
        <Alert color="teal" variant="light" title={t('imports.screen.sales.doneTitle')} data-testid="sales-result">
          <Stack gap="sm">
            <Text size="sm" data-testid="sales-result-count">
              {t('imports.screen.sales.done', { count: imported.result.counts.stays })}
            </Text>
            <Group gap="sm">
              <UndoImport
                summary={{
                  id: imported.result.import,
                  kind: 'sales',
                  fileName: imported.fileName,
                  createdAt: imported.createdAt,
                }}
                testId="sales-undo"
                onUndone={(answer) => {
                  onImportsChanged();
                  reset();
                  setUndone(answer);
                }}
              />
              <Button variant="default" size="compact-sm" onClick={reset} data-testid="sales-another">
                {t('imports.screen.sales.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <>
          {sending ? (
            <Paper withBorder radius="md" p="md" data-testid="import-sending">
              <Stack gap={6}>
                <Text size="sm">{t('imports.screen.file.sending', { name: sending.name })}</Text>
                <Progress
                  value={sending.total > 0 ? Math.round((sending.sent * 100) / sending.total) : 100}
                  aria-label={t('imports.screen.file.sendLabel')}
                  animated
                />
              </Stack>
            </Paper>
          ) : (
            !checked &&
            !reading.running && (
              <FilePicker onFile={choose} disabled={busy} dropLabel={t('imports.screen.sales.drop')} />
            )
          )}
          {reading.running && <JobBar progress={reading.progress} fallbackStep="read" onCancel={reading.cancel} />}
          {checked && (
            <>
              <MappingTable
                header={checked.preview.header}
                mapping={checked.mapping}
                initial={checked.initial}
                initialSource={checked.initialSource}
                issues={checked.preview.mappingIssues}
                disabled={busy}
                onChange={changeMapping}
              />
              {checked.preview.mappingIssues.length === 0 && <SalesReview preview={checked.preview} />}
              <Paper withBorder radius="md" p="md" shadow="sm" style={{ position: 'sticky', bottom: 8, zIndex: 2 }}>
                <Stack gap="sm">
                  {writing.running && <JobBar progress={writing.progress} fallbackStep="write" />}
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" c={waiting ? 'red' : 'dimmed'} data-testid="sales-run-note">
                      {waiting ?? t('imports.screen.run.by', { name: currentStaff?.name ?? '' })}
                    </Text>
                    <Group gap="sm" wrap="nowrap">
                      <Button variant="default" disabled={busy} onClick={reset}>
                        {t('imports.screen.file.another')}
                      </Button>
                      <Button
                        disabled={waiting !== null || busy}
                        loading={writing.running}
                        onClick={run}
                        data-testid="sales-run"
                      >
                        {t('imports.screen.sales.run')}
                      </Button>
                    </Group>
                  </Group>
                </Stack>
              </Paper>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
