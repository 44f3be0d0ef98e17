import { Alert, Anchor, List } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { navigate } from '../app/route.ts';
import { useBackupJob } from './use-backup-job.ts';

// On every screen, what needs doing about backups: the last good one older than two days (or none yet),
// backups off while the register holds guests, the folder missing or not writable, the last attempt failed.
// Read again when a backup ends, when a guest is recorded, and every few minutes (a backup grows old by itself).

const LOOK_AGAIN_MS = 5 * 60_000;

export function BackupBanner() {
  const { t } = useTranslation();
  const status = useQuery('backups.status', {}, ['guests']);
  const { ended } = useBackupJob();
  const { refetch } = status;
  useEffect(() => {
    if (ended > 0) refetch();
  }, [ended, refetch]);
  useEffect(() => {
    const timer = setInterval(refetch, LOOK_AGAIN_MS);
    return () => clearInterval(timer);
  }, [refetch]);

  const warnings = status.data?.warnings ?? [];
  if (warnings.length === 0) return null;
  const never = status.data?.lastGood === null;
  return (
    <Alert color="orange" title={t('backups.warning.title')} mb="md" data-testid="backup-warning">
      <List size="sm" spacing={2}>
        {warnings.map((warning) => (
          <List.Item key={warning} data-warning={warning}>
            {t(warning === 'stale' && never ? 'backups.warning.staleNever' : `backups.warning.${warning}`)}
          </List.Item>
        ))}
      </List>
      <Anchor component="button" size="sm" mt={6} onClick={() => navigate({ name: 'settings' })}>
        {t('backups.warning.open')}
      </Anchor>
    </Alert>
  );
}
