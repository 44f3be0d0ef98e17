import { Alert, Button, Group, Modal, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPairing, SyncStatus } from '../../shared/contract/sync.ts';
import type { CallErrorException } from '../api/client.ts';
import { fieldErrorText } from '../app/field-error-text.ts';
import { FoundPcs } from './FoundPcs.tsx';
import { JoinCode } from './JoinCode.tsx';
import { PairingClosed } from './PairingClosed.tsx';
import { pairingUnderWay } from './sync-words.ts';
import { useSyncCall } from './use-sync-call.ts';

type Joiner = Extract<SyncPairing, { role: 'joiner' }>;

export const DEFAULT_SYNC_PORT = 4871;

/**
 * 「このPCをグループに参加させる」: the address and port of a PC of the group whose window is open, then the
 * code it shows, then the person there adds this PC. A register that already holds guests joins only when the
 * person says its guests are to go to every PC (register_not_empty, then mergeRegister).
 */
export function JoinGroup({
  pairing,
  ownShort,
  found,
  onDone,
}: {
  pairing: Joiner | null;
  ownShort: string;
  found: SyncStatus['discovered'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { run, busy } = useSyncCall();
  const [host, setHost] = useState('');
  const [port, setPort] = useState<number | string>(DEFAULT_SYNC_PORT);
  const [errors, setErrors] = useState<{ host?: string; port?: string }>({});
  const [askMerge, setAskMerge] = useState(false);
  // The form until a join is under way from here; a closed window offers the form again.
  const [stage, setStage] = useState<'form' | 'pairing'>(pairingUnderWay(pairing) ? 'pairing' : 'form');

  const join = async (mergeRegister: boolean) => {
    setErrors({});
    const onError = (error: CallErrorException) => {
      if (error.error.detail === 'register_not_empty') {
        setAskMerge(true);
        return true;
      }
      const found: { host?: string; port?: string } = {};
      for (const issue of error.error.issues ?? []) {
        const field = issue.path;
        if ((field === 'host' || field === 'port') && !found[field]) found[field] = fieldErrorText(issue);
      }
      setErrors(found);
      return Object.keys(found).length > 0;
    };
    const input = { host: host.trim(), port: Number(port), ...(mergeRegister ? { mergeRegister: true } : {}) };
    const done = await run('sync.join', input, onError);
    if (done) setStage('pairing');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join(false);
  };

  const showing = stage === 'pairing' && pairing ? pairing : null;
  const peer = showing?.peer;
  return (
    <Paper withBorder radius="md" p="md" data-testid="sync-join" data-state={showing?.state ?? 'form'}>
      <Stack gap="sm">
        <Title order={3}>{t('sync.join.title')}</Title>
        {!showing && (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('sync.join.lead')}
              </Text>
              <FoundPcs
                found={found}
                onPick={(address) => {
                  setHost(address.host);
                  setPort(address.port);
                }}
              />
              <Group align="flex-start" gap="sm">
                <TextInput
                  label={t('sync.join.host')}
                  placeholder={t('sync.join.hostPlaceholder')}
                  value={host}
                  onChange={(event) => setHost(event.currentTarget.value)}
                  error={errors.host}
                  autoComplete="off"
                  style={{ flex: 1, maxWidth: 320 }}
                  data-testid="sync-join-host"
                />
                <NumberInput
                  label={t('sync.join.port')}
                  value={port}
                  onChange={setPort}
                  error={errors.port}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  w={140}
                  data-testid="sync-join-port"
                />
              </Group>
              <Group justify="flex-end">
                <Button variant="default" onClick={onDone}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy} data-testid="sync-join-connect">
                  {t('sync.join.connect')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {(showing?.state === 'connecting' || showing?.state === 'waiting_for_pc') && (
          <Group justify="space-between">
            <Text data-testid="sync-join-connecting">
              {showing.state === 'connecting' && host.trim()
                ? t('sync.join.connecting', { address: `${host.trim()}:${port}` })
                : t('sync.join.waitingForPc')}
            </Text>
            <Button variant="default" disabled={busy} onClick={() => void run('sync.cancelPairing', {})}>
              {t('sync.invite.cancel')}
            </Button>
          </Group>
        )}
        {showing?.state === 'entering_code' && (
          <>
            <JoinCode pairing={showing} />
            <Group justify="flex-end">
              <Button variant="default" disabled={busy} onClick={() => void run('sync.cancelPairing', {})}>
                {t('sync.invite.cancel')}
              </Button>
            </Group>
          </>
        )}
        {showing?.state === 'waiting_for_confirmation' && (
          <Alert color="teal" data-testid="sync-join-matched">
            <Text fw={700}>{t('sync.join.matched')}</Text>
            <Text>{t('sync.join.confirmThere', { name: peer?.name ?? '', short: ownShort })}</Text>
          </Alert>
        )}
        {showing?.state === 'paired' && (
          <>
            <Alert color="teal" data-testid="sync-join-paired">
              {t('sync.join.paired', { name: peer?.name ?? '' })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onDone} data-testid="sync-pairing-done">
                {t('sync.done')}
              </Button>
            </Group>
          </>
        )}
        {showing?.state === 'closed' && (
          <PairingClosed reason={showing.reason} onAgain={() => setStage('form')} onDone={onDone} />
        )}
      </Stack>
      <Modal opened={askMerge} onClose={() => setAskMerge(false)} title={t('sync.join.mergeTitle')}>
        <Stack gap="sm" data-testid="sync-join-merge">
          <Text>{t('sync.join.mergeBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskMerge(false)} data-testid="sync-join-merge-no">
              {t('sync.join.mergeNo')}
            </Button>
            <Button
              onClick={() => {
                setAskMerge(false);
                void join(true);
              }}
              data-testid="sync-join-merge-yes"
            >
              {t('sync.join.mergeYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
