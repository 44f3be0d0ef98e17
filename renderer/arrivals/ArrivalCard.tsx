import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrival } from '../../shared/contract/arrivals.ts';
import { routeHref } from '../app/route.ts';
import { fullName, fullReading } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';
import { warningCounts } from '../kitchen/menu-model.ts';
import { RankBadge } from '../ranks/RankBadge.tsx';
import { formatNights, formatParty, SEVERITY_COLOR } from '../service/format.ts';
import { PartyAllergies } from './PartyAllergies.tsx';

function Section({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap" data-testid={testId}>
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Stack gap={4} style={{ flex: 1 }}>
        {children}
      </Stack>
    </Group>
  );
}

/**
 * Another party in this party's room tonight. Unshared, it is a mistake to put right before they arrive
 * (the desk refuses it, but it can come from another PC): in red at the top. Shared on purpose: a note.
 */
function RoomClashes({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  if (arrival.roomClashes.length === 0) return null;
  return (
    <Stack gap={4} data-testid="arrival-room-clashes">
      {arrival.roomClashes.map((clash) => {
        const words = {
          rooms: clash.rooms.join('・'),
          name: clash.guestName,
          from: formatDay(clash.arrivalDate, i18n.language),
          to: formatDay(clash.departureDate, i18n.language),
        };
        // Shared when the booking that came second was recorded as sharing: staff saw the other party then.
        const shared = clash.sharedRoom || arrival.stay.sharedRoom;
        return shared ? (
          <Text key={clash.stayId} size="sm" c="dimmed" data-testid="arrival-room-shared">
            {t('kitchen.arrivals.roomShared', words)}
          </Text>
        ) : (
          <Alert key={clash.stayId} color="red" variant="light" p="xs" role="alert" data-testid="arrival-room-clash">
            {t('kitchen.arrivals.roomClash', words)}
          </Alert>
        );
      })}
    </Stack>
  );
}

function Celebrations({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  if (arrival.celebrations.length === 0) return null;
  return (
    <Section label={t('sheet.celebrations')} testId="arrival-celebrations">
      <Group gap="xs">
        {arrival.celebrations.map((celebration) => (
          <Badge
            key={`${celebration.kind}-${celebration.guestId ?? ''}-${celebration.purpose ?? ''}`}
            color="pink"
            variant="light"
            tt="none"
            size="lg"
          >
            {celebration.kind === 'birthday'
              ? t('sheet.birthdayOn', {
                  name: celebration.guestName,
                  date: formatDay(celebration.date ?? '', i18n.language),
                })
              : t(`codes.purpose.${celebration.purpose ?? 'celebration'}`)}
          </Badge>
        ))}
      </Group>
    </Section>
  );
}

function Requests({ arrival }: { arrival: Arrival }) {
  const { t } = useTranslation();
  if (arrival.requests.length === 0) return null;
  return (
    <Section label={t('sheet.requests')} testId="arrival-requests">
      {arrival.requests.map((request) => (
        <Group key={request.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="arrival-request">
          <Badge variant="light" color="indigo" tt="none" style={{ flexShrink: 0 }}>
            {t(`codes.requestCategory.${request.category}`)}
          </Badge>
          {request.standing && (
            <Badge variant="outline" color="indigo" tt="none" style={{ flexShrink: 0 }}>
              {t('sheet.standing')}
            </Badge>
          )}
          <Text size="sm">{request.text}</Text>
        </Group>
      ))}
    </Section>
  );
}

function DishesToAvoid({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  if (arrival.dishesToAvoid.length === 0) return null;
  return (
    <Section label={t('sheet.dishesToAvoid')} testId="arrival-avoid">
      <Group gap="xs">
        {arrival.dishesToAvoid.map((dish) => (
          <Badge
            key={dish.dishId}
            variant={dish.severity === 'anaphylaxis' ? 'filled' : 'light'}
            color={dish.severity ? SEVERITY_COLOR[dish.severity] : 'gray'}
            tt="none"
            data-testid="avoid-dish"
          >
            {t('kitchen.common.withNote', {
              text: dish.dishName,
              note: dish.reasons
                .map((reason) =>
                  reason === 'served' && dish.lastServed
                    ? t('kitchen.arrivals.servedOn', { date: formatDay(dish.lastServed, i18n.language) })
                    : t(`codes.avoidReason.${reason}`),
                )
                .join(t('kitchen.common.separator')),
            })}
          </Badge>
        ))}
        {arrival.moreDishesToAvoid > 0 && (
          <Badge variant="outline" color="gray" tt="none" data-testid="avoid-more">
            {t('sheet.moreDishes', { count: arrival.moreDishesToAvoid })}
          </Badge>
        )}
      </Group>
    </Section>
  );
}

function Menus({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  if (arrival.menus.length === 0) return null;
  return (
    <Section label={t('sheet.menu')} testId="arrival-menus">
      {arrival.menus.map((menu) => {
        const counts = warningCounts(menu);
        return (
          <Group key={menu.id} gap="xs" data-testid="arrival-menu">
            <Text size="sm">
              {formatDay(menu.date, i18n.language)} {t(`codes.meal.${menu.meal}`)} {menu.courseName}
            </Text>
            {counts.allergen > 0 && (
              <Badge color={counts.anaphylaxis > 0 ? 'red' : 'orange'} tt="none">
                {t('kitchen.menu.allergenCount', { count: counts.allergen })}
              </Badge>
            )}
            {counts.repeated > 0 && (
              <Badge color="blue" variant="light" tt="none">
                {t('kitchen.menu.repeatCount', { count: counts.repeated })}
              </Badge>
            )}
            {counts.allergen === 0 && counts.repeated === 0 && (
              <Badge color="teal" variant="light" tt="none">
                {t('kitchen.menu.noFlags')}
              </Badge>
            )}
          </Group>
        );
      })}
    </Section>
  );
}

/** One arriving party: everything the desk, the floor and the kitchen must know before they arrive. */
export function ArrivalCard({ arrival, date }: { arrival: Arrival; date: string }) {
  const { t, i18n } = useTranslation();
  const { stay } = arrival;
  const lead = stay.party.find((member) => member.lead) ?? stay.party[0];
  const companions = stay.party.filter((member) => !member.lead);
  const hasAnaphylaxis = arrival.allergies.some((allergy) => allergy.severity === 'anaphylaxis');
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid="arrival"
      data-stay-id={stay.id}
      style={hasAnaphylaxis ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 3 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="lg" align="flex-start" wrap="nowrap">
            <Title order={1} data-testid="arrival-rooms" style={{ lineHeight: 1, whiteSpace: 'nowrap' }}>
              {stay.rooms.join('・')}
            </Title>
            <Stack gap={2}>
              {lead && (
                <>
                  <Text size="xs" c="dimmed">
                    {fullReading(lead)}
                  </Text>
                  <Anchor
                    href={routeHref({ name: 'guest', id: lead.guestId })}
                    fw={700}
                    size="lg"
                    data-testid="arrival-lead"
                  >
                    {t('kitchen.common.guestSama', { name: fullName(lead) })}
                  </Anchor>
                </>
              )}
              {companions.length > 0 && (
                <Group gap="xs">
                  {companions.map((member) => (
                    <Anchor key={member.guestId} href={routeHref({ name: 'guest', id: member.guestId })} size="sm">
                      {t('kitchen.common.guestSama', { name: fullName(member) })}
                    </Anchor>
                  ))}
                </Group>
              )}
              <Group gap="xs">
                <Text size="sm">{formatParty(stay)}</Text>
                <Text size="sm">{formatNights(stay.nights)}</Text>
                {stay.plan && <Text size="sm">{stay.plan}</Text>}
              </Group>
            </Stack>
          </Group>
          <Stack gap={4} align="flex-end">
            <RankBadge rank={arrival.rank} testId="arrival-rank" />
            <Badge
              size="lg"
              color={arrival.visitCount === 0 ? 'cyan' : 'violet'}
              variant={arrival.visitCount === 0 ? 'light' : 'filled'}
              tt="none"
              data-testid="arrival-visit"
            >
              {arrival.visitCount === 0
                ? t('kitchen.arrivals.firstVisit')
                : t('kitchen.arrivals.visitNth', { count: arrival.visitCount + 1 })}
            </Badge>
            {arrival.lastVisit && (
              <Text size="xs" c="dimmed">
                {t('sheet.lastVisit', { date: formatDay(arrival.lastVisit, i18n.language) })}
              </Text>
            )}
            <Badge variant="outline" color="gray" tt="none">
              {t(`codes.stayStatus.${stay.status}`)}
            </Badge>
          </Stack>
        </Group>
        <RoomClashes arrival={arrival} />
        {arrival.allergies.length > 0 && <PartyAllergies allergies={arrival.allergies} />}
        <Celebrations arrival={arrival} />
        <Requests arrival={arrival} />
        <DishesToAvoid arrival={arrival} />
        <Menus arrival={arrival} />
        <Divider />
        <Group gap="xs" justify="flex-end">
          <Button
            component="a"
            variant="default"
            size="xs"
            href={routeHref({ name: 'print', sheet: 'briefing', date, stayId: stay.id })}
            data-testid="arrival-sheet"
          >
            {t('kitchen.arrivals.ownSheet')}
          </Button>
          <Button
            component="a"
            variant="light"
            size="xs"
            href={routeHref({ name: 'stay', id: stay.id })}
            data-testid="arrival-open-stay"
          >
            {t('kitchen.arrivals.openStay')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
