import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError } from '../../db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index.ts';
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
          "name": "allergies_guest",
          "tbl_name": "allergies",
          "type": "index",
        },
        {
          "name": "banquet_stages_banquet",
          "tbl_name": "banquet_stages",
          "type": "index",
        },
        {
          "name": "banquets_date",
          "tbl_name": "banquets",
          "type": "index",
        },
        {
          "name": "banquets_holds",
          "tbl_name": "banquets",
          "type": "index",
        },
        {
          "name": "banquets_organiser",
          "tbl_name": "banquets",
          "type": "index",
        },
        {
          "name": "banquets_report",
          "tbl_name": "banquets",
          "type": "index",
        },
        {
          "name": "banquets_report_lost",
          "tbl_name": "banquets",
          "type": "index",
        },
        {
          "name": "banquets_report_stage",
          "tbl_name": "banquets",
          "type": "index",
        },
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
          "name": "follow_ups_banquet",
          "tbl_name": "follow_ups",
          "type": "index",
        },
        {
          "name": "follow_ups_due",
          "tbl_name": "follow_ups",
          "type": "index",
        },
        {
          "name": "follow_ups_guest",
          "tbl_name": "follow_ups",
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
          "name": "menu_plans_stay",
          "tbl_name": "menu_plans",
          "type": "index",
        },
        {
          "name": "requests_guest",
          "tbl_name": "requests",
          "type": "index",
        },
        {
          "name": "requests_stay",
          "tbl_name": "requests",
          "type": "index",
        },
        {
          "name": "served_rejected",
          "tbl_name": "served",
          "type": "index",
        },
        {
          "name": "served_stay",
          "tbl_name": "served",
          "type": "index",
        },
        {
          "name": "stay_party_guest",
          "tbl_name": "stay_party",
          "type": "index",
        },
        {
          "name": "stay_party_stay",
          "tbl_name": "stay_party",
          "type": "index",
        },
        {
          "name": "stays_arrival",
          "tbl_name": "stays",
          "type": "index",
        },
        {
          "name": "stays_guest",
          "tbl_name": "stays",
          "type": "index",
        },
        {
          "name": "allergens",
          "tbl_name": "allergens",
          "type": "table",
        },
        {
          "name": "allergies",
          "tbl_name": "allergies",
          "type": "table",
        },
        {
          "name": "banquet_stages",
          "tbl_name": "banquet_stages",
          "type": "table",
        },
        {
          "name": "banquets",
          "tbl_name": "banquets",
          "type": "table",
        },
        {
          "name": "change_log",
          "tbl_name": "change_log",
          "type": "table",
        },
        {
          "name": "courses",
          "tbl_name": "courses",
          "type": "table",
        },
        {
          "name": "dishes",
          "tbl_name": "dishes",
          "type": "table",
        },
        {
          "name": "follow_ups",
          "tbl_name": "follow_ups",
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
          "name": "halls",
          "tbl_name": "halls",
          "type": "table",
        },
        {
          "name": "menu_plans",
          "tbl_name": "menu_plans",
          "type": "table",
        },
        {
          "name": "meta",
          "tbl_name": "meta",
          "type": "table",
        },
        {
          "name": "requests",
          "tbl_name": "requests",
          "type": "table",
        },
        {
          "name": "search_term",
          "tbl_name": "search_term",
          "type": "table",
        },
        {
          "name": "served",
          "tbl_name": "served",
          "type": "table",
        },
        {
          "name": "settings",
          "tbl_name": "settings",
          "type": "table",
        },
        {
          "name": "staff",
          "tbl_name": "staff",
          "type": "table",
        },
        {
          "name": "stay_party",
          "tbl_name": "stay_party",
          "type": "table",
        },
        {
          "name": "stays",
          "tbl_name": "stays",
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

  it('bring a database of the previous release (schema 1, guests only) up to date, keeping its guests', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-db-')), 'y.sqlite');
    const old = new Database(file);
    const [first] = MIGRATIONS;
    old.exec(first?.sql ?? '');
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO guests (id, family_name, family_reading, created_at, updated_at, last_activity_at)
         VALUES ('0190a000-0000-7000-8000-000000000001', '山田', 'やまだ', '2025-01-01', '2025-01-01', 1)`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT family_name FROM guests').all()).toEqual([{ family_name: '山田' }]);
    const classes = db.prepare('SELECT legal_class, count(*) AS n FROM allergens GROUP BY legal_class').all();
    expect(classes).toEqual([
      { legal_class: 'mandatory', n: 8 },
      { legal_class: 'recommended', n: 20 },
    ]);
    db.close();
  });

  it('refuse a database written by a newer version rather than damage it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
  });
});
