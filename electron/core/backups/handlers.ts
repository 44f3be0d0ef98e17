import type { Handlers } from '../context.ts';
import type { BackupService } from './service.ts';

type BackupCalls = 'backups.status' | 'backups.configure' | 'backups.run' | 'backups.list' | 'backups.restore';

export function backupHandlers(backups: BackupService): Handlers<BackupCalls> {
  return {
    'backups.status': () => backups.status(),
    'backups.configure': (change) => {
      const patch = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
      return backups.configure(patch);
    },
    'backups.run': () => backups.run(),
    'backups.list': async () => ({ backups: await backups.list() }),
    'backups.restore': ({ file }) => backups.restore(file),
  };
}
