import { Alert, Group, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../shared/text/dates.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { FigureList, type ListRequest } from './FigureList.tsx';
import { Overview } from './Overview.tsx';
import { PRESETS, type Preset, presetPeriod } from './period.ts';

// 運営の振り返り: the manager's look back over a period (this month, last month, this year, or chosen dates),
// each figure beside the same days a year before where that helps, with a chart and a CSV, and every count
// a button that opens the records behind it (FigureList).

/** What a write to these tables may change on this page. */
const TABLES = ['stays', 'requests', 'allergies', 'served', 'guests', 'banquets', 'banquet_stages', 'staff'];

export function ManagerPage() {
  const { t } = useTranslation();
  const today = useInnClock().today();
  const [preset, setPreset] = useState<Preset>('thisMonth');
  const [custom, setCustom] = useState(() => presetPeriod('thisMonth', today));
  const period = preset === 'custom' ? custom : presetPeriod(preset, today);
  const valid = isCalendarDate(period.from) && isCalendarDate(period.to);
  const query = useQuery('manager.overview', valid ? period : null, TABLES);
  const [list, setList] = useState<ListRequest | null>(null);
  return (
    <Stack gap="md" data-testid="manager-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('manager.title')}</Title>
        <Group gap="xs" align="flex-end">
          <SegmentedControl
            value={preset}
            onChange={(value) => {
              if (value === 'custom') setCustom(period);
              setPreset(value as Preset);
            }}
            data={PRESETS.map((value) => ({ value, label: t(`manager.presets.${value}`) }))}
            data-testid="manager-presets"
          />
          {preset === 'custom' && (
            <>
              <TextInput
                type="date"
                label={t('manager.from')}
                value={custom.from}
                onChange={(event) => setCustom({ ...custom, from: event.currentTarget.value })}
                data-testid="manager-from"
              />
              <TextInput
                type="date"
                label={t('manager.to')}
                value={custom.to}
                onChange={(event) => setCustom({ ...custom, to: event.currentTarget.value })}
                data-testid="manager-to"
              />
            </>
          )}
        </Group>
      </Group>
      {query.error && (
        <Alert color="red" data-testid="manager-error">
          {errorMessage(query.error)}
        </Alert>
      )}
      {query.data && <Overview view={query.data} open={setList} />}
      {list && <FigureList request={list} onClose={() => setList(null)} />}
    </Stack>
  );
}
