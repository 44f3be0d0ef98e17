import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import { rowsWithInsert } from './log.ts';

// What a register must look like after any job, finished, cancelled or crashed: checked through SQL.

export const count = (db: Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** Every reference in the register points at a row that is there, and every guest is whole. */
export function expectConsistent(db: Database) {
  expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  // Each guest was written with its change log and its search rows, in the same transaction.
  expect(rowsWithInsert(db, 'guests')).toBe(count(db, 'SELECT count(*) AS n FROM guests'));
  expect(
    count(
      db,
      `SELECT count(*) AS n FROM guests g WHERE deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM search_term t WHERE t.guest = g.rowid)`,
    ),
  ).toBe(0);
  expect(count(db, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'search_term_shadow'")).toBe(0);
}
