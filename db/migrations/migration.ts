import type { Database } from 'better-sqlite3';

export type Migration = {
  /** Applied in order; PRAGMA user_version holds the last one applied. */
  version: number;
  name: string;
  sql: string;
  /** Data conversion that SQL alone cannot do, run after `sql` in the same transaction. */
  run?: (db: Database) => void;
};
