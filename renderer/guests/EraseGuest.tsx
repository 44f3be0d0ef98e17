import { Alert, Button, Group, List, Loader, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { DiscloseButton } from '../guest-rights/DiscloseButton.tsx';
import { formatDay } from '../i18n/format.ts';
import { useMayCall } from '../staff/permissions.ts';

/**
 * 「消去（本人の求め）」: erasure on the guest's request (guests.erase). The confirmation says plainly what is
 * erased, what is kept (counts and amounts; the 宿泊者名簿 fields until the day the law allows), which backups
 * still hold the guest, and that it cannot be undone; a reason is asked for the record.
 * For managers and the owner (the core checks roles once roles are in).
 */
export function EraseGuest({ card, onErased }: { card: GuestCard; onErased(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="erase-guest" variant="subtle" color="red" onClick={() => setOpen(true)}>
        {t('erasure.button')}
      </Button>
      {open && (
        <EraseDialog
          card={card}
          onClose={() => setOpen(false)}
          onErased={() => {
            setOpen(false);
            onErased();
          }}
        />
      )}
    </>
  );
}

function EraseDialog({ card, onClose, onErased }: { card: GuestCard; onClose(): void; onErased(): void }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const plan = useQuery('guests.erasurePlan', { id: card.id }, ['stays', 'erasures']);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const day = (value: string) => formatDay(value, i18n.language);

  const erase = async () => {
    setBusy(true);
    const result = await attempt(() => call('guests.erase', { id: card.id, reason, version: card.version }));
    setBusy(false);
    if (result) {
      notifySuccess(t('erasure.done'));
      onErased();
    }
  };

  const data = plan.data;
  return (
    <Modal opened onClose={onClose} title={t('erasure.title')} centered size="lg">
      {plan.error ? (
        <Alert color="red" data-testid="erasure-plan-error">
          {errorMessage(plan.error)}
        </Alert>
      ) : !data ? (
        <Stack align="center">
          <Loader aria-label={t('erasure.loading')} />
        </Stack>
      ) : (
        <Stack data-testid="erasure-confirm">
          <Stack gap={4}>
            <Title order={5}>{t('erasure.erased')}</Title>
            <Text size="sm">{t('erasure.erasedList')}</Text>
          </Stack>
          <Stack gap={4}>
            <Title order={5}>{t('erasure.kept')}</Title>
            <Text size="sm">{t('erasure.keptList', { id: card.id })}</Text>
            {data.holdUntil && data.lastStay ? (
              <Alert color="yellow" title={t('erasure.holdTitle')} data-testid="erasure-hold">
                {t('erasure.holdBody', { date: day(data.lastStay), until: day(data.holdUntil) })}
              </Alert>
            ) : (
              <Text size="sm" data-testid="erasure-no-hold">
                {t('erasure.noHold')}
              </Text>
            )}
            {data.mergedCards > 0 && <Text size="sm">{t('erasure.mergedCards', { count: data.mergedCards })}</Text>}
          </Stack>
          <Stack gap={4} data-testid="erasure-backups">
            <Title order={5}>{t('erasure.backupsTitle')}</Title>
            {data.backupsBefore.length === 0 ? (
              <Text size="sm">{t('erasure.backupsNone')}</Text>
            ) : (
              <>
                <Text size="sm">{t('erasure.backups', { count: data.backupsBefore.length })}</Text>
                <List size="sm">
                  {data.backupsBefore.map((backup) => (
                    <List.Item key={backup.name}>
                      {backup.name}
                      {backup.takenAt ? `（${clock.dateTime(backup.takenAt)}）` : ''}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
          <Text fw={700} c="red">
            {t('erasure.irreversible')}
          </Text>
          <Textarea
            data-testid="erasure-reason"
            label={t('erasure.reason')}
            placeholder={t('erasure.reasonPlaceholder')}
            value={reason}
            maxLength={200}
            autosize
            minRows={2}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Stack align="flex-end">
            <Button.Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                data-testid="confirm-erase"
                loading={busy}
                disabled={reason.trim() === ''}
                onClick={erase}
              >
                {t('erasure.confirm')}
              </Button>
            </Button.Group>
          </Stack>
        </Stack>
      )}
    </Modal>
  );
}

/** The card of an erased guest: no personal data left to show, only the anonymous id and what is kept. */
export function ErasedCard({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const may = useMayCall();
  const erasure = card.erasure;
  if (!erasure) return null;
  return (
    <Stack gap="md" data-testid="guest-card" data-guest-id={card.id} data-erased="true">
      <Stack gap={2}>
        <Title order={2} data-testid="guest-name">
          {t('erasure.erasedTitle')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="erased-id">
          {t('erasure.erasedId', { id: card.id })}
        </Text>
      </Stack>
      <Alert
        color="gray"
        data-testid="erased-banner"
        title={t('erasure.erasedAt', { when: clock.dateTime(erasure.at) })}
      >
        <Stack gap={4}>
          <Text size="sm">{t('erasure.erasedKept')}</Text>
          {erasure.released ? (
            <Text size="sm">{t('erasure.erasedReleased')}</Text>
          ) : (
            erasure.holdUntil && (
              <Text size="sm">{t('erasure.erasedHold', { until: formatDay(erasure.holdUntil, i18n.language) })}</Text>
            )
          )}
        </Stack>
      </Alert>
      {/* The guest may still ask what is kept (the register fields during the hold): APPI 第33条. */}
      {may('guests.disclose') && (
        <Group>
          <DiscloseButton card={card} />
        </Group>
      )}
    </Stack>
  );
}
