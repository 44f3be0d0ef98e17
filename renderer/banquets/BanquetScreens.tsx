import { Group, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate, type Route } from '../app/route.ts';
import { BanquetPage } from './BanquetPage.tsx';
import { CalendarPage } from './CalendarPage.tsx';
import { FollowUpsPage } from './FollowUpsPage.tsx';
import { HallsPage } from './HallsPage.tsx';
import { PipelinePage } from './PipelinePage.tsx';
import { ReportsPage } from './ReportsPage.tsx';

export type BanquetRoute = Extract<
  Route,
  { name: 'banquets' | 'banquet' | 'banquetCalendar' | 'banquetFollowUps' | 'banquetReports' | 'banquetHalls' }
>;

const TABS = ['banquets', 'banquetCalendar', 'banquetFollowUps', 'banquetReports', 'banquetHalls'] as const;
type Tab = (typeof TABS)[number];

const TAB_KEY: Record<Tab, string> = {
  banquets: 'pipeline',
  banquetCalendar: 'calendar',
  banquetFollowUps: 'followUps',
  banquetReports: 'reports',
  banquetHalls: 'halls',
};

/** The banquet sales screens under one bar: pipeline, hall calendar, follow-up calls, reports and halls. */
export function BanquetScreens({ route }: { route: BanquetRoute }) {
  const { t } = useTranslation();
  // A deal belongs to the pipeline.
  const current: Tab = route.name === 'banquet' ? 'banquets' : route.name;
  return (
    <Stack gap="md" data-testid="banquet-screens">
      <Group>
        <SegmentedControl
          data-testid="banquet-nav"
          value={current}
          onChange={(value) => navigate({ name: value as Tab })}
          data={TABS.map((tab) => ({
            value: tab,
            label: <span data-testid={`banquet-nav-${TAB_KEY[tab]}`}>{t(`banquet.nav.${TAB_KEY[tab]}`)}</span>,
          }))}
        />
      </Group>
      <Screen route={route} />
    </Stack>
  );
}

function Screen({ route }: { route: BanquetRoute }) {
  switch (route.name) {
    case 'banquet':
      return <BanquetPage key={route.id} id={route.id} />;
    case 'banquetCalendar':
      // Not keyed by the date: stepping a day or a week keeps the view (週 or 日) staff chose.
      return <CalendarPage date={route.date} />;
    case 'banquetFollowUps':
      return <FollowUpsPage />;
    case 'banquetReports':
      return <ReportsPage />;
    case 'banquetHalls':
      return <HallsPage />;
    default:
      return <PipelinePage />;
  }
}
