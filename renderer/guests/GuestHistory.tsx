import { Alert, Anchor, Center, Group, List, Loader, Table, Text } from '@mantine/core';
import i18next from 'i18next';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { errorMessage } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { formatDateTime } from '../i18n/format.ts';
import { type HistoryChange, historyRows, linkedGuestIds } from './history-model.ts';
import { fullName } from './names.ts';

const TABLES = ['guests', 'guest_links', 'staff'] as const;

/** Names of the other guests the history mentions: from the card's companions, else asked for once. */
function useGuestNames(ids: string[], card: GuestCard): Map<string, string> {
  const [fetched, setFetched] = useState(new Map<string, string>());
  const known = useMemo(() => new Map(card.companions.map((c) => [c.guestId, fullName(c)])), [card]);
  const missing = ids.filter((id) => !known.has(id) && !fetched.has(id)).join(',');
  useEffect(() => {
    if (!missing) return;
    let live = true;
    Promise.all(
      missing.split(',').map((id) =>
        call('guests.get', { id }).then(
          (guest) => [id, fullName(guest)] as const,
          () => [id, ''] as const,
        ),
      ),
    ).then((pairs) => {
      if (live) setFetched((current) => new Map([...current, ...pairs]));
    });
    return () => {
      live = false;
    };
  }, [missing]);
  return useMemo(() => new Map([...fetched, ...known]), [fetched, known]);
}

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <Text c="dimmed">{t('history.blank')}</Text>;
  if (typeof value === 'boolean') return <Text>{value ? t('common.yes') : t('common.no')}</Text>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <Text c="dimmed">{t('history.blank')}</Text>;
    return (
      <List size="sm" spacing={0}>
        {value.map((phone: { number?: string; label?: string }) => (
          <List.Item key={`${phone.number}-${phone.label}`}>
            {phone.label
              ? t('history.phone', { number: phone.number, label: t(`phoneLabels.${phone.label}`) })
              : phone.number}
          </List.Item>
        ))}
      </List>
    );
  }
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</Text>;
}

function fieldLabel(change: HistoryChange): string {
  if (change.kind === 'field') {
    const key = `fields.${change.field}`;
    return i18next.exists(key) ? i18next.t(key) : change.field;
  }
  if (change.kind === 'deleted' || change.kind === 'restored') return i18next.t('fields.deleted_at');
  return i18next.t('fields.companion');
}

function Change({ change, names }: { change: HistoryChange; names: Map<string, string> }): ReactNode {
  const { t } = useTranslation();
  switch (change.kind) {
    case 'field':
      return change.from === null ? (
        <Value value={change.to} />
      ) : (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text c="dimmed" td={change.from === '' ? undefined : 'line-through'} component="div">
            <Value value={change.from} />
          </Text>
          <Text>→</Text>
          <Value value={change.to} />
        </Group>
      );
    case 'deleted':
      return <Text c="red">{t('history.deleted')}</Text>;
    case 'restored':
      return <Text c="teal">{t('history.restored')}</Text>;
    default: {
      const name = names.get(change.otherId) || t('history.anotherGuest');
      const relationship = 'relationship' in change ? t(`relationships.${change.relationship}`) : '';
      const text =
        change.kind === 'linked'
          ? t('history.linked', { name, relationship })
          : change.kind === 'unlinked'
            ? t('history.unlinked', { name })
            : t('history.relationshipChanged', { name, relationship });
      return <Anchor href={routeHref({ name: 'guest', id: change.otherId })}>{text}</Anchor>;
    }
  }
}

/** Who changed what, when, from what to what: newest first. */
export function GuestHistory({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation();
  const query = useQuery('guests.history', { id: card.id }, TABLES);
  const rows = useMemo(() => historyRows(query.data?.entries ?? [], card.id), [query.data, card.id]);
  const names = useGuestNames(linkedGuestIds(rows), card);

  if (query.error) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  if (!query.data) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (rows.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  return (
    <Table striped verticalSpacing="xs" data-testid="history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('history.when')}</Table.Th>
          <Table.Th w={170}>{t('history.who')}</Table.Th>
          <Table.Th w={150}>{t('history.field')}</Table.Th>
          <Table.Th>{t('history.change')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-testid="history-entry">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, i18n.language)}</Table.Td>
            <Table.Td>{row.staffName ?? <Text c="dimmed">{t('history.system')}</Text>}</Table.Td>
            <Table.Td>{fieldLabel(row.change)}</Table.Td>
            <Table.Td>
              <Change change={row.change} names={names} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
