import {
  Button,
  Checkbox,
  Group,
  Modal,
  Progress,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_KINDS, type ExportFormat, type ExportKind } from '../../shared/contract/exports.ts';
import type { CallInput, CallOutput } from '../../shared/contract/index.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { call, onProgress } from '../api/client.ts';
import { downloadFile } from '../api/files.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { useSearch } from '../guests/search-context.tsx';

// 書き出し: guests, stays, allergies and requests to Excel or CSV, for other systems and the inn's records.
// The filter starts from what the desk is looking at: the search box's text when there is one. The export
// runs in the core as a job; the dialog shows its progress with a stop button, then saves the file.

type FilterChoice = 'all' | 'search' | 'dates';
type Done = CallOutput<'exports.run'>;

function filterOf(choice: FilterChoice, query: string, from: string, to: string): CallInput<'exports.run'>['filter'] {
  if (choice === 'search') return { by: 'search', query };
  if (choice === 'dates') return { by: 'dates', from, to };
  return { by: 'all' };
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const search = useSearch();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [kinds, setKinds] = useState<ExportKind[]>(['guests', 'stays', 'allergies', 'requests']);
  const [choice, setChoice] = useState<FilterChoice>(search.text.trim() ? 'search' : 'all');
  const [query, setQuery] = useState(search.text.trim());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const open = useRef(true);

  useEffect(() => {
    open.current = true;
    // Only one export runs from this dialog at a time: the running export job is ours.
    const stop = onProgress((event) => {
      if (event.kind === 'export.run' && event.state !== 'done') setProgress(event);
    });
    return () => {
      open.current = false;
      stop();
    };
  }, []);

  // A CSV holds one kind: switching to CSV keeps the first kind chosen.
  const chooseFormat = (value: string) => {
    const next = value as ExportFormat;
    setFormat(next);
    if (next === 'csv') setKinds((current) => current.slice(0, 1).concat(current.length ? [] : ['guests']));
    setDone(null);
  };

  const start = async () => {
    setRunning(true);
    setProgress(null);
    setDone(null);
    const answer = await attempt(() =>
      call('exports.run', {
        kinds: EXPORT_KINDS.filter((kind) => kinds.includes(kind)),
        format,
        filter: filterOf(choice, query, from, to),
        language: i18n.language === 'en' ? 'en' : 'ja',
      }),
    );
    if (!open.current) return;
    setRunning(false);
    setProgress(null);
    if (!answer) return;
    setDone(answer);
    notifySuccess(t('exports.done', { count: answer.rows }));
    await attempt(() => downloadFile(answer.file));
  };

  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.round((progress.done * 100) / progress.total)) : 0;
  const canStart =
    kinds.length > 0 && (choice !== 'search' || query.trim() !== '') && (choice !== 'dates' || (from && to));

  return (
    <Modal opened onClose={onClose} title={t('exports.title')} size="lg" data-testid="export-dialog">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('exports.help')}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('exports.format')}
          </Text>
          <SegmentedControl
            value={format}
            onChange={chooseFormat}
            disabled={running}
            data={[
              { value: 'xlsx', label: t('exports.formats.xlsx') },
              { value: 'csv', label: t('exports.formats.csv') },
            ]}
            data-testid="export-format"
          />
        </Stack>
        {format === 'xlsx' ? (
          <Checkbox.Group
            label={t('exports.kinds')}
            value={kinds}
            onChange={(value) => setKinds(value as ExportKind[])}
            error={kinds.length === 0 ? t('exports.chooseKind') : undefined}
          >
            <Group gap="md" mt={4}>
              {EXPORT_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  value={kind}
                  label={t(`exports.kind.${kind}`)}
                  disabled={running}
                  data-testid={`export-kind-${kind}`}
                />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <Radio.Group
            label={t('exports.kinds')}
            description={t('exports.kindsCsvHelp')}
            value={kinds[0] ?? 'guests'}
            onChange={(value) => setKinds([value as ExportKind])}
          >
            <Group gap="md" mt={4}>
              {EXPORT_KINDS.map((kind) => (
                <Radio
                  key={kind}
                  value={kind}
                  label={t(`exports.kind.${kind}`)}
                  disabled={running}
                  data-testid={`export-kind-${kind}`}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Radio.Group label={t('exports.filter')} value={choice} onChange={(value) => setChoice(value as FilterChoice)}>
          <Stack gap={6} mt={4}>
            <Radio value="all" label={t('exports.filters.all')} disabled={running} data-testid="export-filter-all" />
            <Radio
              value="search"
              label={t('exports.filters.search')}
              disabled={running}
              data-testid="export-filter-search"
            />
            {choice === 'search' && (
              <TextInput
                ml="xl"
                label={t('exports.query')}
                value={query}
                maxLength={100}
                disabled={running}
                onChange={(event) => setQuery(event.currentTarget.value)}
                data-testid="export-query"
              />
            )}
            <Radio
              value="dates"
              label={t('exports.filters.dates')}
              disabled={running}
              data-testid="export-filter-dates"
            />
            {choice === 'dates' && (
              <Group ml="xl" align="flex-end">
                <TextInput
                  type="date"
                  label={t('exports.from')}
                  value={from}
                  disabled={running}
                  onChange={(event) => setFrom(event.currentTarget.value)}
                  data-testid="export-from"
                />
                <TextInput
                  type="date"
                  label={t('exports.to')}
                  value={to}
                  disabled={running}
                  onChange={(event) => setTo(event.currentTarget.value)}
                  data-testid="export-to"
                />
                <Text size="xs" c="dimmed">
                  {t('exports.datesHelp')}
                </Text>
              </Group>
            )}
          </Stack>
        </Radio.Group>
        {running && (
          <Stack gap={4} data-testid="export-progress">
            <Group justify="space-between">
              <Text size="sm">{t('exports.running')}</Text>
              <Button
                size="compact-sm"
                variant="default"
                disabled={!progress || progress.state === 'cancelling'}
                onClick={() => progress && void attempt(() => call('jobs.cancel', { job: progress.job }))}
                data-testid="export-cancel"
              >
                {t('exports.cancel')}
              </Button>
            </Group>
            <Progress value={percent} animated aria-label={t('jobs.percent', { percent })} />
          </Stack>
        )}
        {done && !running && (
          <Group justify="space-between" data-testid="export-done">
            <Text size="sm">
              {done.name} — {t('exports.done', { count: done.rows })}
            </Text>
            <Button variant="default" size="compact-sm" onClick={() => void attempt(() => downloadFile(done.file))}>
              {t('exports.downloadAgain')}
            </Button>
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => void start()} loading={running} disabled={!canStart} data-testid="export-start">
            {t('exports.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
