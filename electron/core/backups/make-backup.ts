import { chmodSync, closeSync, existsSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupFailure, BackupFile } from '../../../shared/contract/backups.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { SliceProgress } from '../jobs/runner.ts';
import { backupName, folderState, partialName, prune } from './files.ts';
import { inspectInThread } from './inspector.ts';

// One backup, online, while the app keeps working. SQLite's backup API through better-sqlite3's
// `db.backup(file, { progress })` copies the database page by page in steps, each step scheduled with
// setImmediate, so calls that arrive meanwhile (a search keystroke) are answered between two steps. It runs on
// the core's own connection: a write the core commits during the copy is carried into the copy by SQLite
// itself (a write through another connection would restart it), so the backup finishes however busy the desk
// is, and it is the register as it was at the end of the copy. The step's size adapts to take about `stepMs`.
// `VACUUM INTO` was the other way: it cannot report progress nor stop part way, and run on the core's thread
// it would hold it for the whole copy.
//
// The copy is written under a hidden temporary name (.yadocho-….sqlite.partial, 0600: it holds the guests'
// data), made a self-contained file (rollback journal), opened read-only in a thread of its own for SQLite's
// integrity check and the counts of guests and stays (inspector.ts), and only then renamed to its name. Older
// generations beyond the number kept are removed after (files.ts: only files with our names).

export class BackupFailed extends Error {
  readonly reason: BackupFailure;
  constructor(reason: BackupFailure, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
  }
}

export type BackupRun = {
  db: Database;
  folder: string | null;
  keep: number;
  timeZone: string;
  /** When it is taken: names the file on the inn's clock. */
  now: number;
  report(progress: SliceProgress): void;
  signal: AbortSignal;
  /** About how long one copy step may hold the core's thread, in ms. */
  stepMs?: number;
};

const DEFAULT_STEP_MS = 3;
const MIN_PAGES = 16;
const MAX_PAGES = 65_536;

class Stopped extends Error {}

const removeQuietly = (file: string) => {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
};

export async function makeBackup(run: BackupRun): Promise<BackupFile> {
  const { db, folder, signal } = run;
  const state = folderState(folder);
  if (state !== 'ok' || !folder) {
    throw new BackupFailed(
      state === 'unset' ? 'folder_unset' : state === 'missing' ? 'folder_missing' : 'folder_not_writable',
    );
  }
  const name = backupName(run.now, run.timeZone, (candidate) => existsSync(join(folder, candidate)));
  const temp = join(folder, partialName(name));
  const final = join(folder, name);
  try {
    // Made here, owner-only, before SQLite writes into it: the guests' data is never readable by others.
    closeSync(openSync(temp, 'wx', 0o600));
    chmodSync(temp, 0o600);
  } catch (error) {
    throw new BackupFailed('folder_not_writable', String(error));
  }

  const stepMs = run.stepMs ?? DEFAULT_STEP_MS;
  let pages = 64;
  let stepStarted = performance.now();
  try {
    await db.backup(temp, {
      progress({ totalPages, remainingPages }) {
        if (signal.aborted) throw new Stopped();
        // The time since the last step includes the turn in between: the step shrinks when calls are waiting.
        const took = Math.max(0.05, performance.now() - stepStarted);
        pages = Math.round(Math.min(MAX_PAGES, Math.max(MIN_PAGES, Math.min(pages * 2, (pages * stepMs) / took))));
        run.report({ done: totalPages - remainingPages, total: totalPages });
        stepStarted = performance.now();
        return pages;
      },
    });
  } catch (error) {
    removeQuietly(temp);
    if (signal.aborted || error instanceof Stopped) throw new CallFailure('cancelled');
    throw new BackupFailed('copy_failed', String(error));
  }

  const inspection = inspectInThread([{ file: temp, integrity: true, seal: true }], signal);
  let checked: Awaited<typeof inspection.result>[number];
  try {
    [checked] = (await inspection.result) as [typeof checked];
  } catch (error) {
    await inspection.ended;
    removeQuietly(temp);
    removeQuietly(`${temp}-journal`);
    if (signal.aborted) throw new CallFailure('cancelled');
    throw new BackupFailed('check_failed', String(error));
  }
  if (!checked.ok) {
    removeQuietly(temp);
    throw new BackupFailed('check_failed', `${checked.reason} ${checked.detail ?? ''}`);
  }
  if (signal.aborted) {
    removeQuietly(temp);
    throw new CallFailure('cancelled');
  }
  renameSync(temp, final);
  prune(folder, run.keep, name);
  return {
    file: name,
    at: new Date(run.now).toISOString(),
    bytes: statSync(final).size,
    counts: checked.counts,
  };
}
