import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPeer } from '../../shared/contract/sync.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { RemovePeerDialog } from './RemovePeerDialog.tsx';

const STATE_COLOR: Record<SyncPeer['state'], string> = {
  in_sync: 'teal',
  sending: 'blue',
  connecting: 'gray',
  offline: 'gray',
  update_there: 'yellow',
  update_here: 'yellow',
  sending_snapshot: 'blue',
  receiving_snapshot: 'blue',
};

const MB = 1024 * 1024;
/** Megabytes as the status line shows them: whole ones, at least 1 once anything has moved. */
const megabytes = (bytes: number) => Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / MB));

/** How a PC of the group is doing, in words: 同期済み, 3件 送信待ち, オフライン（最終接続 …）. */
function useStateWords() {
  const { t } = useTranslation();
  const clock = useInnClock();
  return (peer: SyncPeer): string => {
    if (peer.state === 'sending') return t('sync.peer.sending', { count: peer.behind });
    if ((peer.state === 'sending_snapshot' || peer.state === 'receiving_snapshot') && peer.snapshot) {
      return t(`sync.peer.${peer.state}Progress`, {
        done: megabytes(peer.snapshot.done),
        total: megabytes(peer.snapshot.total),
      });
    }
    if (peer.state === 'offline') {
      return peer.lastSeen
        ? t('sync.peer.offline', { at: clock.dateTime(peer.lastSeen) })
        : t('sync.peer.offlineNever');
    }
    return t(`sync.peer.${peer.state}`);
  };
}

/** The group's other PCs: name, short id, how each is doing, where it was reached, and removing one. */
export function PeerList({ peers, manage }: { peers: SyncPeer[]; manage: boolean }) {
  const { t } = useTranslation();
  const words = useStateWords();
  const [removing, setRemoving] = useState<SyncPeer | null>(null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="sync-peers">
      <Stack gap="sm">
        <Title order={3}>{t('sync.peers.title')}</Title>
        {peers.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="sync-no-peers">
            {t('sync.peers.none')}
          </Text>
        )}
        {peers.map((peer) => (
          <Paper
            key={peer.display}
            withBorder
            radius="sm"
            p="sm"
            data-testid="sync-peer"
            data-state={peer.state}
            data-short={peer.short}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={700} data-testid="sync-peer-name">
                    {peer.name}
                  </Text>
                  <Text size="sm" c="dimmed" ff="monospace">
                    {t('sync.peers.shortId', { short: peer.short })}
                  </Text>
                </Group>
                <Badge
                  color={STATE_COLOR[peer.state]}
                  variant="light"
                  size="lg"
                  radius="sm"
                  tt="none"
                  data-testid="sync-peer-state"
                >
                  {words(peer)}
                </Badge>
                <Text size="sm" c="dimmed" data-testid="sync-peer-address">
                  {peer.address ? t('sync.peers.address', { address: peer.address }) : t('sync.peers.noAddress')}
                </Text>
              </Stack>
              {manage && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => setRemoving(peer)}
                  data-testid="sync-peer-remove"
                >
                  {t('sync.peers.remove')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {removing && <RemovePeerDialog peer={removing} onClose={() => setRemoving(null)} />}
    </Paper>
  );
}
