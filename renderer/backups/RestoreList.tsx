import { Alert, Badge, Button, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListItem } from '../../shared/contract/backups.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { locale } from '../i18n/format.ts';
import { formatBytes } from './use-backup-job.ts';

// The backups in the folder, newest first, each with when it was made and what it holds (read from the file);
// one that cannot be restored says why. Restoring asks first, in words, what will happen: back to that day,
// what was recorded since no longer seen, the current data kept aside, a new PC for sync, the screens reload.

/** How long the notice stays before the screens reload on the restored register. */
const RELOAD_AFTER_MS = 1500;

export function RestoreList({ refreshKey }: { refreshKey: string }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const list = useQuery('backups.list', {}, []);
  const [chosen, setChosen] = useState<BackupListItem | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { refetch } = list;
  const number = (value: number) => value.toLocaleString(locale(i18n.language));

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the reason to read the folder again.
  useEffect(() => {
    refetch();
  }, [refreshKey, refetch]);

  const restore = async () => {
    if (!chosen) return;
    setRestoring(true);
    setError(null);
    try {
      const done = await call('backups.restore', { file: chosen.file });
      notifySuccess(t('backups.restoredNotice', { aside: done.keptAside }));
      // Every screen shows the restored register from its start: the simplest true way is to load again.
      setTimeout(() => window.location.reload(), RELOAD_AFTER_MS);
    } catch (failure) {
      setError(errorMessage(failure));
      setRestoring(false);
    }
  };

  const backups = list.data?.backups ?? [];
  return (
    <Stack gap="md" data-testid="backup-restore">
      <Group justify="space-between">
        <Title order={4}>{t('backups.restoreTitle')}</Title>
        <Button variant="subtle" size="compact-sm" onClick={refetch} data-testid="backup-list-refresh">
          {t('backups.listRefresh')}
        </Button>
      </Group>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('backups.restoreLead')}
          </Text>
          {list.error && <Alert color="red">{errorMessage(list.error)}</Alert>}
          {list.data && backups.length === 0 && (
            <Text size="sm" data-testid="backup-list-empty">
              {t('backups.listEmpty')}
            </Text>
          )}
          {backups.length > 0 && (
            <Table striped data-testid="backup-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.column.at')}</Table.Th>
                  <Table.Th>{t('backups.column.file')}</Table.Th>
                  <Table.Th>{t('backups.column.size')}</Table.Th>
                  <Table.Th>{t('backups.column.counts')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.map((backup) => (
                  <Table.Tr key={backup.file} data-testid="backup-row" data-file={backup.file}>
                    <Table.Td>{clock.dateTime(backup.at)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {backup.file}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatBytes(backup.bytes, locale(i18n.language))}</Table.Td>
                    <Table.Td>
                      {backup.counts ? (
                        t('backups.countsValue', {
                          guests: number(backup.counts.guests),
                          stays: number(backup.counts.stays),
                        })
                      ) : (
                        <Badge color="red" variant="light">
                          {t(`backups.problem.${backup.problem ?? 'unreadable'}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={backup.problem !== null}
                        onClick={() => {
                          setError(null);
                          setChosen(backup);
                        }}
                        data-testid="backup-restore-open"
                      >
                        {t('backups.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <Modal
        opened={chosen !== null}
        onClose={() => (restoring ? undefined : setChosen(null))}
        title={t('backups.confirm.title')}
        size="lg"
      >
        {chosen && (
          <Stack gap="sm" data-testid="backup-restore-confirm">
            <Text>
              {t('backups.confirm.body', {
                at: clock.dateTime(chosen.at),
                guests: number(chosen.counts?.guests ?? 0),
                stays: number(chosen.counts?.stays ?? 0),
              })}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('backups.confirm.lost')}</List.Item>
              <List.Item>{t('backups.confirm.aside')}</List.Item>
              <List.Item>{t('backups.confirm.sync')}</List.Item>
              <List.Item>{t('backups.confirm.reload')}</List.Item>
            </List>
            {error && (
              <Alert color="red" data-testid="backup-restore-error">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChosen(null)} disabled={restoring}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={restoring} onClick={restore} data-testid="backup-restore-ok">
                {t('backups.confirm.ok')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
