import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Allergy } from '../../shared/contract/allergies.ts';
import type { Query } from '../api/hooks.ts';
import { allergenName, formatStayDates, SEVERITY_COLOR } from './format.ts';
import { QuickRecord } from './QuickRecord.tsx';
import type { GuestServiceData } from './use-guest-service.ts';

function Traces({ allergy }: { allergy: Allergy }) {
  const { t } = useTranslation();
  return <>{allergy.tracesOk ? t('service.allergies.tracesOk') : t('service.allergies.tracesNotOk')}</>;
}

/** An anaphylaxis: a red filled alert with the allergen and the word, shown before anything else. */
function AnaphylaxisAlert({ allergy }: { allergy: Allergy }) {
  const { t, i18n } = useTranslation();
  const name = allergenName(allergy, i18n.language);
  return (
    <Alert
      color="red"
      variant="filled"
      data-testid="alert-allergy"
      data-severity="anaphylaxis"
      title={t('service.alerts.anaphylaxis', { name })}
      role="alert"
    >
      <Group gap="xs">
        <Text size="sm" fw={600}>
          <Traces allergy={allergy} />
        </Text>
        {allergy.note && <Text size="sm">{allergy.note}</Text>}
        {allergy.reconfirmDue && (
          <Badge
            color="white"
            c="red"
            variant="filled"
            data-testid="alert-reconfirm"
            title={t('service.alerts.reconfirmHint')}
          >
            {t('service.alerts.reconfirm')}
          </Badge>
        )}
      </Group>
    </Alert>
  );
}

function AllergyBadge({ allergy }: { allergy: Allergy }) {
  const { t, i18n } = useTranslation();
  const severity = t(`codes.severity.${allergy.severity}`);
  return (
    <Badge
      size="lg"
      tt="none"
      color={SEVERITY_COLOR[allergy.severity]}
      variant={allergy.severity === 'dislike' ? 'light' : 'filled'}
      data-testid="alert-allergy"
      data-severity={allergy.severity}
      title={allergy.note || undefined}
      rightSection={
        allergy.reconfirmDue ? (
          <Text span size="xs" fw={700} data-testid="alert-reconfirm" title={t('service.alerts.reconfirmHint')}>
            {t('service.alerts.reconfirm')}
          </Text>
        ) : undefined
      }
    >
      {t('service.alerts.allergy', { name: allergenName(allergy, i18n.language), severity })}
      {allergy.severity !== 'dislike' && (
        <Text span size="xs" ml={6}>
          <Traces allergy={allergy} />
        </Text>
      )}
    </Badge>
  );
}

/**
 * Always visible under the card's header: current allergies, most severe first (an anaphylaxis as a red
 * alert), re-confirmations due, open requests (a click opens them: `onShowRequests`), and the stay the guest
 * is on or about to start; beside them 「+ アレルギー」「+ 要望」 to record one from whatever tab is open.
 */
export function GuestServiceAlerts({
  service,
  guestId,
  deleted,
  onShowRequests,
}: {
  /** The card's service side, asked once by the card (GuestCard.tsx) and shared with its service tab. */
  service: Query<GuestServiceData>;
  guestId: string;
  deleted: boolean;
  onShowRequests(): void;
}) {
  const { data } = service;
  if (!data) return null; // the tab shows a failure; the header area stays calm
  const quick = deleted ? null : <QuickRecord guestId={guestId} stayId={data.currentStayId} />;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <Alerts data={data} onShowRequests={onShowRequests} />
      {quick}
    </Group>
  );
}

function Alerts({ data, onShowRequests }: { data: GuestServiceData; onShowRequests(): void }) {
  const { t, i18n } = useTranslation();
  const anaphylaxis = data.allergies.filter((a) => a.severity === 'anaphylaxis');
  const others = data.allergies.filter((a) => a.severity !== 'anaphylaxis');
  const openRequests = data.requests.filter((r) => r.status === 'open').length;
  const currentStay = data.stays.find((stay) => stay.id === data.currentStayId);
  if (data.allergies.length === 0 && openRequests === 0 && !currentStay) return <div />;

  return (
    <Stack gap="xs" data-testid="service-alerts" aria-label={t('service.alerts.label')} style={{ flex: 1 }}>
      {anaphylaxis.map((allergy) => (
        <AnaphylaxisAlert key={allergy.id} allergy={allergy} />
      ))}
      {(others.length > 0 || openRequests > 0 || currentStay) && (
        <Group gap="xs">
          {others.map((allergy) => (
            <AllergyBadge key={allergy.id} allergy={allergy} />
          ))}
          {openRequests > 0 && (
            <Badge
              component="button"
              type="button"
              size="lg"
              tt="none"
              color="blue"
              variant="light"
              style={{ cursor: 'pointer' }}
              title={t('service.alerts.showRequests')}
              data-testid="alert-requests"
              onClick={onShowRequests}
            >
              {t('service.alerts.openRequests', { count: openRequests })}
            </Badge>
          )}
          {currentStay && (
            <Badge size="lg" tt="none" color="teal" variant="light" data-testid="alert-current-stay">
              {t('service.alerts.currentStay', {
                status: t(`codes.stayStatus.${currentStay.status}`),
                dates: formatStayDates(currentStay, i18n.language),
              })}
              {currentStay.rooms.length > 0 && ` ${t('service.alerts.rooms', { rooms: currentStay.rooms.join('・') })}`}
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}
