import { Alert, Button, Center, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage } from '../app/notify.ts';
import { STAFF_LIMITS } from './limits.ts';
import { PinField, pinLooksRight } from './PinField.tsx';
import { useStaff } from './staff-context.tsx';

/**
 * First run: nobody works here yet. The person at this PC becomes the owner and is chosen in one step, with a
 * PIN typed twice (which turns PINs on for the inn), or with an explicit choice to run without PINs.
 */
export function FirstRun() {
  const { t } = useTranslation();
  const staff = useStaff();
  const [name, setName] = useState('');
  const [reading, setReading] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [noPins, setNoPins] = useState(false);
  const [problem, setProblem] = useState<{ name?: string; pin?: string; pinAgain?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // Said at the field, in the app's words: a greyed-out button gave no reason, the browser's bubble no translation.
    if (!name.trim()) {
      setProblem({ name: t('errors.field.required') });
      return (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[name="name"]')?.focus();
    }
    if (!noPins) {
      if (!pinLooksRight(pin)) return setProblem({ pin: t('access.pin.format') });
      if (pin.normalize('NFKC').trim() !== pinAgain.normalize('NFKC').trim()) {
        return setProblem({ pinAgain: t('access.pin.mismatch') });
      }
    }
    setProblem({});
    setBusy(true);
    try {
      const withPin = noPins ? {} : { pin };
      const member = await call('staff.create', { name, reading, ...withPin });
      await call('staff.setCurrent', { id: member.id, ...withPin });
    } catch (failure) {
      setProblem({ form: errorMessage(failure) });
    } finally {
      setBusy(false);
      staff.refetch();
    }
  };

  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={560} w="100%" data-testid="first-run">
        <form onSubmit={start} noValidate>
          <Stack>
            <Title order={2}>{t('staff.firstRun.title')}</Title>
            <Text>{t('staff.firstRun.body')}</Text>
            <Text size="sm" c="dimmed">
              {t('access.firstRun.ownerNote')}
            </Text>
            <LimitedTextInput
              max={STAFF_LIMITS.name}
              data-testid="first-run-name"
              name="name"
              label={t('staff.name')}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setProblem(({ name: _, ...rest }) => rest);
              }}
              error={problem.name}
              autoFocus
              required
            />
            <LimitedTextInput
              max={STAFF_LIMITS.reading}
              data-testid="first-run-reading"
              name="reading"
              label={t('staff.reading')}
              value={reading}
              onChange={(event) => setReading(event.currentTarget.value)}
            />
            {!noPins && (
              <Group align="flex-start" grow>
                <PinField
                  label={t('access.firstRun.pin')}
                  description={t('access.firstRun.pinHelp')}
                  value={pin}
                  onChange={(event) => setPin(event.currentTarget.value)}
                  error={problem.pin}
                  data-testid="first-run-pin"
                />
                <PinField
                  label={t('access.firstRun.pinAgain')}
                  value={pinAgain}
                  onChange={(event) => setPinAgain(event.currentTarget.value)}
                  error={problem.pinAgain}
                  inputWrapperOrder={['label', 'input', 'error']}
                  data-testid="first-run-pin-again"
                />
              </Group>
            )}
            <Checkbox
              label={t('access.firstRun.noPins')}
              description={t('access.firstRun.noPinsHelp')}
              checked={noPins}
              onChange={(event) => {
                setNoPins(event.currentTarget.checked);
                setProblem({});
              }}
              data-testid="first-run-no-pins"
            />
            {problem.form && (
              <Alert color="red" data-testid="first-run-error">
                {problem.form}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" data-testid="first-run-submit" loading={busy}>
                {t('staff.firstRun.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
