import { Alert, Button, Group, Paper, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../shared/contract/imports.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import { call } from '../api/client.ts';
import { uploadFile } from '../api/files.ts';
import { errorMessage } from '../app/notify.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { FilePicker } from './FilePicker.tsx';
import { JobBar } from './JobBar.tsx';
import type { Mapping, MappingSource } from './MappingTable.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { RunResult } from './RunResult.tsx';
import { UndoResult } from './UndoImport.tsx';
import { useFollowedJob } from './use-job.ts';

// The import as three steps a front-desk person finishes alone: choose the file (it is sent to the core with a
// progress bar), check what the core read and would record (the mapping can be changed, which previews again),
// then import under the staff member at this PC. Every long step shows its progress and can be stopped.

type Preview = CallOutput<'imports.preview'>;
type Sending = { name: string; sent: number; total: number };
type Checked = { upload: string; preview: Preview; mapping: Mapping; initial: Mapping; initialSource: MappingSource };
type Imported = { result: CallOutput<'imports.run'>; fileName: string; createdAt: string };

export function ImportWizard({ onImportsChanged }: { onImportsChanged: () => void }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const reading = useFollowedJob();
  const writing = useFollowedJob();
  const [sending, setSending] = useState<Sending | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  // The undo of the import just made, from its result: said here, where the result was.
  const [undone, setUndone] = useState<CallOutput<'imports.undo'> | null>(null);

  // The keyboard's place after each step: the chosen file's button is gone once the preview shows, so the
  // preview takes the focus (Tab then walks the mapping), and after the import the way to the guests does.
  const previewStart = useRef<HTMLElement>(null);
  const shownUpload = checked?.upload;
  useEffect(() => {
    if (shownUpload) previewStart.current?.focus();
  }, [shownUpload]);

  const currentStaff = staff.data?.staff.find((member) => member.id === staff.data?.currentStaffId) ?? null;
  const busy = sending !== null || reading.running || writing.running;

  const reset = () => {
    setChecked(null);
    setImported(null);
    setError(null);
    setStopped(false);
  };

  /** Reads the sent file again, with `mapping` (or the remembered/guessed one when absent). */
  const preview = async (id: string, mapping?: Mapping, before?: Checked) => {
    setError(null);
    const outcome = await reading.run('import.read', () =>
      call('imports.preview', { upload: id, ...(mapping ? { mapping } : {}) }),
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
      // Stopped or refused: the last good preview (if any) stays, with the mapping it was made with.
      if (before) setChecked(before);
      if (!outcome.cancelled) setError(errorMessage(outcome.error));
    }
  };

  const choose = async (file: File) => {
    reset();
    setUndone(null);
    setSending({ name: file.name, sent: 0, total: file.size });
    let id: string;
    try {
      id = await uploadFile(file, (sent, total) => setSending({ name: file.name, sent, total }));
    } catch (failure) {
      setSending(null);
      setError(errorMessage(failure));
      return;
    }
    setSending(null);
    await preview(id);
  };

  const changeMapping = (column: number, field: ImportField | null) => {
    if (!checked) return;
    const mapping = checked.preview.header.map((_, index) => checked.mapping[index] ?? null);
    mapping[column] = field;
    setChecked({ ...checked, mapping });
    void preview(checked.upload, mapping, checked);
  };

  const runImport = async () => {
    if (!checked) return;
    setError(null);
    setStopped(false);
    const { upload: id, mapping } = checked;
    const outcome = await writing.run(['import.write', 'duplicates.scan'], () =>
      call('imports.run', { upload: id, mapping }),
    );
    onImportsChanged();
    if (outcome.ok) {
      setImported({ result: outcome.value, fileName: checked.preview.fileName, createdAt: new Date().toISOString() });
    } else if (outcome.cancelled) {
      setStopped(true);
    } else {
      setError(errorMessage(outcome.error));
    }
  };

  const step = imported ? 2 : checked || reading.running ? 1 : 0;
  /** Why 取り込む waits, in the words the core would answer with; null when it can go. */
  const blocker = (shown: Preview): string | null => {
    if (!currentStaff) return t('errors.code.no_staff');
    if (shown.mappingIssues.length > 0) return t('imports.screen.run.blockedByMapping');
    // Every row set aside: no person to write (repeat rows always follow a new or matched one).
    if (shown.counts.newGuests + shown.counts.matchedGuests === 0) {
      return t('errors.detail.import_nothing_to_import');
    }
    return null;
  };
  const waiting = checked ? blocker(checked.preview) : null;
  // After a stop, this preview no longer says what an import would add (part of it is written): the way on is
  // the list below (undo) or the file chosen afresh, never the same preview imported twice.
  const canImport = checked !== null && waiting === null && !busy && !stopped;

  return (
    <Stack gap="md" data-testid="import-wizard" data-step={step}>
      {/* Past the last step once imported: every step shows as done. */}
      <Stepper active={imported ? 3 : step} size="sm" allowNextStepsSelect={false}>
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
        <RunResult
          result={imported.result}
          fileName={imported.fileName}
          createdAt={imported.createdAt}
          onUndone={(answer) => {
            onImportsChanged();
            reset();
            setUndone(answer);
          }}
          onAnother={reset}
        />
      ) : (
        <>
          {sending ? (
            <Paper withBorder radius="md" p="md" data-testid="import-sending">
              <Stack gap={6}>
                <Text size="sm">{t('imports.screen.file.sending', { name: sending.name })}</Text>
                <Progress
                  value={sending.total > 0 ? Math.round((sending.sent * 100) / sending.total) : 100}
                  aria-label={t('imports.screen.file.sendLabel')}
                  data-testid="import-send-progress"
                  animated
                />
              </Stack>
            </Paper>
          ) : (
            !checked && !reading.running && <FilePicker onFile={choose} disabled={busy} />
          )}

          {reading.running && <JobBar progress={reading.progress} fallbackStep="read" onCancel={reading.cancel} />}

          {checked && (
            <>
              <section
                ref={previewStart}
                tabIndex={-1}
                style={{ outline: 'none' }}
                aria-label={t('imports.screen.steps.check')}
              >
                <PreviewPanel
                  preview={checked.preview}
                  upload={checked.upload}
                  mapping={checked.mapping}
                  initial={checked.initial}
                  initialSource={checked.initialSource}
                  busy={busy}
                  onMappingChange={changeMapping}
                />
              </section>
              <Paper
                withBorder
                radius="md"
                p="md"
                shadow="sm"
                style={{ position: 'sticky', bottom: 8, zIndex: 2 }}
                data-testid="import-run-panel"
              >
                <Stack gap="sm">
                  {stopped && (
                    <Alert color="orange" variant="light" data-testid="import-stopped">
                      {t('imports.screen.run.stopped')}
                    </Alert>
                  )}
                  {writing.running && (
                    <JobBar
                      progress={writing.progress}
                      fallbackStep="write"
                      onCancel={writing.cancel}
                      help={
                        writing.progress?.kind === 'duplicates.scan'
                          ? undefined
                          : t('imports.screen.job.writeCancelHelp')
                      }
                    />
                  )}
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" c={waiting ? 'red' : 'dimmed'} data-testid="import-run-note">
                      {waiting ?? t('imports.screen.run.by', { name: currentStaff?.name ?? '' })}
                    </Text>
                    <Group gap="sm" wrap="nowrap">
                      <Button variant="default" disabled={busy} onClick={reset} data-testid="import-choose-another">
                        {t('imports.screen.file.another')}
                      </Button>
                      <Button
                        disabled={!canImport}
                        loading={writing.running}
                        onClick={runImport}
                        data-testid="import-run"
                      >
                        {t('imports.screen.run.button')}
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
