import { AppShell, Button, Center, Container, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccessLogPage } from '../access/AccessLogPage.tsx';
import { ArrivalsPage } from '../arrivals/ArrivalsPage.tsx';
import { BackupBanner } from '../backups/BackupBanner.tsx';
import { BanquetScreens } from '../banquets/BanquetScreens.tsx';
import { ConflictsBadge } from '../conflicts/ConflictsBadge.tsx';
import { ConflictsPage } from '../conflicts/ConflictsPage.tsx';
import { DuplicatesPage } from '../duplicates/DuplicatesPage.tsx';
import { RegisterPage } from '../guest-rights/RegisterPage.tsx';
import { RetentionPage } from '../guest-rights/RetentionPage.tsx';
import { DeletedGuests } from '../guests/DeletedGuests.tsx';
import { useGuestForm } from '../guests/form-context.tsx';
import { GuestCard } from '../guests/GuestCard.tsx';
import { SearchBox } from '../guests/SearchBox.tsx';
import { SearchPage } from '../guests/SearchPage.tsx';
import { useSearchFocus } from '../guests/search-context.tsx';
import { ImportsPage } from '../imports/ImportsPage.tsx';
import { CataloguePage } from '../kitchen/CataloguePage.tsx';
import { ManagerPage } from '../manager/ManagerPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { PrintPage } from '../sheets/PrintPage.tsx';
import { FirstRun } from '../staff/FirstRun.tsx';
import { IdleLock, LockButton } from '../staff/IdleLock.tsx';
import { LockScreen } from '../staff/LockScreen.tsx';
import { useLock } from '../staff/lock-context.tsx';
import { useMayCall } from '../staff/permissions.ts';
import { StaffSwitcher } from '../staff/StaffSwitcher.tsx';
import { useStaff } from '../staff/staff-context.tsx';
import { StayPage } from '../stays/StayPage.tsx';
import { SyncIndicator } from '../sync/SyncIndicator.tsx';
import { SyncPage } from '../sync/SyncPage.tsx';
import { HeaderMenu } from './HeaderMenu.tsx';
import { IMPORT_JOB_KINDS, JobsBar } from './JobsBar.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { errorMessage } from './notify.ts';
import { navigate, useRoute } from './route.ts';
import { useSearchShortcut } from './shortcuts.ts';

function Header() {
  const { t } = useTranslation();
  const form = useGuestForm();
  const may = useMayCall();
  // Before the first staff member is made (the welcome screen) there is nobody to record anything as: the
  // desk's buttons would open forms that can only be refused.
  const staff = useStaff();
  const ready = staff.data !== undefined && !staff.data.firstRun;
  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap">
      <UnstyledButton onClick={() => navigate({ name: 'search' })} title={t('header.home')} data-testid="home">
        <Text fw={800} size="xl" style={{ whiteSpace: 'nowrap', letterSpacing: '0.02em' }}>
          {t('app.name')}
        </Text>
      </UnstyledButton>
      <Group style={{ flex: 1 }} justify="center" wrap="nowrap">
        <SearchBox />
      </Group>
      {/* What the person's roles do not allow is not offered (the core refuses it anyway). */}
      {ready && may('arrivals.forDate') && (
        <Button variant="default" onClick={() => navigate({ name: 'arrivals' })} data-testid="header-arrivals">
          {t('header.arrivals')}
        </Button>
      )}
      {ready && may('banquets.list') && (
        <Button variant="default" onClick={() => navigate({ name: 'banquets' })} data-testid="header-banquets">
          {t('banquet.nav.header')}
        </Button>
      )}
      {ready && may('guests.create') && (
        <Button variant="light" onClick={() => form.openNew()} data-testid="header-new-guest">
          + {t('header.newGuest')}
        </Button>
      )}
      {may('sync.status') && <SyncIndicator />}
      {may('conflicts.list') && <ConflictsBadge />}
      <StaffSwitcher />
      <LockButton />
      <LanguageSwitch />
      <HeaderMenu />
    </Group>
  );
}

function Main() {
  const route = useRoute();
  const staff = useStaff();
  if (staff.error) {
    return (
      <Text c="red" data-testid="load-error">
        {errorMessage(staff.error)}
      </Text>
    );
  }
  if (!staff.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (staff.data.firstRun) return <FirstRun />;
  switch (route.name) {
    case 'guest':
      return <GuestCard key={route.id} id={route.id} />;
    case 'deleted':
      return <DeletedGuests />;
    case 'arrivals':
      return <ArrivalsPage key={route.date ?? 'today'} date={route.date} />;
    case 'stay':
      return <StayPage key={route.id} id={route.id} />;
    case 'catalogue':
      return <CataloguePage />;
    case 'settings':
      return <SettingsPage />;
    case 'conflicts':
      return <ConflictsPage />;
    case 'imports':
      return <ImportsPage />;
    case 'duplicates':
      return <DuplicatesPage />;
    case 'accessLog':
      return <AccessLogPage />;
    case 'register':
      return <RegisterPage />;
    case 'retention':
      return <RetentionPage />;
    case 'manager':
      return <ManagerPage />;
    case 'sync':
      return <SyncPage />;
    case 'banquets':
    case 'banquet':
    case 'banquetCalendar':
    case 'banquetFollowUps':
    case 'banquetReports':
    case 'banquetHalls':
      return <BanquetScreens route={route} />;
    default:
      return <SearchPage />;
  }
}

/** The frame: header with the search, who is working, language and menu; the current screen below. */
export function Shell() {
  useSearchShortcut(useSearchFocus());
  const route = useRoute();
  const lock = useLock();
  // A printed sheet is the page itself: no header, A4 layout (print CSS in the sheet's own styles).
  if (route.name === 'print') return <PrintPage sheet={route.sheet} date={route.date} stayId={route.stayId} />;
  // Locked: nothing of the register shows until someone is chosen (with their PIN when PINs are required).
  if (lock.locked) return <LockScreen />;
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Container size="lg" px={0}>
          <BackupBanner />
          {/* The import screen shows its own jobs' progress where the person is looking. */}
          <JobsBar hiddenKinds={route.name === 'imports' ? IMPORT_JOB_KINDS : undefined} />
          <Main />
        </Container>
        <IdleLock />
      </AppShell.Main>
    </AppShell>
  );
}
