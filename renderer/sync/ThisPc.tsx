import { Alert, Button, Code, Group, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import type { CallErrorException } from '../api/client.ts';
import { fieldErrorText } from '../app/field-error-text.ts';
import { notifySuccess } from '../app/notify.ts';
import { useSyncCall } from './use-sync-call.ts';

/** The first issue of a field in a failed call, in words. */
function issueOf(error: CallErrorException, field: string) {
  const issue = error.error.issues?.find((entry) => entry.path === field);
  return issue ? fieldErrorText(issue) : undefined;
}

/**
 * This PC: its name as the others show it, its device id in the grouped form people read aloud, sync on or off,
 * the port the others reach it on, and why the port does not listen when it does not.
 */
export function ThisPc({ status, manage }: { status: SyncStatus; manage: boolean }) {
  const { t } = useTranslation();
  const { run, busy } = useSyncCall();
  const [name, setName] = useState(status.device?.name ?? '');
  const [port, setPort] = useState<number | string>(status.port);
  const [errors, setErrors] = useState<{ name?: string; port?: string }>({});
  const savedName = status.device?.name ?? '';
  useEffect(() => setName(savedName), [savedName]);
  useEffect(() => setPort(status.port), [status.port]);

  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const done = await run('sync.configure', { name }, (error) => {
      const message = issueOf(error, 'name');
      if (message) setErrors({ name: message });
      return !!message;
    });
    if (done) notifySuccess(t('sync.thisPc.nameSaved'));
  };
  const savePort = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const done = await run('sync.configure', { port: Number(port) }, (error) => {
      const message = issueOf(error, 'port');
      if (message) setErrors({ port: message });
      return !!message;
    });
    if (done) notifySuccess(t('sync.thisPc.portSaved'));
  };
  const toggle = async (enabled: boolean) => {
    const done = await run('sync.configure', { enabled });
    if (done) notifySuccess(t(enabled ? 'sync.thisPc.enabledOn' : 'sync.thisPc.enabledOff'));
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="sync-this-pc">
      <Stack gap="sm">
        <Title order={3}>{t('sync.thisPc.title')}</Title>
        <Switch
          label={t('sync.thisPc.enabled')}
          checked={status.enabled}
          disabled={!manage || busy}
          onChange={(event) => void toggle(event.currentTarget.checked)}
          data-testid="sync-enabled"
        />
        {!status.enabled && (
          <Text size="sm" c="dimmed" data-testid="sync-off">
            {t('sync.thisPc.off')}
          </Text>
        )}
        {status.problem && (
          <Alert color="red" data-testid="sync-problem" data-problem={status.problem}>
            {t(`sync.problem.${status.problem}`, { port: status.port })}
          </Alert>
        )}
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('sync.thisPc.deviceId')}
          </Text>
          {status.device ? (
            <Code
              data-testid="sync-device-id"
              style={{ userSelect: 'all', fontSize: '0.95rem', letterSpacing: '0.04em', wordBreak: 'break-all' }}
            >
              {status.device.display}
            </Code>
          ) : (
            <Text size="sm" c="dimmed" data-testid="sync-device-id-pending">
              {t(status.enabled ? 'sync.thisPc.deviceIdPending' : 'sync.thisPc.deviceIdOff')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('sync.thisPc.deviceIdHelp')}
          </Text>
        </Stack>
        {manage ? (
          <>
            {/* Named before sync is first turned on too: the device identity then takes this name. */}
            <form onSubmit={saveName}>
              <Group align="flex-end" gap="sm">
                <TextInput
                  label={t('sync.thisPc.name')}
                  description={t('sync.thisPc.nameHelp')}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  error={errors.name}
                  maxLength={60}
                  style={{ flex: 1, maxWidth: 360 }}
                  data-testid="sync-name"
                />
                <Button
                  type="submit"
                  variant="default"
                  disabled={busy || name.trim() === '' || name === savedName}
                  data-testid="sync-save-name"
                >
                  {t('sync.thisPc.saveName')}
                </Button>
              </Group>
            </form>
            <form onSubmit={savePort}>
              <Group align="flex-end" gap="sm">
                <NumberInput
                  label={t('sync.thisPc.port')}
                  value={port}
                  onChange={setPort}
                  error={errors.port}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  w={200}
                  data-testid="sync-port"
                />
                <Button
                  type="submit"
                  variant="default"
                  disabled={busy || Number(port) === status.port}
                  data-testid="sync-save-port"
                >
                  {t('sync.thisPc.savePort')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t('sync.thisPc.portHelp')}
              </Text>
            </form>
          </>
        ) : (
          <Stack gap={2}>
            <Text size="sm">
              {t('sync.thisPc.name')}: <span data-testid="sync-name-text">{savedName}</span>
            </Text>
            <Text size="sm">
              {t('sync.thisPc.port')}: <span data-testid="sync-port-text">{status.port}</span>
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
