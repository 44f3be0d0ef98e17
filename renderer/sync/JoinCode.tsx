import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPairing } from '../../shared/contract/sync.ts';
import { isCode, normalizeCode } from './sync-words.ts';
import { useSyncCall } from './use-sync-call.ts';

type Joiner = Extract<SyncPairing, { role: 'joiner' }>;

/** The new PC's side: the six digits the other PC shows (full-width digits read too), Enter submits. */
export function JoinCode({ pairing }: { pairing: Joiner }) {
  const { t } = useTranslation();
  const { run, busy } = useSyncCall();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const peer = pairing.peer;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Input that is not six digits uses no try (the core reads it the same way): said here at once.
    if (!isCode(code)) return setError(t('sync.join.codeFormat'));
    setError(undefined);
    const done = await run('sync.enterCode', { code: normalizeCode(code) });
    if (done) setCode('');
    input.current?.focus();
  };
  return (
    <form onSubmit={submit} data-testid="sync-join-code-form">
      <Group align="flex-end" gap="sm">
        <TextInput
          ref={input}
          label={t('sync.join.codeLabel', { name: peer?.name ?? '', short: peer?.short ?? '' })}
          description={t('sync.join.codeHelp')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={error}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          size="lg"
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.2em', fontSize: '1.6rem' } }}
          data-testid="sync-join-code"
        />
        <Button type="submit" size="lg" loading={busy} data-testid="sync-join-code-submit">
          {t('sync.join.codeSubmit')}
        </Button>
      </Group>
      {pairing.triesLeft < 3 ? (
        <Alert color="red" mt="sm" data-testid="sync-join-wrong">
          {t('sync.join.wrongCode', { count: pairing.triesLeft })}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed" mt="xs" data-testid="sync-join-tries">
          {t('sync.join.triesLeft', { count: pairing.triesLeft })}
        </Text>
      )}
    </form>
  );
}
