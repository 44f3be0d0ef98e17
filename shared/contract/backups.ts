import { z } from 'zod';
import { empty } from './common.ts';
import { call } from './define.ts';

// Backups of this PC's register to a folder the person chooses (a USB drive, a NAS share): daily while the app
// is open, on quitting and on demand, each checked by opening it and running an integrity check, a number of
// generations kept. Restoring one keeps the current file aside first and gives the restored register a new
// identity for sync. The settings are this PC's own (a folder path means nothing on another PC), so they are
// not the inn-wide, synced settings of settings.ts: the core keeps them in a file beside the database.

/** Why the folder cannot take a backup now. `unset`: no folder chosen yet. */
export const BACKUP_FOLDER_STATES = ['unset', 'ok', 'missing', 'not_writable'] as const;
export type BackupFolderState = (typeof BACKUP_FOLDER_STATES)[number];

/** What the screens warn about (a banner on every screen; backups.warning.* in the locale files). */
export const BACKUP_WARNINGS = ['stale', 'off', 'folder_missing', 'folder_not_writable', 'failed'] as const;
export type BackupWarning = (typeof BACKUP_WARNINGS)[number];

/** Why a backup failed, as kept in the status (backups.failure.* in the locale files). */
export const BACKUP_FAILURES = [
  'folder_unset',
  'folder_missing',
  'folder_not_writable',
  'copy_failed',
  'check_failed',
  'cancelled',
  'timed_out',
] as const;
export type BackupFailure = (typeof BACKUP_FAILURES)[number];

export const BACKUP_KEEP_MAX = 365;

export const backupSettingsSchema = z.object({
  /** An absolute folder path on this PC, or null while none is chosen. */
  folder: z.string().nullable(),
  /** How many backups (generations) are kept; older ones this feature made are removed. */
  keep: z.number().int().min(1).max(BACKUP_KEEP_MAX),
  /** Daily and quitting backups run by themselves; 「今すぐバックアップ」 works either way. */
  enabled: z.boolean(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, keep: 7, enabled: true };

/** What a backup file holds, read from it (read-only). */
export const backupCountsSchema = z.object({ guests: z.number().int(), stays: z.number().int() });

export const backupFileSchema = z.object({
  /** The file's name in the backup folder (yadocho-2026-12-03-0930.sqlite). */
  file: z.string(),
  /** When it was taken (ISO), from its name read on the inn's clock. */
  at: z.string(),
  bytes: z.number().int(),
  counts: backupCountsSchema,
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/** Why a file in the folder cannot be restored (backups.problem.* in the locale files). */
export const BACKUP_PROBLEMS = ['unreadable', 'not_yadocho', 'newer', 'damaged'] as const;

/** A file of the list: one that cannot be read still shows, with its problem and no counts. */
export const backupListItemSchema = backupFileSchema.extend({
  counts: backupCountsSchema.nullable(),
  problem: z.enum(BACKUP_PROBLEMS).nullable(),
});
export type BackupListItem = z.infer<typeof backupListItemSchema>;

export const backupStatusSchema = z.object({
  settings: backupSettingsSchema,
  folder: z.enum(BACKUP_FOLDER_STATES),
  lastGood: backupFileSchema.nullable(),
  lastFailure: z.object({ at: z.string(), reason: z.enum(BACKUP_FAILURES) }).nullable(),
  running: z.boolean(),
  warnings: z.array(z.enum(BACKUP_WARNINGS)),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupCalls = {
  'backups.status': call({
    summary:
      'This PC’s backups: the settings, whether the folder can take one, the last good backup (when, file, size, counts), the last failure and what the screens should warn about.',
    writes: false,
    input: empty,
    output: backupStatusSchema,
  }),
  'backups.configure': call({
    summary:
      'Change this PC’s backup settings (folder, generations kept, on/off). Kept beside the database, not synced: a folder path is this PC’s own.',
    writes: false,
    input: z
      .object({
        folder: z
          .string({ error: 'invalid_type' })
          .trim()
          .max(1000, { error: 'too_long' })
          .refine((value) => value === '' || value.startsWith('/') || /^[A-Za-z]:[\\/]|^\\\\/.test(value), {
            error: 'folder_not_absolute',
          })
          .transform((value) => (value === '' ? null : value))
          .optional(),
        keep: z
          .number({ error: 'invalid_type' })
          .int({ error: 'keep_invalid' })
          .min(1, { error: 'keep_invalid' })
          .max(BACKUP_KEEP_MAX, { error: 'keep_invalid' })
          .optional(),
        enabled: z.boolean({ error: 'invalid_type' }).optional(),
      })
      .strict(),
    output: backupStatusSchema,
  }),
  'backups.run': call({
    summary:
      'Back up now: an online copy in steps (calls are answered in between), checked by an integrity check before it takes its name; older generations beyond the number kept are removed. A job (kind backup.run).',
    writes: false,
    job: true,
    input: empty,
    output: backupFileSchema,
  }),
  'backups.list': call({
    summary: 'The backups in the folder, newest first, with when each was taken and its counts read from the file.',
    writes: false,
    input: empty,
    output: z.object({ backups: z.array(backupListItemSchema) }),
  }),
  'backups.restore': call({
    summary:
      'Replace the register with a backup: the backup is checked first (refused, changing nothing, when damaged or not a Yadocho register), the current file is kept aside in the data folder, and the restored register writes as a new node for sync. Screens reload after.',
    // It writes no record: it replaces the file, whose own log is what syncs from then on.
    writes: false,
    input: z.object({ file: z.string({ error: 'invalid_type' }).min(1, { error: 'required' }).max(200) }).strict(),
    output: z.object({ restored: backupFileSchema, keptAside: z.string(), nodeId: z.string() }),
  }),
};
