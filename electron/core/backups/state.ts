import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  type BackupFailure,
  type BackupFile,
  type BackupSettings,
  backupFileSchema,
  backupSettingsSchema,
  DEFAULT_BACKUP_SETTINGS,
} from '../../../shared/contract/backups.ts';

// This PC's backup settings and its last outcomes, in a small file beside the database (<file>.backups.json,
// 0600). Not in the database: a folder path is this PC's own (the inn-wide settings are synced to every PC),
// and a restore replaces the database but must not forget where backups go nor when the last one was made.
// An in-memory database (tests) keeps them in memory.

export type BackupState = {
  settings: BackupSettings;
  lastGood: BackupFile | null;
  /** The change log's last number when the last good backup was taken: quitting skips a backup of nothing new. */
  lastGoodSeq: number | null;
  lastFailure: { at: string; reason: BackupFailure } | null;
};

const EMPTY: BackupState = { settings: DEFAULT_BACKUP_SETTINGS, lastGood: null, lastGoodSeq: null, lastFailure: null };

export type BackupStateStore = {
  read(): BackupState;
  update(change: Partial<BackupState>): BackupState;
};

function parse(text: string): BackupState {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const settings = backupSettingsSchema.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...(raw.settings as object) });
  const lastGood = backupFileSchema.safeParse(raw.lastGood);
  const failure = raw.lastFailure as BackupState['lastFailure'];
  return {
    settings: settings.success ? settings.data : DEFAULT_BACKUP_SETTINGS,
    lastGood: lastGood.success ? lastGood.data : null,
    lastGoodSeq: typeof raw.lastGoodSeq === 'number' ? raw.lastGoodSeq : null,
    lastFailure: failure && typeof failure.at === 'string' && typeof failure.reason === 'string' ? failure : null,
  };
}

export function backupStateFile(databaseFile: string): string | null {
  return databaseFile && databaseFile !== ':memory:' ? `${databaseFile}.backups.json` : null;
}

export function createBackupStateStore(databaseFile: string): BackupStateStore {
  const file = backupStateFile(databaseFile);
  let current: BackupState = EMPTY;
  if (file) {
    try {
      current = parse(readFileSync(file, 'utf8'));
    } catch {
      current = EMPTY; // none yet, or unreadable: start from the defaults
    }
  }
  return {
    read: () => current,
    update(change) {
      current = { ...current, ...change };
      if (file) {
        const temp = `${file}.tmp`;
        writeFileSync(temp, JSON.stringify(current, null, 2), { mode: 0o600 });
        renameSync(temp, file);
      }
      return current;
    },
  };
}
