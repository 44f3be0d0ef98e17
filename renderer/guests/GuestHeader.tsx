import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { DiscloseButton } from '../guest-rights/DiscloseButton.tsx';
import { GuestRankLine } from '../ranks/GuestRankLine.tsx';
import { useMayCall } from '../staff/permissions.ts';
import { EraseGuest } from './EraseGuest.tsx';
import { useGuestForm } from './form-context.tsx';
import { fullName, fullReading } from './names.ts';

/** Name, reading and romaji, with edit and delete (delete asks first, and can be undone with Restore). */
export function GuestHeader({ card, onChanged }: { card: GuestCard; onChanged(): void }) {
  const { t } = useTranslation();
  const form = useGuestForm();
  const may = useMayCall();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const deleted = card.deletedAt !== null;
  const name = fullName(card);

  const remove = async () => {
    setBusy(true);
    const result = await attempt(() => call('guests.delete', { id: card.id }));
    setBusy(false);
    setConfirming(false);
    if (result) {
      notifySuccess(t('guest.deletedNotice', { name }));
      onChanged();
    }
  };

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={2}>
        <Text size="sm" c="dimmed" data-testid="guest-reading">
          {fullReading(card)}
        </Text>
        <Title order={2} data-testid="guest-name" td={deleted ? 'line-through' : undefined}>
          {name}
        </Title>
        <Text size="sm" c="dimmed" data-testid="guest-romaji">
          {card.romaji}
        </Text>
        {!deleted && <GuestRankLine guestId={card.id} />}
      </Stack>
      {/* A deleted card can still be disclosed to its guest, or erased at their request (削除 only hides it). */}
      {deleted && (
        <Group gap="xs">
          {may('guests.disclose') && <DiscloseButton card={card} />}
          {may('guests.erase') && <EraseGuest card={card} onErased={onChanged} />}
        </Group>
      )}
      {!deleted && (
        <Group gap="xs">
          {may('guests.disclose') && <DiscloseButton card={card} />}
          {may('guests.update') && (
            <Button data-testid="edit-guest" variant="light" onClick={() => form.openEdit(card)}>
              {t('guest.edit')}
            </Button>
          )}
          {may('guests.delete') && (
            <Button data-testid="delete-guest" variant="subtle" color="red" onClick={() => setConfirming(true)}>
              {t('guest.delete')}
            </Button>
          )}
          {may('guests.erase') && <EraseGuest card={card} onErased={onChanged} />}
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('guest.confirmDeleteTitle')} centered>
        <Stack>
          <Text>{t('guest.confirmDeleteBody', { name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" data-testid="confirm-delete" loading={busy} onClick={remove}>
              {t('guest.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
