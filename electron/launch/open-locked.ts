import { type DatabaseLock, DatabaseLocked, type LockOptions, lockDatabase } from '../../db/lock.ts';
import type { OpenOptions } from '../../db/open.ts';
import { preparePrivateDatabase } from '../../db/private-files.ts';
import { databaseLockedMessage, databaseLockedTitle, type MessageLanguage } from '../../shared/i18n/lock-messages.ts';
import { launcherLanguage } from './messages.ts';

// How the two launchers (the desktop app, `npm run serve`) open the database: holding its lock, and, when
// another program holds it, with a refusal that names that program in the system's language.

/** Title and text of the refusal, or undefined when the error is not a refusal of the lock. */
export function lockRefusal(
  error: unknown,
  databaseFile: string,
  language: MessageLanguage = launcherLanguage(),
): { title: string; message: string } | undefined {
  if (!(error instanceof DatabaseLocked)) return undefined;
  const facts = { holder: error.holder, lockFile: error.lockFile, databaseFile, foreignHost: error.foreignHost };
  return { title: databaseLockedTitle(language), message: databaseLockedMessage(facts, language) };
}

/** Exit code of a launcher refused because another program holds the database. */
export const LOCKED_EXIT_CODE = 3;

/**
 * For a terminal launcher whose core opens the file in its worker: takes the file's lock here, in the
 * launcher's process, or prints the refusal and exits. The folder is prepared first (the lock lives beside
 * the file).
 */
export function lockOrExit(databaseFile: string, options: OpenOptions & { lock: LockOptions }): DatabaseLock {
  try {
    preparePrivateDatabase(databaseFile, options);
    return lockDatabase(databaseFile, options.lock);
  } catch (error) {
    const refusal = lockRefusal(error, databaseFile);
    if (!refusal) throw error;
    console.error(`${refusal.title}\n${refusal.message}`);
    process.exit(LOCKED_EXIT_CODE);
  }
}
