import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';

export class NewerDatabaseError extends Error {}

/**
 * Brings the schema up to date. Each migration runs in its own transaction together with the
 * user_version bump, so a failure leaves the database at the previous version, never half-migrated.
 */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new NewerDatabaseError(
      `database schema ${current} is newer than this version of Yadocho understands (${latest}); update the app`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
