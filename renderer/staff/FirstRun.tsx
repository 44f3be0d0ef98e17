import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { attempt } from '../app/notify.ts';
import { STAFF_LIMITS } from './limits.ts';
import { useStaff } from './staff-context.tsx';

/** First run: nobody works here yet. The person at this PC is added and chosen in one step. */
export function FirstRun() {
  const { t } = useTranslation();
  const staff = useStaff();
  const [name, setName] = useState('');
  const [reading, setReading] = useState('');
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    const member = await attempt(() => call('staff.create', { name, reading }));
    if (member) await attempt(() => call('staff.setCurrent', { id: member.id }));
    setBusy(false);
    staff.refetch();
  };

  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" radius="md" p="xl" maw={520} w="100%" data-testid="first-run">
        <form onSubmit={start}>
          <Stack>
            <Title order={2}>{t('staff.firstRun.title')}</Title>
            <Text>{t('staff.firstRun.body')}</Text>
            <LimitedTextInput
              max={STAFF_LIMITS.name}
              data-testid="first-run-name"
              name="name"
              label={t('staff.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
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
            <Group justify="flex-end">
              <Button type="submit" data-testid="first-run-submit" loading={busy} disabled={!name.trim()}>
                {t('staff.firstRun.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
