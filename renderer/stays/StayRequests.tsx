import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestRequest } from '../../shared/contract/requests.ts';
import type { Stay } from '../../shared/contract/stays.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage } from '../app/notify.ts';
import { QuickRequest } from '../service/QuickRequest.tsx';
import { useMayCall } from '../staff/permissions.ts';

function RequestRow({ request }: { request: GuestRequest }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const [busy, setBusy] = useState(false);
  const setStatus = async (status: GuestRequest['status']) => {
    setBusy(true);
    await attempt(() => call('requests.setStatus', { id: request.id, status }));
    setBusy(false);
  };
  const open = request.status === 'open';
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="stay-request" data-status={request.status}>
      <Stack gap={0}>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t(`codes.requestCategory.${request.category}`)}
          </Badge>
          {request.standing && (
            <Badge variant="outline" tt="none">
              {t('sheet.standing')}
            </Badge>
          )}
          <Text td={request.status === 'cancelled' ? 'line-through' : undefined}>{request.text}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t('kitchen.stay.takenBy', {
            name: request.takenByName ?? t('common.unknownStaff'),
            at: clock.dateTime(request.takenAt),
          })}
          {request.handledAt &&
            ` / ${t('kitchen.stay.handledBy', {
              name: request.handledByName ?? t('common.unknownStaff'),
              at: clock.dateTime(request.handledAt),
            })}`}
        </Text>
      </Stack>
      {open ? (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" color="teal" disabled={busy} onClick={() => setStatus('done')}>
            {t('codes.requestStatus.done')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            disabled={busy}
            onClick={() => setStatus('cancelled')}
          >
            {t('codes.requestStatus.cancelled')}
          </Button>
        </Group>
      ) : (
        <Badge color={request.status === 'done' ? 'teal' : 'gray'} variant="light" tt="none">
          {t(`codes.requestStatus.${request.status}`)}
        </Badge>
      )}
    </Group>
  );
}

/** The requests of this stay and the lead guest's standing ones, with a quick way to take a new one. */
export function StayRequests({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  const canRecord = useMayCall()('requests.record'); // the kitchen reads requests, the desk and floor take them
  const guestId = stay.guestId;
  const query = useQuery('requests.forGuest', { guestId }, ['requests', 'staff']);
  const requests = (query.data?.requests ?? []).filter(
    (request) => request.stayId === stay.id || (request.standing && request.status === 'open'),
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="stay-requests">
      <Stack gap="sm">
        <Title order={4}>{t('sheet.requests')}</Title>
        {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
        {requests.map((request) => (
          <RequestRow key={request.id} request={request} />
        ))}
        {query.data && requests.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kitchen.stay.noRequests')}
          </Text>
        )}
        {canRecord && <QuickRequest guestId={guestId} stayId={stay.id} />}
      </Stack>
    </Paper>
  );
}
