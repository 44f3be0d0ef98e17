import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../shared/contract/index.ts';
import type { ManagerListRow } from '../../shared/contract/manager.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { formatDay } from '../i18n/format.ts';
import { formatYen } from '../service/format.ts';
import { formatMinutes } from './format.ts';

// The records behind one figure of the manager's view, a page at a time, each guest's name a link to their
// card: the overdue allergies to confirm at the next check-in, a staff member's records, a week's arrivals.

export type ListRequest = Omit<CallInput<'manager.list'>, 'offset' | 'limit'> & {
  staffName?: string;
  rankLabel?: string;
};

const PAGE = 50;
const TABLES = ['stays', 'requests', 'allergies', 'served', 'guests'];

function GuestLink({ row }: { row: ManagerListRow }) {
  if (!row.guestId) return <Text span>{row.guestName || '—'}</Text>;
  return (
    <Anchor href={routeHref({ name: 'guest', id: row.guestId })} data-testid="list-guest">
      {row.guestName}
    </Anchor>
  );
}

function useTitle(request: ListRequest): string {
  const { t, i18n } = useTranslation();
  const day = (value: string) => formatDay(value, i18n.language);
  switch (request.figure) {
    case 'arrivals':
      return t('manager.list.arrivals', { from: day(request.from), to: day(request.to) });
    case 'rank':
      return t('manager.list.rank', { rank: request.rankLabel || t('manager.rank.none') });
    case 'requests':
      return t(request.status === 'done' ? 'manager.list.requestsDone' : 'manager.list.requests', {
        category: t(`codes.requestCategory.${request.category ?? 'other'}`),
      });
    case 'staff':
      return t('manager.list.staff', {
        staff: request.staffName ?? '',
        kind: t(`manager.staff.${request.kind ?? 'guests'}`),
      });
    default:
      return t(`manager.list.${request.figure}`);
  }
}

function Columns({ request, rows }: { request: ListRequest; rows: ManagerListRow[] }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const day = (value: string) => formatDay(value, i18n.language);
  const figure = request.figure;
  const isStays = figure === 'arrivals' || figure === 'returning' || figure === 'rank';
  const isAllergies = figure.startsWith('allergies.');
  return (
    <Table striped verticalSpacing={4} fz="sm" data-testid="figure-list-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{isStays ? t('manager.list.date') : t('manager.list.recordedAt')}</Table.Th>
          <Table.Th>{t('manager.list.guest')}</Table.Th>
          {isStays && <Table.Th ta="right">{t('manager.list.amount')}</Table.Th>}
          {isStays && <Table.Th />}
          {figure === 'requests' && <Table.Th>{t('manager.list.status')}</Table.Th>}
          {figure === 'requests' && <Table.Th ta="right">{t('manager.list.minutes')}</Table.Th>}
          {isAllergies && <Table.Th>{t('manager.list.allergen')}</Table.Th>}
          {isAllergies && <Table.Th>{t('manager.list.severity')}</Table.Th>}
          {isAllergies && <Table.Th>{t('manager.list.confirmedAt')}</Table.Th>}
          {figure === 'staff' && <Table.Th>{t('manager.list.call')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid="figure-list-row">
            <Table.Td>{isStays ? day(row.date) : clock.dateTime(row.date)}</Table.Td>
            <Table.Td>
              <GuestLink row={row} />
              {figure === 'requests' && row.text ? (
                <Text size="xs" c="dimmed">
                  {row.text}
                </Text>
              ) : null}
            </Table.Td>
            {isStays && <Table.Td ta="right">{formatYen(row.amountYen ?? 0)}</Table.Td>}
            {isStays && (
              <Table.Td>
                <Badge variant="light" color={row.returning ? 'indigo' : 'teal'}>
                  {row.returning ? t('manager.list.returningBadge') : t('manager.list.firstBadge')}
                </Badge>
              </Table.Td>
            )}
            {figure === 'requests' && <Table.Td>{t(`manager.requestStatus.${row.status ?? 'open'}`)}</Table.Td>}
            {figure === 'requests' && <Table.Td ta="right">{formatMinutes(row.minutes, t)}</Table.Td>}
            {isAllergies && <Table.Td>{i18n.language === 'en' ? row.allergenEn : row.allergenJa}</Table.Td>}
            {isAllergies && <Table.Td>{t(`codes.severity.${row.severity ?? 'allergy'}`)}</Table.Td>}
            {isAllergies && <Table.Td>{row.confirmedAt ? day(row.confirmedAt) : '—'}</Table.Td>}
            {figure === 'staff' && <Table.Td>{t(`manager.list.calls.${row.call ?? ''}`, row.call ?? '')}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function FigureList({ request, onClose }: { request: ListRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { staffName: _staff, rankLabel: _rank, ...input } = request;
  const query = useQuery('manager.list', { ...input, offset, limit: PAGE }, TABLES);
  const title = useTitle(request);
  const total = query.data?.total ?? 0;
  return (
    <Modal opened onClose={onClose} title={title} size="xl" data-testid="figure-list">
      <Stack gap="sm">
        {query.error && <Text c="red">{errorMessage(query.error)}</Text>}
        {query.data && query.data.rows.length === 0 && <Text c="dimmed">{t('manager.list.empty')}</Text>}
        {query.data && query.data.rows.length > 0 && <Columns request={request} rows={query.data.rows} />}
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="figure-list-count">
            {total > 0 && t('manager.list.page', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
              {t('manager.list.previousPage')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('manager.list.nextPage')}
            </Button>
            <Button size="xs" onClick={onClose}>
              {t('manager.list.close')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
