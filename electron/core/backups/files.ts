import { accessSync, constants, readdirSync, type Stats, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFolderState } from '../../../shared/contract/backups.ts';
import { instantInZone, wallClock } from '../../../shared/text/time-zone.ts';

// The backup folder as this feature sees it: the names it gives its files, which files in the folder are its
// own, and which of them to remove once more generations are kept than asked. A folder on a USB drive or a
// NAS share holds other things too: nothing that does not carry one of our names is ever touched.

/** yadocho-2026-12-03-0930.sqlite, with -2, -3 … for a second backup within the same minute. */
const OUR_NAME = /^yadocho-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d{1,3}))?\.sqlite$/;
/** A backup being written: renamed to its name once checked; one left by a crash is removed at the next run. */
const OUR_PARTIAL = /^\.yadocho-\d{4}-\d{2}-\d{2}-\d{4}(?:-\d{1,3})?\.sqlite\.partial$/;

const pad = (n: number) => String(n).padStart(2, '0');

export const isBackupName = (name: string) => OUR_NAME.test(name);
export const partialName = (name: string) => `.${name}.partial`;

/** The name of a backup taken at `instant`, on the inn's clock, not yet used in the folder. */
export function backupName(instant: number, timeZone: string, taken: (name: string) => boolean): string {
  const w = wallClock(instant, timeZone);
  const stem = `yadocho-${w.year}-${pad(w.month)}-${pad(w.day)}-${pad(w.hour)}${pad(w.minute)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.sqlite` : `${stem}-${n}.sqlite`;
    if (!taken(name) && !taken(partialName(name))) return name;
  }
}

/** When a backup of ours was taken, read from its name on the inn's clock (minute precision). */
export function takenAt(name: string, timeZone: string): string | null {
  const match = OUR_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  return new Date(instantInZone(`${year}-${month}-${day}`, `${hour}:${minute}`, timeZone)).toISOString();
}

/** Newest first: the names carry the date and time, in one fixed width, then the minute's number. */
function newestFirst(a: string, b: string): number {
  const key = (name: string) => {
    const match = OUR_NAME.exec(name);
    return `${name.slice(0, 'yadocho-2026-12-03-0930'.length)}-${(match?.[6] ?? '1').padStart(3, '0')}`;
  };
  return key(b).localeCompare(key(a));
}

export function folderState(folder: string | null): BackupFolderState {
  if (!folder) return 'unset';
  let stats: Stats;
  try {
    stats = statSync(folder);
  } catch {
    return 'missing';
  }
  if (!stats.isDirectory()) return 'missing';
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    return 'not_writable';
  }
  return 'ok';
}

export type OurBackup = { name: string; path: string; bytes: number };

/** Our backups in the folder, newest first. */
export function ourBackups(folder: string): OurBackup[] {
  const names = readdirSync(folder).filter(isBackupName).sort(newestFirst);
  const found: OurBackup[] = [];
  for (const name of names) {
    try {
      const stats = statSync(join(folder, name));
      if (stats.isFile()) found.push({ name, path: join(folder, name), bytes: stats.size });
    } catch {
      // removed meanwhile
    }
  }
  return found;
}

/** Removes our backups beyond the newest `keep`, and partial files a crash left; returns the names removed. */
export function prune(folder: string, keep: number, except: string): string[] {
  const removed: string[] = [];
  const backups = ourBackups(folder);
  for (const backup of backups.slice(keep)) {
    if (backup.name === except) continue;
    try {
      unlinkSync(backup.path);
      removed.push(backup.name);
    } catch {
      // a file another program holds open (Windows) goes at the next backup
    }
  }
  for (const name of readdirSync(folder).filter((entry) => OUR_PARTIAL.test(entry))) {
    try {
      unlinkSync(join(folder, name));
      removed.push(name);
    } catch {
      // as above
    }
  }
  return removed;
}

/** Removes a copy of the register or a piece of one (a backup, a snapshot) that may already be gone. */
export function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
