import { Alert, Anchor, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { errorMessage } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { fullName, fullReading } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';

// 保存期間の見直し: guests with no stay and nothing recorded for the years the manager set (設定), the longest
// quiet first. Each name opens the card, where the inn decides (and, with the erasure, erases).

const TABLES = ['guests', 'stays', 'stay_party', 'allergies', 'requests', 'banquets', 'settings'];

export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery('guests.retentionReview', {}, TABLES);
  const data = query.data;
  return (
    <Stack gap="md" data-testid="retention-page">
      <Title order={2}>{t('guestRights.retention.title')}</Title>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {!data && !query.error && <Loader size="sm" />}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t('guestRights.retention.intro', { count: data.years, before: formatDay(data.before, i18n.language) })}
          </Text>
          <Paper withBorder radius="md" p="sm">
            <Text size="sm" mb="xs" data-testid="retention-count">
              {t('guestRights.retention.count', { count: data.total })}
              {data.total > data.guests.length &&
                ` (${t('guestRights.retention.shown', { count: data.guests.length })})`}
            </Text>
            {data.guests.length === 0 ? (
              <Text c="dimmed">{t('guestRights.retention.empty')}</Text>
            ) : (
              <Table striped verticalSpacing={4} data-testid="retention-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('guestRights.retention.column.name')}</Table.Th>
                    <Table.Th>{t('guestRights.retention.column.lastStay')}</Table.Th>
                    <Table.Th>{t('guestRights.retention.column.stays')}</Table.Th>
                    <Table.Th>{t('guestRights.retention.column.lastActivity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.guests.map((guest) => (
                    <Table.Tr key={guest.id} data-testid="retention-row">
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {fullReading(guest)}
                        </Text>
                        <Anchor href={routeHref({ name: 'guest', id: guest.id })}>{fullName(guest)}</Anchor>
                      </Table.Td>
                      <Table.Td>
                        {guest.lastStay ? formatDay(guest.lastStay, i18n.language) : t('guestRights.retention.never')}
                      </Table.Td>
                      <Table.Td>{t('guestRights.retention.stays', { count: guest.stays })}</Table.Td>
                      <Table.Td>{formatDay(guest.lastActivity, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
