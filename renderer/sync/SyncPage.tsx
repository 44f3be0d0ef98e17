import { Alert, Anchor, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { useMayCall } from '../staff/permissions.ts';
import { AddPc } from './AddPc.tsx';
import { JoinGroup } from './JoinGroup.tsx';
import { PeerList } from './PeerList.tsx';
import { useSync } from './sync-context.tsx';
import { pairingUnderWay } from './sync-words.ts';
import { ThisPc } from './ThisPc.tsx';
import { useSyncCall } from './use-sync-call.ts';

/**
 * 「PC・同期」: this PC (name, device id, sync on or off, port), the group's PCs and how each is doing, adding a
 * PC and joining a group. Everyone chosen at this PC sees it; only who may manage sync changes anything.
 */
export function SyncPage() {
  const { t } = useTranslation();
  const { status, error } = useSync();
  const may = useMayCall();
  const manage = may('sync.configure');
  const { run, busy } = useSyncCall();
  const clock = useInnClock();
  // What the person started here stays shown until they close it, even once the window closed or paired.
  const [flow, setFlow] = useState<'invite' | 'join' | null>(null);

  if (!status) {
    return error ? (
      <Alert color="red" data-testid="sync-load-error">
        {t('sync.loadError')}: {errorMessage(error)}
      </Alert>
    ) : (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const pairing = status.pairing;
  // A pairing under way shows whether or not it was started on this screen (a reload in the middle of one).
  const showing = flow ?? (pairingUnderWay(pairing) ? (pairing?.role === 'inviter' ? 'invite' : 'join') : null);
  const invite = async () => {
    if (await run('sync.invite', {})) setFlow('invite');
  };
  return (
    <Stack data-testid="sync-page">
      <Paper withBorder radius="md" p="md">
        <Title order={2}>{t('sync.title')}</Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('sync.lead')}
        </Text>
        <Anchor
          href={routeHref({ name: 'conflicts' })}
          size="sm"
          mt={4}
          display="block"
          data-testid="sync-conflicts-link"
        >
          {t('sync.conflictsLink')}
        </Anchor>
      </Paper>
      <ThisPc status={status} manage={manage} />
      {manage && showing === null && (
        <Group>
          <Button onClick={() => void invite()} disabled={!status.enabled || busy} data-testid="sync-invite-button">
            {t('sync.invite.button')}
          </Button>
          {status.peers.length === 0 && (
            <Button
              variant="default"
              onClick={() => setFlow('join')}
              disabled={!status.enabled}
              data-testid="sync-join-button"
            >
              {t('sync.join.button')}
            </Button>
          )}
          {!status.enabled && (
            <Text size="sm" c="dimmed">
              {t('sync.invite.needsOn')}
            </Text>
          )}
        </Group>
      )}
      {showing === 'invite' && pairing?.role === 'inviter' && (
        <AddPc pairing={pairing} port={status.port} onDone={() => setFlow(null)} />
      )}
      {showing === 'join' && (
        <JoinGroup
          pairing={pairing?.role === 'joiner' ? pairing : null}
          ownShort={status.device?.short ?? ''}
          found={status.discovered}
          onDone={() => setFlow(null)}
        />
      )}
      <PeerList peers={status.peers} manage={manage} />
      {status.joinedBySnapshot && (
        <Text size="sm" c="dimmed" data-testid="sync-joined-by-snapshot">
          {t('sync.peer.joinedBySnapshot', {
            at: clock.dateTime(status.joinedBySnapshot.at),
            size: Math.max(1, Math.round(status.joinedBySnapshot.bytes / (1024 * 1024))),
          })}
        </Text>
      )}
    </Stack>
  );
}
