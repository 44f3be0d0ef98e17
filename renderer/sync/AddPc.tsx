import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncPairing } from '../../shared/contract/sync.ts';
import { PairingClosed } from './PairingClosed.tsx';
import { formatSecondsLeft, groupCode, secondsLeft } from './sync-words.ts';
import { useNow } from './use-now.ts';
import { useSyncCall } from './use-sync-call.ts';

type Inviter = Extract<SyncPairing, { role: 'inviter' }>;

/**
 * 「PCを追加」 on this PC: the window is open for one new PC; once it connects, the six-digit code to type
 * there, with the time left; once the new PC says the code matched, the person adds it by name and short id,
 * or refuses it. Adding on the new PC's word alone is what the person's check prevents (docs/sync-pairing.md).
 */
export function AddPc({ pairing, port, onDone }: { pairing: Inviter; port: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { run, busy } = useSyncCall();
  const open = pairing.state !== 'closed' && pairing.state !== 'paired';
  const now = useNow(open);
  const left = formatSecondsLeft(secondsLeft(pairing.expiresAt, now));
  const peer = pairing.peer;
  const cancel = (
    <Button
      variant="default"
      disabled={busy}
      onClick={() => void run('sync.cancelPairing', {})}
      data-testid="sync-pairing-cancel"
    >
      {t('sync.invite.cancel')}
    </Button>
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid="sync-invite" data-state={pairing.state}>
      <Stack gap="sm">
        <Title order={3}>{t('sync.invite.title')}</Title>
        {pairing.state === 'waiting_for_pc' && (
          <>
            <Text size="lg" data-testid="sync-invite-waiting">
              {t('sync.invite.waiting')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('sync.invite.where', { port })}
            </Text>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="sync-time-left">
                {t('sync.invite.timeLeft', { time: left })}
              </Text>
              {cancel}
            </Group>
          </>
        )}
        {pairing.state === 'code_shown' && pairing.code && (
          <>
            {peer && <Text>{t('sync.invite.codeFor', { name: peer.name, short: peer.short })}</Text>}
            <Text
              ff="monospace"
              fw={800}
              style={{ fontSize: '3.5rem', letterSpacing: '0.12em', lineHeight: 1.1 }}
              data-testid="sync-code"
              data-code={pairing.code}
            >
              {groupCode(pairing.code)}
            </Text>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="sync-time-left">
                {t('sync.invite.timeLeft', { time: left })}
              </Text>
              {cancel}
            </Group>
          </>
        )}
        {pairing.state === 'waiting_for_confirmation' && peer && (
          <>
            <Text size="xl" fw={700} data-testid="sync-invite-confirm">
              {t('sync.invite.confirm', { name: peer.name, short: peer.short })}
            </Text>
            <Alert color="yellow">{t('sync.invite.confirmHint', { short: peer.short })}</Alert>
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={busy}
                onClick={() => void run('sync.confirm', { accept: false })}
                data-testid="sync-invite-refuse"
              >
                {t('sync.invite.refuse')}
              </Button>
              <Button
                disabled={busy}
                onClick={() => void run('sync.confirm', { accept: true })}
                data-testid="sync-invite-accept"
              >
                {t('sync.invite.accept')}
              </Button>
            </Group>
          </>
        )}
        {pairing.state === 'paired' && (
          <>
            <Alert color="teal" data-testid="sync-invite-paired">
              {t('sync.invite.paired', { name: peer?.name ?? '' })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onDone} data-testid="sync-pairing-done">
                {t('sync.done')}
              </Button>
            </Group>
          </>
        )}
        {pairing.state === 'closed' && (
          <PairingClosed reason={pairing.reason} onAgain={() => void run('sync.invite', {})} onDone={onDone} />
        )}
      </Stack>
    </Paper>
  );
}
