import Database from 'better-sqlite3';
import { type DatabaseLock, type LockOptions, lockDatabase } from './lock.ts';
import { migrate } from './migrate.ts';
import { type PrivateFileOptions, preparePrivateDatabase } from './private-files.ts';

export type OpenOptions = Pick<PrivateFileOptions, 'ownFolder'>;

/**
 * Opens (creating if needed) the SQLite database of this PC and brings its schema up to date.
 * On POSIX its folder is 0700 and the file and its -wal/-shm 0600, tightened if an older version made them
 * wider (db/private-files.ts). WAL lets screens read while a write commits; synchronous=NORMAL is durable
 * across app crashes in WAL mode and keeps each write to one fsync at checkpoint time. The automatic
 * checkpoint stays on here (a connection without a core still keeps its WAL bounded); the core turns it off on
 * its own connection and checkpoints when idle instead (electron/core/checkpoint.ts).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  if (file !== ':memory:' && file !== '') preparePrivateDatabase(file, options);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536'); // 64 MiB page cache: the search index stays warm
  migrate(db);
  return db;
}

/**
 * The launchers' open (the desktop app, `npm run serve`): takes the file's lock first (db/lock.ts), so a second
 * process is refused with DatabaseLocked before it migrates or writes anything, then opens the file.
 */
export function openLockedDatabase(
  file: string,
  options: OpenOptions & { lock: LockOptions },
): { db: Database.Database; lock: DatabaseLock } {
  preparePrivateDatabase(file, options); // the folder the lock file goes in
  const lock = lockDatabase(file, options.lock);
  try {
    return { db: openDatabase(file, options), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
