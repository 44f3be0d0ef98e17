import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestRequest } from '../../shared/contract/requests.ts';
import { call } from '../api/client.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, notifySuccess } from '../app/notify.ts';
import { useMayCall } from '../staff/permissions.ts';
import { formatDayWithWeekday } from './format.ts';
import { QuickRequest } from './QuickRequest.tsx';

type Status = GuestRequest['status'];

const NOTICE: Record<Status, 'doneNotice' | 'cancelledNotice' | 'reopenedNotice'> = {
  done: 'doneNotice',
  cancelled: 'cancelledNotice',
  open: 'reopenedNotice',
};

function RequestRow({ request, deleted }: { request: GuestRequest; deleted: boolean }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const open = request.status === 'open';
  const setStatus = async (status: Status) => {
    const done = await attempt(() => call('requests.setStatus', { id: request.id, status }));
    if (done) notifySuccess(t(`service.requests.${NOTICE[status]}`));
  };
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="request"
      data-status={request.status}
      data-category={request.category}
      bg={open ? undefined : 'gray.0'}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge
              variant={open ? 'filled' : 'light'}
              color={request.category === 'complaint' ? 'red' : 'blue'}
              tt="none"
            >
              {t(`codes.requestCategory.${request.category}`)}
            </Badge>
            {request.standing ? (
              <Badge variant="outline" color="grape" tt="none" data-testid="request-standing">
                {t('service.requests.standing')}
              </Badge>
            ) : (
              request.stayArrivalDate && (
                <Text size="xs" c="dimmed">
                  {t('service.requests.stayOf', { date: formatDayWithWeekday(request.stayArrivalDate, i18n.language) })}
                </Text>
              )
            )}
            {!open && (
              <Badge variant="outline" color="gray" tt="none" data-testid="request-status">
                {t(`codes.requestStatus.${request.status}`)}
              </Badge>
            )}
          </Group>
          <Text data-testid="request-text-shown" td={request.status === 'cancelled' ? 'line-through' : undefined}>
            {request.text}
          </Text>
          <Text size="xs" c="dimmed">
            {t('service.requests.taken', {
              at: clock.dateTime(request.takenAt),
              name: request.takenByName ?? t('common.unknownStaff'),
            })}
            {!open &&
              ` · ${t('service.requests.handled', {
                status: t(`codes.requestStatus.${request.status}`),
                at: clock.dateTime(request.handledAt ?? ''),
                name: request.handledByName ?? t('common.unknownStaff'),
              })}`}
          </Text>
        </Stack>
        {!deleted && open && (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-sm" color="teal" data-testid="request-done" onClick={() => setStatus('done')}>
              {t('service.requests.done')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              data-testid="request-cancel"
              onClick={() => setStatus('cancelled')}
            >
              {t('service.requests.cancel')}
            </Button>
          </Group>
        )}
        {!deleted && !open && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            data-testid="request-reopen"
            onClick={() => setStatus('open')}
          >
            {t('service.requests.reopen')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Open requests (this stay's and the standing ones, marked 毎回) first, then what was handled, with who and when. */
export function RequestsPanel({
  guestId,
  requests,
  currentStayId,
  deleted,
  show = 0,
}: {
  guestId: string;
  requests: readonly GuestRequest[];
  currentStayId: string | null;
  deleted: boolean;
  /** Non-zero and changed: the panel is scrolled into view and takes the focus (its title is read out). */
  show?: number;
}) {
  const { t } = useTranslation();
  const canRecord = useMayCall()('requests.record'); // the kitchen reads requests, the desk and floor take them
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (show === 0) return;
    panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    panel.current?.focus({ preventScroll: true });
  }, [show]);
  const open = requests.filter((r) => r.status === 'open');
  const handled = requests.filter((r) => r.status !== 'open');
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="requests-panel"
      ref={panel}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-shown={show > 0}
    >
      <Stack gap="sm">
        <Title order={4} id={titleId}>
          {t('service.requests.title')}
        </Title>
        {!deleted && canRecord && <QuickRequest guestId={guestId} stayId={currentStayId} />}
        {requests.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('service.requests.none')}
          </Text>
        )}
        {open.map((request) => (
          <RequestRow key={request.id} request={request} deleted={deleted} />
        ))}
        {handled.length > 0 && (
          <Text size="xs" fw={600} c="dimmed" mt={4}>
            {t('service.requests.handledTitle')}
          </Text>
        )}
        {handled.map((request) => (
          <RequestRow key={request.id} request={request} deleted={deleted} />
        ))}
      </Stack>
    </Paper>
  );
}
