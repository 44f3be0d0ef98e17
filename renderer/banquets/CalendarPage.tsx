import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Banquet, Hall } from '../../shared/contract/banquets.ts';
import { addDays, isCalendarDate } from '../../shared/text/dates.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { navigate } from '../app/route.ts';
import { formatDayShort, formatDayWithWeekday } from '../service/format.ts';
import { CalendarDay } from './CalendarDay.tsx';
import { BANQUET_TABLES, dealTitle, STAGE_COLOR, timeSpan } from './display.ts';

/** The Monday of the week holding `date` (inns plan the week from Monday). */
export function weekStart(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay(); // 0 Sunday
  return addDays(date, -((weekday + 6) % 7));
}

function DealChip({ banquet }: { banquet: Banquet }) {
  const { t } = useTranslation();
  const color = STAGE_COLOR[banquet.stage];
  return (
    <UnstyledButton
      onClick={() => navigate({ name: 'banquet', id: banquet.id })}
      data-testid="calendar-deal"
      data-banquet-id={banquet.id}
      data-stage={banquet.stage}
      title={t(`banquet.codes.stage.${banquet.stage}`)}
      style={{
        display: 'block',
        width: '100%',
        borderLeft: `4px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-0)`,
        borderRadius: 4,
        padding: '2px 6px',
      }}
    >
      <Text size="xs" c="dimmed">
        {timeSpan(banquet)}
      </Text>
      <Text size="xs" fw={600} lineClamp={2}>
        {dealTitle(banquet)}
      </Text>
    </UnstyledButton>
  );
}

