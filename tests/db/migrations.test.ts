import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError } from '../../db/migrate.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('migrations', () => {
  it('build the whole schema from an empty database, in WAL mode', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-db-')), 'y.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // The synced tables and their shape: a snapshot, so a change to them is a deliberate, additive migration.
    expect(schemaOf(db)).toMatchInlineSnapshot(`
      [
        {
          "name": "change_log_hlc",
          "tbl_name": "change_log",
          "type": "index",
        },
        {
          "name": "change_log_row",
          "tbl_name": "change_log",
          "type": "index",
        },
        {
          "name": "guest_links_companion",
          "tbl_name": "guest_links",
          "type": "index",
        },
        {
          "name": "guest_links_guest",
          "tbl_name": "guest_links",
          "type": "index",
        },
        {
          "name": "guests_deleted",
          "tbl_name": "guests",
          "type": "index",
        },
        {
          "name": "change_log",
          "tbl_name": "change_log",
          "type": "table",
        },
        {
          "name": "guest_links",
          "tbl_name": "guest_links",
          "type": "table",
        },
        {
          "name": "guests",
          "tbl_name": "guests",
          "type": "table",
        },
        {
          "name": "meta",
          "tbl_name": "meta",
          "type": "table",
        },
        {
          "name": "search_term",
          "tbl_name": "search_term",
          "type": "table",
        },
        {
          "name": "staff",
          "tbl_name": "staff",
          "type": "table",
        },
      ]
    `);
    db.close();
  });

  it('are idempotent: opening an up-to-date database again changes nothing and keeps the data', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-db-')), 'y.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    const before = schemaOf(first);
    first.close();
    const second = openDatabase(file);
    expect(schemaOf(second)).toEqual(before);
    expect(second.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    second.close();
  });

  it('refuse a database written by a newer version rather than damage it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
  });
});
