import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stay, StayStatus } from '../../shared/contract/stays.ts';
import { routeHref } from '../app/route.ts';
import { useMayCall } from '../staff/permissions.ts';
import { EditStay } from './EditStay.tsx';
import { formatNights, formatParty, formatStayDates, formatYen } from './format.ts';
import { StayForm } from './StayForm.tsx';

const STATUS_COLOR: Record<StayStatus, string> = {
  booked: 'blue',
  in_house: 'teal',
  departed: 'gray',
  cancelled: 'red',
  no_show: 'orange',
};

function StayRow({ stay, onEdit, deleted }: { stay: Stay; onEdit(): void; deleted: boolean }) {
  const { t, i18n } = useTranslation();
  const gone = stay.status === 'cancelled' || stay.status === 'no_show';
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="stay-row" data-stay-id={stay.id} data-status={stay.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Anchor
              href={routeHref({ name: 'stay', id: stay.id })}
              fw={700}
              td={gone ? 'line-through' : undefined}
              title={t('service.stays.open')}
              data-testid="stay-link"
            >
              {formatStayDates(stay, i18n.language)}
            </Anchor>
            <Text size="sm">{formatNights(stay.nights)}</Text>
            <Badge color={STATUS_COLOR[stay.status]} variant="light" tt="none" data-testid="stay-status-badge">
              {t(`codes.stayStatus.${stay.status}`)}
            </Badge>
            {stay.purpose && (
              <Badge color="pink" variant="outline" tt="none">
                {t(`codes.purpose.${stay.purpose}`)}
              </Badge>
            )}
          </Group>
          <Group gap="md">
            {stay.rooms.length > 0 && (
              <Text size="sm">{t('service.alerts.rooms', { rooms: stay.rooms.join('・') })}</Text>
            )}
            <Text size="sm" c="dimmed">
              {formatParty(stay)}
            </Text>
            {stay.plan && <Text size="sm">{stay.plan}</Text>}
            {stay.amountYen > 0 && (
              <Text size="sm" data-testid="stay-amount">
                {formatYen(stay.amountYen)}
              </Text>
            )}
            {stay.staffName && (
              <Text size="sm" c="dimmed">
                {t('service.stays.staff', { name: stay.staffName })}
              </Text>
            )}
          </Group>
          {stay.note && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {stay.note}
            </Text>
          )}
        </Stack>
        {!deleted && (
          <Button size="compact-sm" variant="subtle" data-testid="edit-stay" onClick={onEdit}>
            {t('service.stays.edit')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** The guest's stays, latest first (upcoming included): record a new one, edit one, open its page. */
export function StaysPanel({ guestId, stays, deleted }: { guestId: string; stays: readonly Stay[]; deleted: boolean }) {
  const { t } = useTranslation();
  // A new stay, or the id of the one being edited.
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const close = useCallback(() => setEditing(null), []);
  // Recording and changing stays is the desk's (stays.edit); others see them only.
  const may = useMayCall();
  const readOnly = deleted || !may('stays.create');
  return (
    <Paper withBorder radius="md" p="md" data-testid="stays-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('service.stays.title')}</Title>
          {!readOnly && (
            <Button size="xs" data-testid="add-stay" onClick={() => setEditing('new')}>
              + {t('service.stays.add')}
            </Button>
          )}
        </Group>
        {stays.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('service.stays.none')}
          </Text>
        )}
        {stays.map((stay) => (
          <StayRow key={stay.id} stay={stay} deleted={readOnly} onEdit={() => setEditing(stay.id)} />
        ))}
      </Stack>
      {editing === 'new' && <StayForm guestId={guestId} onClose={close} />}
      {editing && editing !== 'new' && <EditStay guestId={guestId} stayId={editing} onClose={close} />}
    </Paper>
  );
}
