import { Alert, Anchor, Button, Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { fullName, fullReading } from './names.ts';

/** Deleted guests, most recently deleted first, each with Restore. */
export function DeletedGuests() {
  const { t } = useTranslation();
  const clock = useInnClock();
  const query = useQuery('guests.listDeleted', {}, ['guests']);

  const restore = async (id: string) => {
    const guest = await attempt(() => call('guests.restore', { id }));
    if (guest) {
      notifySuccess(t('guest.restoredNotice', { name: fullName(guest) }));
      query.refetch();
    }
  };

  let body: ReactNode;
  if (query.error) body = <Alert color="red">{errorMessage(query.error)}</Alert>;
  else if (!query.data)
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  else if (query.data.guests.length === 0) body = <Text c="dimmed">{t('deleted.empty')}</Text>;
  else
    body = (
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deleted.name')}</Table.Th>
            <Table.Th>{t('deleted.deletedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.guests.map((guest) => (
            <Table.Tr key={guest.id} data-testid="deleted-guest" data-guest-id={guest.id}>
              <Table.Td>
                <Anchor href={routeHref({ name: 'guest', id: guest.id })} fw={600}>
                  {fullName(guest)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {fullReading(guest)}
                </Text>
              </Table.Td>
              <Table.Td>{clock.dateTime(guest.deletedAt)}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="light" data-testid="restore-deleted" onClick={() => restore(guest.id)}>
                  {t('deleted.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="deleted-guests">
      <Stack>
        <Title order={3}>{t('deleted.title')}</Title>
        {body}
      </Stack>
    </Paper>
  );
}
