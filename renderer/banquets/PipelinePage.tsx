import { Alert, Badge, Button, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STAGES, STAGES, type Stage } from '../../shared/contract/banquets.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { navigate } from '../app/route.ts';
import { formatDayWithWeekday, formatYen } from '../service/format.ts';
import { BanquetForm } from './BanquetForm.tsx';
import { BANQUET_TABLES, hallList, isOverdue, STAGE_COLOR, sama, timeSpan } from './display.ts';

type Filter = 'open' | 'all' | Stage;

/** 案件一覧: the deals by banquet date, filtered by stage or a few characters of the group or organiser. */
export function PipelinePage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const stages = filter === 'all' ? undefined : filter === 'open' ? [...OPEN_STAGES] : [filter];
  const query = useQuery(
    'banquets.list',
    {
      ...(stages ? { stages } : {}),
      ...(q.trim() ? { q: q.trim().slice(0, 100) } : {}),
      // Deals still open are worked through nearest first; a closed stage or everything, latest first.
      order: filter === 'open' ? 'upcoming' : 'latest',
    },
    BANQUET_TABLES,
  );
  const banquets = query.data?.banquets ?? [];
  const now = useInnClock().today();
  const filters = [
    { value: 'open', label: t('banquet.pipeline.open') },
    { value: 'all', label: t('banquet.pipeline.all') },
    ...STAGES.map((stage) => ({ value: stage, label: t(`banquet.codes.stage.${stage}`) })),
  ];

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('banquet.pipeline.title')}</Title>
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('banquet.pipeline.search')}
            placeholder={t('banquet.pipeline.searchPlaceholder')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            data-testid="banquet-search"
          />
          <Select
            label={t('banquet.pipeline.stageFilter')}
            data={filters}
            value={filter}
            allowDeselect={false}
            onChange={(value) => value && setFilter(value as Filter)}
            data-testid="banquet-stage-filter"
          />
          <Button onClick={() => setCreating(true)} data-testid="new-inquiry">
            + {t('banquet.pipeline.newInquiry')}
          </Button>
        </Group>
      </Group>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.data && banquets.length === 0 && (
        <Text c="dimmed" data-testid="no-banquets">
          {t('banquet.pipeline.empty')}
        </Text>
      )}
      {banquets.length > 0 && (
        <Table highlightOnHover striped data-testid="banquet-list" bg="white">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('banquet.fields.date')}</Table.Th>
              <Table.Th>{t('banquet.fields.time')}</Table.Th>
              <Table.Th>{t('banquet.fields.groupOrganiser')}</Table.Th>
              <Table.Th>{t('banquet.fields.type')}</Table.Th>
              <Table.Th>{t('banquet.fields.halls')}</Table.Th>
              <Table.Th ta="right">{t('banquet.fields.headcount')}</Table.Th>
              <Table.Th ta="right">{t('banquet.fields.estimate')}</Table.Th>
              <Table.Th>{t('banquet.fields.stage')}</Table.Th>
              <Table.Th>{t('banquet.fields.staff')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {banquets.map((banquet) => (
              <Table.Tr
                key={banquet.id}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate({ name: 'banquet', id: banquet.id })}
                data-testid="banquet-row"
                data-banquet-id={banquet.id}
                data-stage={banquet.stage}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDayWithWeekday(banquet.date, i18n.language)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{timeSpan(banquet)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {banquet.groupName || sama(banquet.organiserName)}
                  </Text>
                  {banquet.groupName && (
                    <Text size="xs" c="dimmed">
                      {sama(banquet.organiserName)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`banquet.codes.type.${banquet.type}`)}</Table.Td>
                <Table.Td>{hallList(banquet)}</Table.Td>
                <Table.Td ta="right">{t('banquet.common.persons', { count: banquet.headcount })}</Table.Td>
                <Table.Td ta="right">{formatYen(banquet.estimateYen)}</Table.Td>
                <Table.Td>
                  <Badge color={STAGE_COLOR[banquet.stage]} tt="none" data-testid="banquet-row-stage">
                    {t(`banquet.codes.stage.${banquet.stage}`)}
                  </Badge>
                  {isOverdue(banquet, now) && (
                    <Text size="xs" c="red" fw={600} data-testid="banquet-overdue">
                      {t('banquet.pipeline.overdue')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{banquet.staffName ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <BanquetForm
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate({ name: 'banquet', id: saved });
          }}
        />
      )}
    </>
  );
}
