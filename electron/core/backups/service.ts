import { existsSync } from 'node:fs';
import { chmod, copyFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type {
  BackupFile,
  BackupListItem,
  BackupSettings,
  BackupStatus,
  BackupWarning,
} from '../../../shared/contract/backups.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { wallClock } from '../../../shared/text/time-zone.ts';
import type { CoreContext } from '../context.ts';
import { folderState, isBackupName, ourBackups, takenAt } from './files.ts';
import { BackupFailed, makeBackup } from './make-backup.ts';
import { createBackupStateStore } from './state.ts';
import { inspectInThread } from './thread.ts';

// Backups that run themselves: at open and then every few minutes the core looks whether the last good backup
// is older than a day (a timer that never keeps the process alive), on quitting it makes one bounded in time
// (when anything changed since the last), and 「今すぐバックアップ」 makes one on demand. Each is a job
// (kind backup.run) with progress and cancel. The status says what the screens warn about.

const DAY_MS = 24 * 60 * 60 * 1000;
const STALE_AFTER_MS = 2 * DAY_MS;

/** Replaces the database with a staged copy and reopens the core on it: only the core's owner can (worker.ts). */
export type RestoreHook = (staged: string, keptAside: string) => Promise<{ nodeId: string }>;

export type BackupOptions = {
  /** How often the daily backup is looked for, in ms (10 minutes). */
  checkEveryMs?: number;
  /** The first look after the core opens, in ms (a minute: the start of the day's work comes first). */
  firstCheckMs?: number;
  /** After a failed automatic backup, the next try waits this long, in ms (an hour). */
  retryAfterMs?: number;
  /** How long quitting may wait for its backup, in ms; past it the backup is stopped (7 s, under the host's 10 s). */
  quitBudgetMs?: number;
  /** Pages per copy step (make-backup.ts): tests make them few, to act between two steps. */
  stepPages?: number;
};

const DEFAULTS = { checkEveryMs: 10 * 60_000, firstCheckMs: 60_000, retryAfterMs: 60 * 60_000, quitBudgetMs: 7_000 };

/** A failure of a backup as the caller's answer; literal details so the locale test finds each one. */
function failureAnswer(error: BackupFailed): CallFailure {
  switch (error.reason) {
    case 'folder_unset':
      return new CallFailure('conflict', 'backup_folder_unset');
    case 'folder_missing':
      return new CallFailure('conflict', 'backup_folder_missing');
    case 'folder_not_writable':
      return new CallFailure('conflict', 'backup_folder_not_writable');
    case 'check_failed':
      return new CallFailure('conflict', 'backup_check_failed');
    default:
      return new CallFailure('conflict', 'backup_copy_failed');
  }
}

export function createBackupService(ctx: CoreContext, options: BackupOptions & { restore?: RestoreHook } = {}) {
  const settings = { ...DEFAULTS, ...options };
  const store = createBackupStateStore(ctx.db.name);
  let running: Promise<BackupFile> | null = null;
  let closed = false;

  const hasGuests = () =>
    ctx.db.prepare('SELECT EXISTS (SELECT 1 FROM guests WHERE deleted_at IS NULL)').pluck().get() === 1;

  function status(): BackupStatus {
    const state = store.read();
    const { folder, enabled } = state.settings;
    const where = folderState(folder);
    const warnings: BackupWarning[] = [];
    const guests = hasGuests();
    if (!enabled || !folder) {
      if (guests) warnings.push('off');
    } else {
      if (where === 'missing') warnings.push('folder_missing');
      if (where === 'not_writable') warnings.push('folder_not_writable');
      const last = state.lastGood ? Date.parse(state.lastGood.at) : null;
      if (guests && (last === null || ctx.clock() - last > STALE_AFTER_MS)) warnings.push('stale');
      const failure = state.lastFailure;
      if (failure && failure.reason !== 'cancelled' && (last === null || Date.parse(failure.at) > last)) {
        warnings.push('failed');
      }
    }
    return {
      settings: state.settings,
      folder: where,
      lastGood: state.lastGood,
      lastFailure: state.lastFailure,
      running: running !== null,
      warnings,
    };
  }

  /** One backup as a job; the outcome is kept in the status. Asked while one runs, the answer is that one's. */
  function run(): Promise<BackupFile> {
    if (running) return running;
    const { folder, keep } = store.read().settings;
    const now = ctx.clock();
    const lastSeq = ctx.changes.lastSeq();
    const job = ctx.jobs
      .runAsync('backup.run', ({ report, signal }) =>
        makeBackup({
          db: ctx.db,
          folder,
          keep,
          timeZone: ctx.timeZone(),
          now,
          report,
          signal,
          stepPages: options.stepPages,
        }),
      )
      .then(
        (made) => {
          store.update({ lastGood: made, lastGoodSeq: lastSeq });
          ctx.logger.info(`backup ${made.file} made (${made.bytes} bytes, ${made.counts.guests} guests)`);
          return made;
        },
        (error: unknown) => {
          if (error instanceof BackupFailed) {
            if (!closed)
              store.update({ lastFailure: { at: new Date(ctx.clock()).toISOString(), reason: error.reason } });
            ctx.logger.warn(`backup failed: ${error.message}`);
            throw failureAnswer(error);
          }
          throw error;
        },
      )
      .finally(() => {
        running = null;
      });
    running = job;
    return job;
  }

  const automatic = () => {
    const state = store.read();
    if (!state.settings.enabled || folderState(state.settings.folder) !== 'ok') return false;
    const now = ctx.clock();
    const failed = state.lastFailure ? Date.parse(state.lastFailure.at) : null;
    const last = state.lastGood ? Date.parse(state.lastGood.at) : null;
    if (failed !== null && (last === null || failed > last) && now - failed < settings.retryAfterMs) return false;
    return last === null || now - last >= DAY_MS;
  };

  /** The daily look: a backup when the last good one is older than a day. */
  const tick = () => {
    if (closed || running || !automatic()) return;
    run().catch((error: unknown) => {
      if (!(error instanceof CallFailure)) ctx.logger.error('the daily backup failed', error);
    });
  };
  const first = setTimeout(tick, settings.firstCheckMs);
  const every = setInterval(tick, settings.checkEveryMs);
  first.unref();
  every.unref();

  return {
    status,
    run,
    configure(change: Partial<BackupSettings>): BackupStatus {
      const current = store.read().settings;
      store.update({ settings: { ...current, ...change } });
      // A folder just chosen gets its first backup soon, not at the next look.
      if (change.folder || change.enabled) setTimeout(tick, 0).unref();
      return status();
    },

    async list(): Promise<BackupListItem[]> {
      const { folder } = store.read().settings;
      if (folderState(folder) !== 'ok' || !folder) return [];
      const files = ourBackups(folder);
      if (files.length === 0) return [];
      const inspections = await inspectInThread(files.map((file) => ({ file: file.path, integrity: 'none' as const })));
      return files.map((file, index) => {
        const inspection = inspections[index];
        return {
          file: file.name,
          at: takenAt(file.name, ctx.timeZone()) ?? new Date(0).toISOString(),
          bytes: file.bytes,
          counts: inspection?.ok ? inspection.counts : null,
          problem: inspection && !inspection.ok ? inspection.reason : null,
        };
      });
    },

    async restore(name: string) {
      const restoreInto = options.restore;
      if (!restoreInto || !existsSync(ctx.db.name)) throw new CallFailure('conflict', 'restore_unavailable');
      const { folder } = store.read().settings;
      if (folderState(folder) === 'unset' || !folder) throw new CallFailure('conflict', 'backup_folder_unset');
      // Only a file of ours, by its name in the folder: never a path elsewhere on the PC.
      const file = join(folder, name);
      if (!isBackupName(name) || !existsSync(file)) throw new CallFailure('not_found', 'backup_not_found');
      if (running) throw new CallFailure('conflict', 'backup_running');
      const [inspection] = await inspectInThread([{ file, integrity: 'full' as const }]);
      if (!inspection?.ok) {
        if (inspection?.reason === 'newer') throw new CallFailure('conflict', 'backup_newer');
        if (inspection?.reason === 'damaged') throw new CallFailure('conflict', 'backup_damaged');
        throw new CallFailure('conflict', 'backup_not_yadocho');
      }
      // Copied beside the database first (the folder may be a slow USB drive or a share that goes away), so
      // the swap itself is two renames.
      const staged = `${ctx.db.name}.restoring`;
      try {
        await copyFile(file, staged);
        await chmod(staged, 0o600);
      } catch (error) {
        await unlink(staged).catch(() => {});
        ctx.logger.error('a backup could not be copied to the data folder', error);
        throw new CallFailure('conflict', 'backup_copy_failed');
      }
      const restored: BackupFile = {
        file: name,
        at: takenAt(name, ctx.timeZone()) ?? new Date(0).toISOString(),
        bytes: (await stat(file)).size,
        counts: inspection.counts,
      };
      const keptAside = asideName(ctx.db.name, ctx.clock(), ctx.timeZone());
      const { nodeId } = await restoreInto(staged, keptAside);
      return { restored, keptAside: basename(keptAside), nodeId };
    },

    /**
     * On quitting: a backup when anything changed since the last good one, stopped after quitBudgetMs. A backup
     * already running (the daily one, 「今すぐ」) is waited for first; it may have started before the last write.
     */
    async beforeClose(): Promise<void> {
      const deadline = performance.now() + settings.quitBudgetMs;
      const within = async (work: Promise<unknown>): Promise<boolean> => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
        });
        const finished = await Promise.race([
          work.then(
            () => true,
            () => true,
          ),
          late,
        ]);
        clearTimeout(timer);
        return finished;
      };
      const stopLate = async (work: Promise<unknown>) => {
        for (const job of ctx.jobs.list()) if (job.kind === 'backup.run') ctx.jobs.cancel(job.job);
        await work.catch(() => {});
        store.update({ lastFailure: { at: new Date(ctx.clock()).toISOString(), reason: 'timed_out' } });
        ctx.logger.warn(`the backup on quitting did not finish within ${settings.quitBudgetMs} ms; stopped`);
      };
      if (running) {
        const current = running;
        if (!(await within(current))) return stopLate(current);
      }
      const state = store.read();
      if (!state.settings.enabled || folderState(state.settings.folder) !== 'ok') return;
      if (state.lastGood && state.lastGoodSeq === ctx.changes.lastSeq()) return;
      const made = run();
      if (!(await within(made))) await stopLate(made);
    },

    close() {
      closed = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

/** yadocho-before-restore-2026-12-03-093012.sqlite beside the database, on the inn's clock; never one in use. */
function asideName(databaseFile: string, now: number, timeZone: string): string {
  const w = wallClock(now, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = pad(new Date(now).getUTCSeconds());
  const stem = basename(databaseFile).replace(/\.sqlite$/, '');
  const base = `${stem}-before-restore-${w.year}-${pad(w.month)}-${pad(w.day)}-${pad(w.hour)}${pad(w.minute)}${seconds}`;
  let candidate = join(dirname(databaseFile), `${base}.sqlite`);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dirname(databaseFile), `${base}-${n}.sqlite`);
  return candidate;
}
