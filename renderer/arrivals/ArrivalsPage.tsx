import { Alert, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, isCalendarDate } from '../../shared/text/dates.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { navigate, routeHref } from '../app/route.ts';
import { FLOOR_TABLES } from '../kitchen/display.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { ArrivalCard } from './ArrivalCard.tsx';

function Total({ label, value, testId, alert }: { label: string; value: number; testId: string; alert?: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md" bg={alert ? 'red.6' : undefined}>
      <Text size="xs" c={alert ? 'white' : 'dimmed'}>
        {label}
      </Text>
      <Text fw={800} size="xl" c={alert ? 'white' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** 本日の到着: any day's arriving parties with every alert, and the printed sheets of that day. */
export function ArrivalsPage({ date: routeDate }: { date?: string }) {
  const { t, i18n } = useTranslation();
  const today = useInnClock().today();
  const date = routeDate ?? today;
  const query = useQuery('arrivals.forDate', { date }, FLOOR_TABLES);
  const go = (day: string) => navigate({ name: 'arrivals', date: day });
  const data = query.data;

  return (
    <Stack gap="md" data-testid="arrivals-page" data-date={date}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {date === today ? t('kitchen.arrivals.today') : t('kitchen.arrivals.title')}
          </Text>
          <Title order={2} data-testid="arrivals-date">
            {formatDayWithWeekday(date, i18n.language)}
          </Title>
        </Stack>
        <Group gap="xs" align="flex-end">
          <Button variant="default" onClick={() => go(addDays(date, -1))} data-testid="arrivals-previous">
            {t('kitchen.arrivals.previous')}
          </Button>
          <Button variant="default" onClick={() => go(today)} data-testid="arrivals-today">
            {t('kitchen.arrivals.todayButton')}
          </Button>
          <Button variant="default" onClick={() => go(addDays(date, 1))} data-testid="arrivals-next">
            {t('kitchen.arrivals.next')}
          </Button>
          <TextInput
            type="date"
            aria-label={t('kitchen.arrivals.pickDate')}
            value={date}
            data-testid="arrivals-date-input"
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isCalendarDate(value)) go(value);
            }}
          />
        </Group>
      </Group>

      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={4} spacing="sm" style={{ flex: 1, maxWidth: 560 }}>
          <Total label={t('kitchen.arrivals.parties')} value={data?.totals.parties ?? 0} testId="total-parties" />
          <Total label={t('kitchen.arrivals.adults')} value={data?.totals.adults ?? 0} testId="total-adults" />
          <Total label={t('kitchen.arrivals.children')} value={data?.totals.children ?? 0} testId="total-children" />
          <Total
            label={t('kitchen.arrivals.anaphylaxis')}
            value={data?.totals.anaphylaxis ?? 0}
            testId="total-anaphylaxis"
            alert={(data?.totals.anaphylaxis ?? 0) > 0}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button
            component="a"
            href={routeHref({ name: 'print', sheet: 'briefing', date })}
            data-testid="print-briefing"
            variant="light"
          >
            {t('kitchen.arrivals.briefingSheet')}
          </Button>
          <Button
            component="a"
            href={routeHref({ name: 'print', sheet: 'kitchen', date })}
            data-testid="print-kitchen"
            variant="light"
          >
            {t('kitchen.arrivals.kitchenSheet')}
          </Button>
        </Group>
      </Group>

      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {!data && !query.error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {data && data.arrivals.length === 0 && (
        <Text c="dimmed" data-testid="no-arrivals">
          {t('sheet.noArrivals')}
        </Text>
      )}
      {data?.arrivals.map((arrival) => (
        <ArrivalCard key={arrival.stay.id} arrival={arrival} date={date} />
      ))}
    </Stack>
  );
}
