import { chmodSync, closeSync, existsSync, mkdirSync, openSync, type Stats, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

// The register holds guests' names, phones, addresses and allergies: on a shared PC, other accounts must not
// read it. On POSIX the database folder is 0700 and the database file 0600. SQLite creates its WAL, its
// shared-memory index and a rollback journal with the mode of the main file (verified in
// tests/db/file-modes.test.ts), so a 0600 database keeps its sidecars 0600 whenever they are recreated;
// sidecars left behind by an older version are tightened here. Windows keeps the folder's ACLs: nothing to do.

/** The files SQLite keeps next to a database file. */
export const DATABASE_SIDECARS = ['-wal', '-shm', '-journal'];

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

export type PrivateFileOptions = {
  /**
   * The folder is the app's own data folder (the default): an existing one is tightened to 0700 too.
   * False for a database file the user put in a folder of their choosing (`npm run serve -- --data FILE`):
   * a folder that has to be created is still 0700, but an existing one is left as it is.
   */
  ownFolder?: boolean;
  platform?: NodeJS.Platform;
};

/**
 * Makes the database's folder (0700) and file (0600) before SQLite opens it, and tightens an existing
 * folder, file and sidecars made with wider modes by older versions. Only bits for group and others are
 * removed, and only on files this account owns; nothing is ever widened.
 */
export function preparePrivateDatabase(file: string, options: PrivateFileOptions = {}): void {
  const { ownFolder = true, platform = process.platform } = options;
  const folder = dirname(file);
  const created = mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  if (platform === 'win32') return;

  if (created) {
    // mkdir's mode is filtered by the umask: set it on every folder made here, from the top one down.
    let dir = created;
    chmodSync(dir, FOLDER_MODE);
    for (const part of relative(created, folder).split(sep).filter(Boolean)) {
      dir = join(dir, part);
      chmodSync(dir, FOLDER_MODE);
    }
  } else if (ownFolder) {
    tighten(folder);
  }

  if (!existsSync(file)) {
    try {
      closeSync(openSync(file, 'wx', FILE_MODE)); // SQLite opens an empty file as a new database
      chmodSync(file, FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  tighten(file);
  for (const suffix of DATABASE_SIDECARS) tighten(file + suffix);
}

/** Removes group and other permission bits from a file or folder this account owns. */
function tighten(path: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((stats.mode & 0o077) === 0) return;
  if (process.getuid && stats.uid !== process.getuid()) return;
  // A folder with the sticky bit (/tmp) is shared by design: made private it locks every other account, and
  // the system's own tools, out of it. A database put straight in one keeps its own file private only.
  if (stats.isDirectory() && (stats.mode & 0o1000) !== 0) return;
  chmodSync(path, stats.mode & 0o700);
}
