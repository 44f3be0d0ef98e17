import { Alert, Button, Center, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch.tsx';
import { notifySuccess } from '../app/notify.ts';
import { useLock } from './lock-context.tsx';
import { PinField } from './PinField.tsx';
import { useStaff } from './staff-context.tsx';
import { usePinSwitch } from './use-pin-switch.ts';

/**
 * The whole window while the PC is locked (idle, the lock button, or PINs required and nobody chosen): nothing
 * of the register shows. It names who was working and asks their PIN to go on, or lets another person choose
 * themselves with theirs. Without PINs, choosing the name is enough.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const staff = useStaff();
  const lock = useLock();
  const pinSwitch = usePinSwitch();
  const active = staff.data?.staff.filter((member) => member.active) ?? [];
  const pinsRequired = staff.data?.pinsRequired ?? true;
  const previous = active.find((member) => member.id === lock.lockedFromId) ?? null;
  const [switching, setSwitching] = useState(previous === null);
  const [personId, setPersonId] = useState<string | null>(previous?.id ?? null);
  const [pin, setPin] = useState('');
  const person = active.find((member) => member.id === personId) ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person || pinSwitch.busy) return;
    if (await pinSwitch.choose(person.id, pinsRequired ? pin : undefined)) {
      lock.unlocked();
      notifySuccess(t('staff.switchedNotice', { name: person.name }));
    } else setPin('');
  };

  const switchPerson = () => {
    setSwitching(true);
    setPersonId(null);
    setPin('');
    pinSwitch.clearError();
  };

  const submitLabel =
    switching || !previous
      ? t('access.lock.unlock')
      : pinsRequired
        ? t('access.lock.resume')
        : t('access.lock.resumeNoPin', { name: previous.name });

  return (
    <Center mih="100dvh" bg="gray.1" p="md" data-testid="lock-screen">
      <Paper withBorder shadow="md" radius="md" p="xl" w="100%" maw={460}>
        <form onSubmit={submit}>
          <Stack>
            <Group justify="space-between" wrap="nowrap">
              <Title order={2}>{t('access.lock.title')}</Title>
              <LanguageSwitch />
            </Group>
            {previous && !switching ? (
              <>
                <Text size="lg" fw={700} data-testid="lock-was-working">
                  {t('access.lock.wasWorking', { name: previous.name })}
                </Text>
                {pinsRequired && <Text>{t('access.lock.resumeLead')}</Text>}
              </>
            ) : (
              <>
                <Text>{t('access.lock.nobody')}</Text>
                <Select
                  label={t('access.lock.person')}
                  placeholder={t('access.lock.choose')}
                  data={active.map((member) => ({ value: member.id, label: member.name }))}
                  value={personId}
                  onChange={(id) => {
                    setPersonId(id);
                    pinSwitch.clearError();
                  }}
                  searchable
                  allowDeselect={false}
                  data-autofocus
                  autoFocus
                  data-testid="lock-person"
                />
              </>
            )}
            {pinsRequired && (
              <PinField
                value={pin}
                onChange={(event) => setPin(event.currentTarget.value)}
                autoFocus={previous !== null && !switching}
                error={pinSwitch.error !== null}
                data-testid="lock-pin"
              />
            )}
            {pinSwitch.error && (
              <Alert color="red" data-testid="pin-error">
                {pinSwitch.error}
              </Alert>
            )}
            <Group justify="space-between">
              {previous && !switching ? (
                <Button variant="subtle" onClick={switchPerson} data-testid="lock-switch-person">
                  {t('access.lock.switchPerson')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={pinSwitch.busy} disabled={!person} data-testid="lock-submit">
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
