import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { heldSchema } from '../../shared/contract/conflicts.ts';
import { call } from '../api/client.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, notifySuccess } from '../app/notify.ts';
import { useConflicts } from './conflicts-context.tsx';
import { minutesAhead } from './detail.ts';

type Held = z.infer<typeof heldSchema>;

/**
 * Applying a change from a PC whose clock is far ahead moves this PC's change-log clock ahead with it (every
 * PC orders changes by that clock, so it can never go back). The dialog says so, and that waiting applies it
 * anyway once this clock catches up, before staff choose.
 */
function AcceptHeld({ held, onClose }: { held: Held; onClose(): void }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const { refetch } = useConflicts();
  const [busy, setBusy] = useState(false);
  const minutes = minutesAhead(held);

  const accept = async () => {
    setBusy(true);
    const done = await attempt(() => call('conflicts.acceptHeld', { node: held.node, hlc: held.hlc }));
    setBusy(false);
    if (!done) {
      refetch(); // refused as it is (its values, a newer version): the list now says why, without the button
      return;
    }
    onClose();
    notifySuccess(t('conflicts.held.accepted', { count: done.applied }));
    // What it wrote is announced by table; the held list itself is no table, so read it again here.
    refetch();
  };

  return (
    <Modal opened onClose={onClose} title={t('conflicts.held.acceptTitle')} centered>
      <Stack gap="sm" data-testid="accept-dialog">
        <Text size="sm">
          {t('conflicts.held.acceptBody', {
            count: minutes,
            stamped: clock.dateTime(held.stampedAt),
            received: clock.dateTime(held.receivedAt),
          })}
        </Text>
        <Alert color="orange" variant="light">
          {t('conflicts.held.acceptRisk', { count: minutes })}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('conflicts.held.acceptWait')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={busy} onClick={accept} data-testid="accept-confirm">
            {t('conflicts.held.acceptSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The transactions kept aside: why, when they claim to be from and when they came, how many changes. */
export function HeldChanges({ held }: { held: readonly Held[] }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const [accepting, setAccepting] = useState<Held | null>(null);
  if (held.length === 0) return <Text c="dimmed">{t('conflicts.noHeld')}</Text>;
  return (
    <>
      <Table verticalSpacing="xs" withTableBorder data-testid="held-changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('conflicts.held.reasonColumn')}</Table.Th>
            <Table.Th>{t('conflicts.held.stampedAt')}</Table.Th>
            <Table.Th>{t('conflicts.held.receivedAt')}</Table.Th>
            <Table.Th>{t('conflicts.held.entries')}</Table.Th>
            <Table.Th>{t('conflicts.held.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {held.map((item) => (
            <Table.Tr key={`${item.node}:${item.hlc}`} data-testid="held-change" data-reason={item.reason}>
              <Table.Td>
                <Text size="sm">{t(`conflicts.held.reason.${item.reason}`)}</Text>
                {item.reason === 'clock_ahead' && (
                  <Text size="xs" c="orange.9">
                    {t('conflicts.held.ahead', { count: minutesAhead(item) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td data-testid="held-stamped">{clock.dateTime(item.stampedAt)}</Table.Td>
              <Table.Td data-testid="held-received">{clock.dateTime(item.receivedAt)}</Table.Td>
              <Table.Td data-testid="held-entries">
                {t('conflicts.held.entriesCount', { count: item.entries })}
              </Table.Td>
              <Table.Td>
                {item.reason === 'clock_ahead' && (
                  <Button
                    size="xs"
                    color="orange"
                    variant="light"
                    onClick={() => setAccepting(item)}
                    data-testid="accept-held"
                  >
                    {t('conflicts.held.accept')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {accepting && <AcceptHeld held={accepting} onClose={() => setAccepting(null)} />}
    </>
  );
}
