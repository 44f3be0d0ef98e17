import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Banquet, Hall } from '../../shared/contract/banquets.ts';
import { navigate } from '../app/route.ts';
import { dealTitle, STAGE_COLOR, sama, timeSpan } from './display.ts';

// One day of the hall calendar: each hall with its parties in time order, and what the banquet staff set up
// for (layout, headcount, organiser). The week view says which days are busy; this says what each room holds.

function DayDeal({ banquet }: { banquet: Banquet }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={() => navigate({ name: 'banquet', id: banquet.id })}
      data-testid="calendar-day-deal"
      data-banquet-id={banquet.id}
      style={{ borderLeft: `4px solid var(--mantine-color-${STAGE_COLOR[banquet.stage]}-6)`, paddingLeft: 8 }}
    >
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={700} w={110} style={{ flexShrink: 0 }}>
          {timeSpan(banquet)}
        </Text>
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {dealTitle(banquet)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('banquet.calendar.dayLine', {
              organiser: sama(banquet.organiserName),
              count: banquet.headcount,
              layout: t(`banquet.codes.layout.${banquet.layout}`),
              type: t(`banquet.codes.type.${banquet.type}`),
            })}
          </Text>
        </Stack>
        <Badge color={STAGE_COLOR[banquet.stage]} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`banquet.codes.stage.${banquet.stage}`)}
        </Badge>
      </Group>
    </UnstyledButton>
  );
}

export function CalendarDay({ halls, banquets, day }: { halls: Hall[]; banquets: Banquet[]; day: string }) {
  const { t } = useTranslation();
  const ofDay = banquets.filter((banquet) => banquet.date === day);
  const rows = [
    ...halls.map((hall) => ({
      key: hall.id,
      name: hall.name,
      deals: ofDay.filter((banquet) => banquet.hallIds.includes(hall.id)),
    })),
    { key: 'none', name: t('banquet.calendar.noHallYet'), deals: ofDay.filter((b) => b.hallIds.length === 0) },
  ].filter((row) => row.key !== 'none' || row.deals.length > 0);
  return (
    <Stack gap="xs" data-testid="calendar-day-view" data-date={day}>
      {rows.map((row) => (
        <Paper key={row.key} withBorder p="sm" data-testid="calendar-day-hall">
          <Group align="flex-start" wrap="nowrap">
            <Text fw={700} w={90} style={{ flexShrink: 0 }}>
              {row.name}
            </Text>
            <Stack gap={6} style={{ flex: 1 }}>
              {row.deals.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('banquet.calendar.free')}
                </Text>
              ) : (
                row.deals.map((banquet) => <DayDeal key={banquet.id} banquet={banquet} />)
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
