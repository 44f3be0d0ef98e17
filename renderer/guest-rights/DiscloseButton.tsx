import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { downloadFile } from '../api/files.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { fullName } from '../guests/names.ts';

type Format = 'pdf' | 'json';

/**
 * 「開示」 on the guest card: a guest asked what the inn holds about them (APPI). The core makes the file
 * (guests.disclose, which the access log records) and the screen saves it: the PDF to hand over on paper, the
 * JSON when the data itself is asked for. For owners and managers: the core refuses others once roles are in.
 */
export function DiscloseButton({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Format | null>(null);
  const name = fullName(card);

  const save = async (format: Format) => {
    setBusy(format);
    const language = i18n.language === 'en' ? 'en' : 'ja';
    const answer = await attempt(async () => {
      const made = await call('guests.disclose', { id: card.id, format, language });
      await downloadFile(made.file);
      return made;
    });
    setBusy(null);
    if (answer) notifySuccess(t('guestRights.disclose.savedNotice', { name: answer.name }));
  };

  return (
    <>
      <Button data-testid="disclose-guest" variant="subtle" onClick={() => setOpen(true)}>
        {t('guestRights.disclose.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('guestRights.disclose.title')} centered>
        <Stack>
          <Text size="sm">
            {card.erasure ? t('guestRights.disclose.bodyErased') : t('guestRights.disclose.body', { name })}
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              data-testid="disclose-json"
              loading={busy === 'json'}
              disabled={busy !== null}
              onClick={() => void save('json')}
            >
              {t('guestRights.disclose.json')}
            </Button>
            <Button
              data-testid="disclose-pdf"
              loading={busy === 'pdf'}
              disabled={busy !== null}
              onClick={() => void save('pdf')}
            >
              {t('guestRights.disclose.pdf')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