function Week({ halls, banquets, days }: { halls: Hall[]; banquets: Banquet[]; days: string[] }) {
  const { t, i18n } = useTranslation();
  const now = useInnClock().today();
  const cell = (hallId: string, day: string) =>
    banquets.filter((banquet) => banquet.date === day && banquet.hallIds.includes(hallId));
  const unplaced = (day: string) => banquets.filter((banquet) => banquet.date === day && banquet.hallIds.length === 0);
  return (
    <Table withTableBorder withColumnBorders layout="fixed" bg="white" data-testid="calendar-week">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>{t('banquet.calendar.hall')}</Table.Th>
          {days.map((day) => (
            <Table.Th key={day} bg={day === now ? 'indigo.0' : undefined} data-testid="calendar-day" data-date={day}>
              <Text size="xs" fw={700}>
                {formatDayShort(day, i18n.language)}
              </Text>
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {halls.map((hall) => (
          <Table.Tr key={hall.id} data-testid="calendar-hall" data-hall-id={hall.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {hall.name}
              </Text>
            </Table.Td>
            {days.map((day) => (
              <Table.Td key={day} style={{ verticalAlign: 'top' }} p={4}>
                <Stack gap={4}>
                  {cell(hall.id, day).map((banquet) => (
                    <DealChip key={banquet.id} banquet={banquet} />
                  ))}
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
        {banquets.some((banquet) => banquet.hallIds.length === 0) && (
          <Table.Tr>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {t('banquet.calendar.noHallYet')}
              </Text>
            </Table.Td>
            {days.map((day) => (
              <Table.Td key={day} style={{ verticalAlign: 'top' }} p={4}>
                <Stack gap={4}>
                  {unplaced(day).map((banquet) => (
                    <DealChip key={banquet.id} banquet={banquet} />
                  ))}
                </Stack>
              </Table.Td>
            ))}
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function ExpiringHolds({ holds }: { holds: Banquet[] }) {
  const { t, i18n } = useTranslation();
  const now = useInnClock().today();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="expiring-holds">
      <Title order={5} mb="xs">
        {t('banquet.calendar.expiringTitle')}
      </Title>
      {holds.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('banquet.calendar.noExpiring')}
        </Text>
      )}
      <Stack gap={6}>
        {holds.map((hold) => {
          const lapsed = (hold.holdExpiresOn ?? '') < now;
          return (
            <UnstyledButton
              key={hold.id}
              onClick={() => navigate({ name: 'banquet', id: hold.id })}
              data-testid="expiring-hold"
              data-banquet-id={hold.id}
            >
              <Group gap={6} wrap="nowrap">
                <Badge size="sm" color={lapsed ? 'red' : 'yellow'} tt="none">
                  {lapsed ? t('banquet.calendar.lapsed') : t('banquet.calendar.expiring')}
                </Badge>
                <Text size="sm" fw={600} lineClamp={1}>
                  {dealTitle(hold)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t('banquet.calendar.holdLine', {
                  date: formatDayWithWeekday(hold.date, i18n.language),
                  expiry: formatDayWithWeekday(hold.holdExpiresOn ?? '', i18n.language),
                })}
              </Text>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Paper>
  );
}

/**
 * 会場カレンダー: halls × the seven days of a week, each deal with its time, group and stage colour; or one day,
 * each hall with its parties in time order.
 */
export function CalendarPage({ date }: { date?: string }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const [view, setView] = useState<'week' | 'day'>('week');
  const day = date ?? clock.today();
  const from = view === 'week' ? weekStart(day) : day;
  const to = view === 'week' ? addDays(from, 6) : day;
  const step = view === 'week' ? 7 : 1;
  const days = Array.from({ length: 7 }, (_, index) => addDays(from, index));
  const query = useQuery('banquets.calendar', { from, to }, BANQUET_TABLES);
  const go = (day: string) => navigate({ name: 'banquetCalendar', date: day });
  return (
    <Stack gap="md" data-testid="calendar-page" data-from={from}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('banquet.calendar.title')}
          </Text>
          <Title order={2} data-testid="calendar-range">
            {view === 'week'
              ? t('banquet.calendar.range', {
                  from: formatDayWithWeekday(from, i18n.language),
                  to: formatDayWithWeekday(to, i18n.language),
                })
              : formatDayWithWeekday(day, i18n.language)}
          </Title>
        </Stack>
        <Group gap="xs" align="flex-end">
          <SegmentedControl
            value={view}
            onChange={(value) => setView(value as 'week' | 'day')}
            data={[
              { value: 'week', label: t('banquet.calendar.weekView') },
              { value: 'day', label: t('banquet.calendar.dayView') },
            ]}
            data-testid="calendar-view"
          />
          <Button variant="default" onClick={() => go(addDays(day, -step))} data-testid="calendar-previous">
            {view === 'week' ? t('banquet.calendar.previous') : t('banquet.calendar.previousDay')}
          </Button>
          <Button variant="default" onClick={() => go(clock.today())} data-testid="calendar-today">
            {view === 'week' ? t('banquet.calendar.thisWeek') : t('banquet.calendar.today')}
          </Button>
          <Button variant="default" onClick={() => go(addDays(day, step))} data-testid="calendar-next">
            {view === 'week' ? t('banquet.calendar.next') : t('banquet.calendar.nextDay')}
          </Button>
          <TextInput
            type="date"
            aria-label={t('banquet.calendar.pickDate')}
            value={date ?? clock.today()}
            data-testid="calendar-date-input"
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isCalendarDate(value)) go(value);
            }}
          />
        </Group>
      </Group>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {query.data && query.data.halls.length === 0 && (
            <Text c="dimmed" data-testid="calendar-no-halls">
              {t('banquet.calendar.noHalls')}
            </Text>
          )}
          {query.data && query.data.halls.length > 0 && view === 'week' && (
            <Week halls={query.data.halls} banquets={query.data.banquets} days={days} />
          )}
          {query.data && query.data.halls.length > 0 && view === 'day' && (
            <CalendarDay halls={query.data.halls} banquets={query.data.banquets} day={day} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <ExpiringHolds holds={query.data?.expiringHolds ?? []} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
