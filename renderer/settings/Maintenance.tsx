import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';

/**
 * Maintenance actions on the settings screen. Rebuilding the search index is a long job: it runs in the core
 * in slices while search keeps working, and its progress bar (app/JobsBar.tsx) can stop it.
 */
export function Maintenance() {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);

  const rebuild = async () => {
    setRunning(true);
    const result = await attempt(() => call('system.rebuildSearchIndex', {}));
    setRunning(false);
    if (result) notifySuccess(t('jobs.maintenance.rebuilt', { count: result.guests }));
  };

  return (
    <Stack gap="md" data-testid="maintenance">
      <Title order={3}>{t('jobs.maintenance.title')}</Title>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4}>
            <Text fw={600}>{t('jobs.maintenance.rebuildLabel')}</Text>
            <Text size="sm" c="dimmed" maw={560}>
              {t('jobs.maintenance.rebuildHelp')}
            </Text>
          </Stack>
          <Button variant="default" loading={running} onClick={rebuild} data-testid="rebuild-search-index">
            {t('jobs.maintenance.rebuild')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
