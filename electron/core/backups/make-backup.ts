import { chmodSync, closeSync, existsSync, openSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupFailure, BackupFile } from '../../../shared/contract/backups.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { SliceProgress } from '../jobs/runner.ts';
import { backupName, folderState, partialName, prune, removeQuietly } from './files.ts';
import { type CopyOutcome, copyInThread } from './thread.ts';

// One backup, online, while the app keeps working. The copy is SQLite's online backup API (better-sqlite3's
// `db.backup(file, { progress })`), run in a thread of its own with its own connection (backup-thread.ts says
// how it copes with the core writing meanwhile), so the core's thread neither copies pages nor waits on the
// disk: writing gigabytes to a USB drive makes the kernel hold the writer, and that must not be the thread
// that answers searches. The core's thread only hears how far it got and can stop it between two steps.
// `VACUUM INTO` was the other way: it cannot report progress nor stop part way.
//
// The copy is written under a hidden temporary name (.yadocho-….sqlite.partial, created 0600 here before
// SQLite writes into it: it holds the guests' data), made a self-contained file (rollback journal), opened
// read-only for SQLite's integrity check and the counts of guests and stays, and only then renamed to its
// name. Older generations beyond the number kept are removed after (files.ts: only files with our names).

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
  /** Pages per copy step: how often the copy reports and may be stopped (4 KiB pages). */
  stepPages?: number;
};

const DEFAULT_STEP_PAGES = 4096;

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

  if (!existsSync(db.name)) throw new BackupFailed('copy_failed', 'the register is not a file');
  const copy = copyInThread({
    source: db.name,
    dest: temp,
    stepPages: run.stepPages ?? DEFAULT_STEP_PAGES,
    onProgress: (done, total) => run.report({ done, total }),
    signal,
  });
  let outcome: CopyOutcome;
  try {
    outcome = await copy.result;
  } catch (error) {
    // The thread may still be reading the file (a check cannot stop part way): remove it once it is gone. A
    // process that quits first leaves it to the next backup, which removes partial files of ours.
    void copy.ended.then(() => {
      removeQuietly(temp);
      removeQuietly(`${temp}-journal`);
    });
    if (error instanceof CallFailure) throw error;
    throw new BackupFailed('copy_failed', String(error));
  }
  if (!outcome.ok) {
    removeQuietly(temp);
    throw new BackupFailed('copy_failed', outcome.message);
  }
  const checked = outcome.inspection;
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
