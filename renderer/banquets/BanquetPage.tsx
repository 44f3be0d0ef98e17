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
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BanquetDetail } from '../../shared/contract/banquets.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { navigate, routeHref } from '../app/route.ts';
import { DishWarnings } from '../kitchen/DishWarnings.tsx';
import { formatDayWithWeekday, formatYen } from '../service/format.ts';
import { BanquetForm } from './BanquetForm.tsx';
import {
  BANQUET_TABLES,
  dealTitle,
  followUpWhat,
  hallList,
  isOverdue,
  STAGE_COLOR,
  sama,
  timeSpan,
} from './display.ts';
import { StageActions } from './StageActions.tsx';

function Summary({ detail }: { detail: BanquetDetail }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const banquet = detail.banquet;
  const [editing, setEditing] = useState(false);
  const closed = banquet.stage === 'held' || banquet.stage === 'lost' || banquet.stage === 'cancelled';
  const attendees = detail.attendees.map((attendee) => sama(attendee.name)).join(t('kitchen.common.separator'));
  // [label, value, test id]: a row without a value is left out.
  const rows: [string, string | null, string?][] = [
    [
      t('banquet.fields.organiser'),
      `${sama(banquet.organiserName)}${banquet.organiserPhone ? `　${banquet.organiserPhone}` : ''}`,
    ],
    [t('banquet.fields.type'), t(`banquet.codes.type.${banquet.type}`)],
    [t('banquet.fields.halls'), `${hallList(banquet)}（${t(`banquet.codes.layout.${banquet.layout}`)}）`],
    [t('banquet.fields.headcount'), t('banquet.common.persons', { count: banquet.headcount })],
    [t('banquet.deal.attendees'), attendees || null, 'banquet-attendees'],
    [t('banquet.fields.course'), banquet.courseName || null],
    [t('banquet.fields.pricePerHead'), banquet.pricePerHeadYen > 0 ? formatYen(banquet.pricePerHeadYen) : null],
    [t('banquet.fields.drinksPlan'), banquet.drinksPlan || null],
    [t('banquet.fields.estimate'), formatYen(banquet.estimateYen)],
    [t('banquet.fields.deposit'), banquet.depositYen > 0 ? formatYen(banquet.depositYen) : null],
    [t('banquet.fields.staff'), banquet.staffName],
    [t('banquet.fields.deceasedName'), banquet.deceasedName || null],
    [
      t('banquet.fields.dateOfDeath'),
      banquet.dateOfDeath ? formatDayWithWeekday(banquet.dateOfDeath, i18n.language) : null,
    ],
    [t('banquet.fields.note'), banquet.note || null],
  ];
  return (
    <Paper withBorder p="md" radius="md" data-testid="banquet-summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="md" align="center">
            <Stack gap={0}>
              <Title order={2} data-testid="banquet-title">
                {dealTitle(banquet)}
              </Title>
              <Text fw={600}>
                {formatDayWithWeekday(banquet.date, i18n.language)} {timeSpan(banquet)}
              </Text>
            </Stack>
            <Badge
              size="lg"
              color={STAGE_COLOR[banquet.stage]}
              tt="none"
              data-testid="banquet-stage"
              data-stage={banquet.stage}
            >
              {t(`banquet.codes.stage.${banquet.stage}`)}
            </Badge>
            {banquet.stage === 'provisional' && banquet.holdExpiresOn && (
              <Text size="sm" c="yellow.9" data-testid="banquet-hold-expiry">
                {t('banquet.deal.holdUntil', { date: formatDayWithWeekday(banquet.holdExpiresOn, i18n.language) })}
              </Text>
            )}
          </Group>
          <Stack gap="xs" align="flex-end">
            <StageActions banquet={banquet} />
            {!closed && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="edit-banquet">
                {t('banquet.deal.edit')}
              </Button>
            )}
          </Stack>
        </Group>
        {isOverdue(banquet, clock.today()) && (
          <Alert color="red" variant="light" data-testid="banquet-overdue-prompt">
            {t('banquet.deal.overduePrompt')}
          </Alert>
        )}
        {banquet.stage === 'lost' && banquet.lostReason && (
          <Alert color="red" variant="light" data-testid="banquet-lost">
            {t('banquet.deal.lostLine', {
              reason: t(`banquet.codes.lostReason.${banquet.lostReason}`),
              competitor: banquet.competitor,
            })}
            {banquet.closingNote ? `　${banquet.closingNote}` : ''}
          </Alert>
        )}
        {banquet.stage === 'cancelled' && (
          <Alert color="gray" variant="light" data-testid="banquet-cancelled">
            {t('banquet.deal.cancelledLine', { note: banquet.closingNote })}
          </Alert>
        )}
        <DataList labelWidth={130}>
          {rows
            .filter(([, value]) => value)
            .map(([label, value, testId]) => (
              <DataList.Item key={label}>
                <DataList.ItemLabel>{label}</DataList.ItemLabel>
                <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
                  {value}
                </DataList.ItemValue>
              </DataList.Item>
            ))}
        </DataList>
        <Group gap="xs">
          <Button
            component="a"
            size="xs"
            variant="default"
            href={routeHref({ name: 'guest', id: banquet.organiserId })}
          >
            {t('banquet.deal.organiserCard')}
          </Button>
          <Button
            component="a"
            size="xs"
            variant="default"
            href={routeHref({ name: 'banquetCalendar', date: banquet.date })}
          >
            {t('banquet.deal.onCalendar')}
          </Button>
        </Group>
      </Stack>
      {editing && <BanquetForm banquet={banquet} version={detail.version} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function StageTimeline({ detail }: { detail: BanquetDetail }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('banquet.deal.timeline')}
      </Title>
      <Timeline active={detail.timeline.length - 1} bulletSize={16} lineWidth={2} data-testid="banquet-timeline">
        {detail.timeline.map((event) => (
          <Timeline.Item
            key={event.id}
            color={STAGE_COLOR[event.stage]}
            title={t(`banquet.codes.stage.${event.stage}`)}
            data-testid="timeline-entry"
            data-stage={event.stage}
          >
            <Text size="xs" c="dimmed">
              {clock.dateTime(event.at)}
              {event.staffName ? `${t('kitchen.common.separator')}${event.staffName}` : ''}
            </Text>
            {event.holdExpiresOn && (
              <Text size="sm">
                {t('banquet.deal.holdUntil', { date: formatDayWithWeekday(event.holdExpiresOn, i18n.language) })}
              </Text>
            )}
            {event.lostReason && (
              <Text size="sm">
                {t('banquet.deal.lostLine', {
                  reason: t(`banquet.codes.lostReason.${event.lostReason}`),
                  competitor: event.competitor,
                })}
              </Text>
            )}
            {event.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

function Overlaps({ detail }: { detail: BanquetDetail }) {
  const { t, i18n } = useTranslation();
  if (detail.overlaps.length === 0) return null;
  return (
    <Alert color="orange" title={t('banquet.deal.overlapsTitle')} data-testid="banquet-overlaps">
      <Stack gap={2}>
        {detail.overlaps.map((clash) => (
          <Anchor
            key={`${clash.banquetId}-${clash.hallName}`}
            href={routeHref({ name: 'banquet', id: clash.banquetId })}
            size="sm"
          >
            {t('banquet.deal.overlapLine', {
              hall: clash.hallName,
              date: formatDayWithWeekday(clash.date, i18n.language),
              time: timeSpan(clash),
              group: clash.groupName || sama(clash.organiserName),
              stage: t(`banquet.codes.stage.${clash.stage}`),
            })}
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}

function AllergyCheck({ detail }: { detail: BanquetDetail }) {
  const { t } = useTranslation();
  const check = detail.allergyCheck;
  const flagged = check.dishes.some((dish) => dish.allergies.length > 0);
  return (
    <Paper withBorder p="md" radius="md" data-testid="banquet-allergy-check">
      <Title order={4} mb="sm">
        {t('banquet.deal.allergyTitle')}
      </Title>
      {!detail.banquet.courseId && (
        <Text size="sm" c="dimmed">
          {t('banquet.deal.noCourse')}
        </Text>
      )}
      {detail.banquet.courseId && check.allergies.length === 0 && check.uncheckedAllergies.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="banquet-no-allergy">
          {t('banquet.deal.noAllergy')}
        </Text>
      )}
      {detail.banquet.courseId && check.allergies.length > 0 && !flagged && (
        <Text size="sm" c="teal.8">
          {t('banquet.deal.courseClear')}
        </Text>
      )}
      {(check.dishes.length > 0 || check.uncheckedAllergies.length > 0) && (
        <DishWarnings
          dishes={[...check.dishes].sort((a, b) => rank(a.worstSeverity) - rank(b.worstSeverity))}
          unchecked={check.uncheckedAllergies}
        />
      )}
    </Paper>
  );
}

/** Anaphylaxis first: the dish that could kill someone is the one the kitchen must see at once. */
const ORDER = ['anaphylaxis', 'allergy', 'intolerance', 'dislike'];
function rank(severity: string | null): number {
  const index = severity ? ORDER.indexOf(severity) : -1;
  return index < 0 ? ORDER.length : index;
}

function FollowUps({ detail }: { detail: BanquetDetail }) {
  const { t, i18n } = useTranslation();
  if (detail.followUps.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="banquet-follow-ups">
      <Title order={4} mb="sm">
        {t('banquet.deal.followUps')}
      </Title>
      <Stack gap={4}>
        {detail.followUps.map((followUp) => (
          <Group key={followUp.id} gap="xs" data-testid="banquet-follow-up">
            <Text size="sm" fw={600}>
              {followUpWhat(followUp, i18n.language)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('banquet.followUps.dueOn', { date: formatDayWithWeekday(followUp.dueDate, i18n.language) })}
            </Text>
            <Badge size="xs" variant="light" color={followUp.status === 'open' ? 'blue' : 'gray'} tt="none">
              {t(`banquet.codes.followUpStatus.${followUp.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function OrganiserBanquets({ detail }: { detail: BanquetDetail }) {
  const { t, i18n } = useTranslation();
  const query = useQuery('banquets.list', { organiserId: detail.banquet.organiserId }, ['banquets']);
  const others = (query.data?.banquets ?? []).filter((other) => other.id !== detail.banquet.id).slice(0, 8);
  return (
    <Paper withBorder p="md" radius="md" data-testid="organiser-banquets">
      <Title order={4} mb="sm">
        {t('banquet.deal.otherBanquets', { name: sama(detail.banquet.organiserName) })}
      </Title>
      {query.data && others.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('banquet.deal.noOtherBanquets')}
        </Text>
      )}
      <Stack gap={4}>
        {others.map((other) => (
          <Group key={other.id} gap="xs" wrap="nowrap">
            <Anchor size="sm" href={routeHref({ name: 'banquet', id: other.id })}>
              {formatDayWithWeekday(other.date, i18n.language)} {dealTitle(other)}
            </Anchor>
            <Badge size="xs" color={STAGE_COLOR[other.stage]} tt="none">
              {t(`banquet.codes.stage.${other.stage}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** A deal: summary and stage actions, its timeline, overlaps, the course's allergy check and follow-ups. */
export function BanquetPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery('banquets.get', { id }, BANQUET_TABLES);
  const detail = query.data;
  if (query.error) {
    return (
      <Stack>
        <Alert color="red" data-testid="banquet-error">
          {query.error.code === 'not_found' ? t('banquet.deal.notFound') : errorMessage(query.error)}
        </Alert>
        <Button variant="default" onClick={() => navigate({ name: 'banquets' })} w="fit-content">
          {t('banquet.deal.backToList')}
        </Button>
      </Stack>
    );
  }
  if (!detail) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="md" data-testid="banquet-page" data-banquet-id={detail.banquet.id}>
      <Summary detail={detail} />
      <Overlaps detail={detail} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <AllergyCheck detail={detail} />
            <FollowUps detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <StageTimeline detail={detail} />
            <OrganiserBanquets detail={detail} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
