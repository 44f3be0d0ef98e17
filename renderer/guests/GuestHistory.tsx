import { Alert, Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import type { HistoryRow } from '../../shared/contract/history.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage } from '../app/notify.ts';
import { HistoryChangeCell, HistoryLabel } from './HistoryCells.tsx';
import { historyLines } from './history-lines.ts';

// Who changed what, when, from what to what: newest first. The core answers the rows ready to read, other
// guests and staff already named (guests.history), so opening the tab is one call. Older pages are added
// below on request.

/** Everything the rows are made of or name: a write to any of these refetches the latest page. */
const TABLES = ['guests', 'guest_links', 'staff', 'stays', 'stay_party', 'allergies', 'requests', 'allergens'] as const;

/** Pages read after the first, continuing from the first page's `next` they started at. */
type Older = { from: string; rows: HistoryRow[]; next: string | null };

export function GuestHistory({ card }: { card: GuestCard }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const latest = useQuery('guests.history', { id: card.id }, TABLES);
  const [older, setOlder] = useState<Older>();
  const [busy, setBusy] = useState(false);
  // When the latest page moves (a new change), older pages loaded before no longer join it: start again.
  const kept = older && older.from === latest.data?.next ? older : undefined;
  const rows = useMemo(() => [...(latest.data?.rows ?? []), ...(kept?.rows ?? [])], [latest.data, kept]);
  const lines = useMemo(() => historyLines(rows), [rows]);
  const next = kept ? kept.next : latest.data?.next;

  const showOlder = async () => {
    const from = latest.data?.next;
    if (!next || !from) return;
    setBusy(true);
    const page = await attempt(() => call('guests.history', { id: card.id, before: next }));
    setBusy(false);
    if (page) setOlder({ from, rows: [...(kept?.rows ?? []), ...page.rows], next: page.next });
  };

  if (latest.error) return <Alert color="red">{errorMessage(latest.error)}</Alert>;
  if (!latest.data) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (lines.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  return (
    <Stack gap="sm" align="stretch">
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
          {lines.map((line) => (
            <Table.Tr key={line.key} data-testid="history-entry" data-kind={line.change.kind}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{clock.dateTime(line.row.at)}</Table.Td>
              <Table.Td>{line.row.staffName ?? <Text c="dimmed">{t('history.system')}</Text>}</Table.Td>
              <Table.Td>
                <HistoryLabel line={line} />
              </Table.Td>
              <Table.Td>
                <HistoryChangeCell line={line} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {next && (
        <Center>
          <Button variant="subtle" loading={busy} onClick={showOlder} data-testid="history-older">
            {t('history.showOlder')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
