import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  DataList,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stay, StayStatus } from '../../shared/contract/stays.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { fullName, fullReading } from '../guests/names.ts';
import { MenuPlanner } from '../kitchen/MenuPlanner.tsx';
import { PlannedMenus } from '../kitchen/PlannedMenus.tsx';
import { ServedList } from '../kitchen/ServedList.tsx';
import { formatDayWithWeekday, formatNights, formatParty, formatYen } from '../service/format.ts';
import { StayAllergies } from './StayAllergies.tsx';
import { StayRequests } from './StayRequests.tsx';

const STATUS_COLOR: Record<StayStatus, string> = {
  booked: 'indigo',
  in_house: 'teal',
  departed: 'gray',
  cancelled: 'red',
  no_show: 'orange',
};

/** Which moves make sense from each status; a mistaken cancel or no-show can be undone (back to booked). */
const NEXT: Record<StayStatus, { to: StayStatus; key: string; color: string; variant: string; confirm?: boolean }[]> = {
  booked: [
    { to: 'in_house', key: 'checkIn', color: 'teal', variant: 'filled' },
    { to: 'cancelled', key: 'cancel', color: 'red', variant: 'subtle', confirm: true },
    { to: 'no_show', key: 'noShow', color: 'orange', variant: 'subtle', confirm: true },
  ],
  in_house: [{ to: 'departed', key: 'checkOut', color: 'indigo', variant: 'filled' }],
  departed: [],
  cancelled: [{ to: 'booked', key: 'rebook', color: 'gray', variant: 'default' }],
  no_show: [{ to: 'booked', key: 'rebook', color: 'gray', variant: 'default' }],
};

function StatusActions({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<StayStatus | null>(null);
  const move = async (status: StayStatus) => {
    setBusy(true);
    const updated = await attempt(() => call('stays.update', { id: stay.id, patch: { status } }));
    setBusy(false);
    setConfirming(null);
    if (updated) notifySuccess(t('kitchen.stay.statusNotice', { status: t(`codes.stayStatus.${status}`) }));
  };
  return (
    <Group gap="xs">
      {NEXT[stay.status].map((action) => (
        <Button
          key={action.to}
          color={action.color}
          variant={action.variant}
          loading={busy && !action.confirm}
          disabled={busy}
          data-testid={`stay-${action.key}`}
          onClick={() => (action.confirm ? setConfirming(action.to) : move(action.to))}
        >
          {t(`kitchen.stay.actions.${action.key}`)}
        </Button>
      ))}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('kitchen.stay.confirmStatusTitle')}
        // 「キャンセルにする」 beside 「戻る」: a 「キャンセル」 button there would read as "back".
        action={t('kitchen.stay.confirmStatusAction', {
          status: confirming ? t(`codes.stayStatus.${confirming}`) : '',
        })}
        busy={busy}
        testId="confirm-status"
        onClose={() => setConfirming(null)}
        onConfirm={() => confirming && move(confirming)}
      >
        {t('kitchen.stay.confirmStatusBody', { status: confirming ? t(`codes.stayStatus.${confirming}`) : '' })}
      </ConfirmDialog>
    </Group>
  );
}

function Summary({ stay }: { stay: Stay }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="stay-summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="md" align="center">
            <Title order={2} data-testid="stay-rooms">
              {stay.rooms.join('・')}
            </Title>
            <Stack gap={0}>
              <Text fw={600}>
                {formatDayWithWeekday(stay.arrivalDate, i18n.language)} →{' '}
                {formatDayWithWeekday(stay.departureDate, i18n.language)}
              </Text>
              <Text size="sm" c="dimmed">
                {[formatNights(stay.nights), formatParty(stay)].join(t('kitchen.common.separator'))}
              </Text>
            </Stack>
            <Badge
              size="lg"
              color={STATUS_COLOR[stay.status]}
              tt="none"
              data-testid="stay-status"
              data-status={stay.status}
            >
              {t(`codes.stayStatus.${stay.status}`)}
            </Badge>
          </Group>
          <StatusActions stay={stay} />
        </Group>
        <DataList labelWidth={130}>
          <DataList.Item>
            <DataList.ItemLabel>{t('sheet.guest')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Stack gap={2}>
                {stay.party.map((member) => (
                  <Group key={member.guestId} gap="xs">
                    <Anchor href={routeHref({ name: 'guest', id: member.guestId })} fw={member.lead ? 700 : 400}>
                      {t('kitchen.common.guestSama', { name: fullName(member) })}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {fullReading(member)}
                    </Text>
                    {member.lead && (
                      <Badge size="xs" variant="light" tt="none">
                        {t('kitchen.stay.lead')}
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            </DataList.ItemValue>
          </DataList.Item>
          {stay.plan && (
            <DataList.Item>
              <DataList.ItemLabel>{t('sheet.plan')}</DataList.ItemLabel>
              <DataList.ItemValue>{stay.plan}</DataList.ItemValue>
            </DataList.Item>
          )}
          {stay.purpose && (
            <DataList.Item>
              <DataList.ItemLabel>{t('kitchen.stay.purpose')}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`codes.purpose.${stay.purpose}`)}</DataList.ItemValue>
            </DataList.Item>
          )}
          {stay.amountYen > 0 && (
            <DataList.Item>
              <DataList.ItemLabel>{t('kitchen.stay.amount')}</DataList.ItemLabel>
              <DataList.ItemValue>{formatYen(stay.amountYen)}</DataList.ItemValue>
            </DataList.Item>
          )}
          {stay.staffName && (
            <DataList.Item>
              <DataList.ItemLabel>{t('kitchen.stay.staff')}</DataList.ItemLabel>
              <DataList.ItemValue>{stay.staffName}</DataList.ItemValue>
            </DataList.Item>
          )}
          {stay.note && (
            <DataList.Item>
              <DataList.ItemLabel>{t('kitchen.stay.note')}</DataList.ItemLabel>
              <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>{stay.note}</DataList.ItemValue>
            </DataList.Item>
          )}
        </DataList>
        <Group gap="xs">
          <Button
            component="a"
            size="xs"
            variant="default"
            href={routeHref({ name: 'arrivals', date: stay.arrivalDate })}
          >
            {t('kitchen.stay.arrivalsOfDay')}
          </Button>
          <Button
            component="a"
            size="xs"
            variant="default"
            href={routeHref({ name: 'print', sheet: 'briefing', date: stay.arrivalDate, stayId: stay.id })}
            data-testid="stay-sheet"
          >
            {t('kitchen.arrivals.ownSheet')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A stay: summary and status, requests, menu planning with warnings, and what was served. */
export function StayPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery('stays.get', { id }, ['stays', 'stay_party', 'guests', 'staff']);
  const stay = query.data;
  if (query.error) {
    return (
      <Alert color="red" data-testid="stay-error">
        {query.error.code === 'not_found' ? t('kitchen.stay.notFound') : errorMessage(query.error)}
      </Alert>
    );
  }
  if (!stay) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const canPlan = stay.status === 'booked' || stay.status === 'in_house';
  return (
    <Stack gap="md" data-testid="stay-page" data-stay-id={stay.id}>
      <Summary stay={stay} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {canPlan && <StayAllergies stay={stay} />}
            {canPlan && <MenuPlanner stay={stay} />}
            <PlannedMenus stayId={stay.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <StayRequests stay={stay} />
            <ServedList stay={stay} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
