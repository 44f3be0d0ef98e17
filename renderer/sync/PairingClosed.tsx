import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncPairing } from '../../shared/contract/sync.ts';

/** Why a pairing window closed, in words, with 「やり直す」 and 「閉じる」. */
export function PairingClosed({
  reason,
  onAgain,
  onDone,
}: {
  reason: SyncPairing['reason'];
  onAgain: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        color={reason === 'cancelled' ? 'gray' : 'red'}
        data-testid="sync-pairing-closed"
        data-reason={reason ?? ''}
      >
        {t(`sync.closed.${reason ?? 'cancelled'}`)}
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-testid="sync-pairing-done">
          {t('sync.done')}
        </Button>
        <Button onClick={onAgain} data-testid="sync-pairing-again">
          {t('sync.again')}
        </Button>
      </Group>
    </>
  );
}
