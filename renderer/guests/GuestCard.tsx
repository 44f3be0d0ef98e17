import { Alert, Button, Center, Grid, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard as Card } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { navigate } from '../app/route.ts';
import { GuestServiceAlerts } from '../service/GuestServiceAlerts.tsx';
import { GuestServiceTab } from '../service/GuestServiceTab.tsx';
import { useGuestService } from '../service/use-guest-service.ts';
import { Companions } from './Companions.tsx';
import { ErasedCard } from './EraseGuest.tsx';
import { GuestHeader } from './GuestHeader.tsx';
import { GuestHistory } from './GuestHistory.tsx';
import { GuestProfile } from './GuestProfile.tsx';
import { fullName } from './names.ts';

const TABLES = ['guests', 'guest_links', 'staff', 'erasures'] as const;

/** A card merged into another (名寄せ): it comes back by undoing the merge, not by a restore. */
function MergedBanner({ card, into }: { card: Card; into: NonNullable<Card['mergedInto']> }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  return (
    <Alert
      color="gray"
      variant="light"
      data-testid="merged-banner"
      title={t('guest.mergedBanner', { name: fullName(into), when: clock.dateTime(card.deletedAt ?? '') })}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('guest.mergedBannerHint')}</Text>
        <Group>
          <Button
            variant="light"
            data-testid="open-kept-guest"
            onClick={() => navigate({ name: 'guest', id: into.id })}
          >
            {t('guest.openKept', { name: fullName(into) })}
          </Button>
          <Button variant="subtle" data-testid="open-duplicates" onClick={() => navigate({ name: 'duplicates' })}>
            {t('duplicates.nav')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function DeletedBanner({ card, onRestored }: { card: Card; onRestored(): void }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const [busy, setBusy] = useState(false);
  const restore = async () => {
    setBusy(true);
    const restored = await attempt(() => call('guests.restore', { id: card.id }));
    setBusy(false);
    if (restored) {
      notifySuccess(t('guest.restoredNotice', { name: fullName(restored) }));
      onRestored();
    }
  };
  if (card.mergedInto) return <MergedBanner card={card} into={card.mergedInto} />;
  return (
    <Alert
      color="red"
      variant="filled"
      data-testid="deleted-banner"
      title={t('guest.deletedBanner', { when: clock.dateTime(card.deletedAt ?? '') })}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('guest.deletedBannerHint')}</Text>
        <Button color="red" variant="white" data-testid="restore-guest" loading={busy} onClick={restore}>
          {t('guest.restore')}
        </Button>
      </Stack>
    </Alert>
  );
}

/**
 * The guest card: header, then the alerts region (today: the deleted banner; allergies and open requests
 * belong here too), then the main column in tabs.
 */
export function GuestCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('profile');
  // Set by the 「未対応の要望」 chip: the service tab opens with its requests scrolled to and focused.
  const [showRequests, setShowRequests] = useState(0);
  const query = useQuery('guests.get', { id }, TABLES);
  // Asked together with the profile, not once it has come: the alerts above the tabs need it on every card, and
  // the core answers the two in one turn instead of two. The service tab shows the same answer.
  const service = useGuestService(id);
  const card = query.data;

  if (query.error) {
    return (
      <Alert color="red" data-testid="guest-card-error">
        {query.error.code === 'not_found' ? t('guest.notFound') : errorMessage(query.error)}
      </Alert>
    );
  }
  if (!card) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }

  if (card.erasure) return <ErasedCard card={card} />;
  const deleted = card.deletedAt !== null;
  return (
    <Stack gap="md" data-testid="guest-card" data-guest-id={card.id} data-deleted={deleted}>
      <GuestHeader card={card} onChanged={query.refetch} />
      {deleted && (
        <Stack gap="xs" data-testid="guest-alerts">
          <DeletedBanner card={card} onRestored={query.refetch} />
        </Stack>
      )}
      <GuestServiceAlerts
        service={service}
        guestId={card.id}
        deleted={deleted}
        onShowRequests={() => {
          setTab('service');
          setShowRequests((n) => n + 1);
        }}
      />
      <Tabs
        value={tab}
        onChange={(next) => {
          setTab(next);
          setShowRequests(0);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="profile" data-testid="profile-tab">
            {t('guest.tabs.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="service" data-testid="service-tab">
            {t('guest.tabs.service')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="history-tab">
            {t('guest.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <GuestProfile card={card} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Companions card={card} onChanged={query.refetch} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="service" pt="md">
          <GuestServiceTab service={service} guestId={card.id} deleted={deleted} showRequests={showRequests} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <GuestHistory card={card} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
