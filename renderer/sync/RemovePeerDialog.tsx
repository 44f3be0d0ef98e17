import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPeer } from '../../shared/contract/sync.ts';
import { notifySuccess } from '../app/notify.ts';
import { useSyncCall } from './use-sync-call.ts';

/** 「このPCをグループから外す」: asks once, says it cannot be undone, then revokes the PC by its device id. */
export function RemovePeerDialog({ peer, onClose }: { peer: SyncPeer; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, busy } = useSyncCall();
  const [reason, setReason] = useState('');
  const remove = async () => {
    const done = await run('sync.remove', { device: peer.display, reason: reason.trim() || undefined });
    if (!done) return;
    notifySuccess(t('sync.remove.done', { name: peer.name }));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('sync.remove.title')} data-testid="sync-remove-dialog">
      <Stack gap="sm">
        <Text>{t('sync.remove.body', { name: peer.name, short: peer.short })}</Text>
        <Alert color="red" data-testid="sync-remove-irreversible">
          {t('sync.remove.irreversible')}
        </Alert>
        <TextInput
          label={t('sync.remove.reason')}
          placeholder={t('sync.remove.reasonPlaceholder')}
          value={reason}
          maxLength={200}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="sync-remove-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()} data-testid="sync-remove-confirm">
            {t('sync.remove.ok')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
