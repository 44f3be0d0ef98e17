import { Alert, Center, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/hooks.ts';
import { errorMessage } from '../app/notify.ts';
import { AllergiesPanel } from './AllergiesPanel.tsx';
import { DishHistory } from './DishHistory.tsx';
import { formatDayWithWeekday, formatYen } from './format.ts';
import { RequestsPanel } from './RequestsPanel.tsx';
import { StaysPanel } from './StaysPanel.tsx';
import type { GuestServiceData } from './use-guest-service.ts';

/** 来館N回 / 初回 / 前回 / 累計 ¥ in one line. */
function VisitsSummary({ visits }: { visits: GuestServiceData['visits'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" px="md" py="xs" data-testid="visits-summary">
      {visits.count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('service.visits.none')}
        </Text>
      ) : (
        <Group gap="lg">
          <Text fw={700} data-testid="visit-count">
            {t('service.visits.count', { count: visits.count })}
          </Text>
          {visits.firstVisit && (
            <Text size="sm">
              {t('service.visits.first', { date: formatDayWithWeekday(visits.firstVisit, i18n.language) })}
            </Text>
          )}
          {visits.lastVisit && (
            <Text size="sm">
              {t('service.visits.last', { date: formatDayWithWeekday(visits.lastVisit, i18n.language) })}
            </Text>
          )}
          <Text size="sm" data-testid="visit-total">
            {t('service.visits.total', { amount: formatYen(visits.totalSpendYen) })}
          </Text>
        </Group>
      )}
    </Paper>
  );
}

/** The guest card's 宿泊・食事 tab: visits, allergies, requests, stays, and what was served. */
export function GuestServiceTab({
  service,
  guestId,
  deleted,
  showRequests = 0,
}: {
  /** The card's service side, asked once by the card (GuestCard.tsx) and shared with its alerts. */
  service: Query<GuestServiceData>;
  guestId: string;
  deleted: boolean;
  /** Changes when the requests are asked for (the card's chip): they are scrolled to and focused. */
  showRequests?: number;
}) {
  const { t } = useTranslation();
  const query = service;
  const data = query.data;

  if (query.error) {
    return (
      <Alert color="red" title={t('service.loadError')} data-testid="service-error">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  if (!data) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  }

  return (
    <Stack gap="md" data-testid="service-panel">
      <VisitsSummary visits={data.visits} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <AllergiesPanel guestId={guestId} deleted={deleted} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <RequestsPanel
            guestId={guestId}
            requests={data.requests}
            currentStayId={data.currentStayId}
            deleted={deleted}
            show={showRequests}
          />
        </Grid.Col>
      </Grid>
      <StaysPanel guestId={guestId} stays={data.stays} deleted={deleted} />
      <DishHistory lastServed={data.lastServed} dishHistory={data.dishHistory} />
    </Stack>
  );
}
