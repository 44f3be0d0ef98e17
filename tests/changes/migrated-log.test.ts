import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { makeCore } from '../support/core.ts';
import { everything, searchTerms, syncedTables } from '../support/replica.ts';

// A database of the previous release (schema 3) had the old change_log: one row per field with text ids and
// stamps, nothing for updated_at or last_activity_at, and rows bulk-loaded with no entries at all. Migration 4
// converts the log and gives every row a baseline insert, so that replaying the new log rebuilds it exactly,
// and the guest's history still says who changed what.

const NODE = '0190a000-0000-7000-8000-0000000000aa';
const STAFF = '0190a000-0000-7000-8000-0000000000bb';
const GUEST = '0190a000-0000-7000-8000-000000000001';
const BULK = '0190a000-0000-7000-8000-000000000002';

function schema3Database(file: string) {
  const old = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) old.exec(migration.sql);
  old.pragma('user_version = 3');
  old.prepare("INSERT INTO meta (key, value) VALUES ('node_id', ?)").run(NODE);
  const at = '2025-04-01T09:00:00.000Z';
  old
    .prepare('INSERT INTO staff (id, name, reading, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
    .run(STAFF, '女将 山田', 'やまだ', at, at);
  old
    .prepare(
      `INSERT INTO guests (id, family_name, family_reading, phones, note, created_at, updated_at, last_activity_at)
       VALUES (?, '佐藤', 'さとう', '[]', '窓側', ?, '2025-04-02T10:00:00.000Z', ?)`,
    )
    .run(GUEST, at, Date.parse('2025-04-02T10:00:00.000Z'));
  // A guest loaded in bulk: no log entries at all.
  old
    .prepare(
      `INSERT INTO guests (id, family_name, family_reading, created_at, updated_at, last_activity_at)
       VALUES (?, '鈴木', 'すずき', ?, ?, ?)`,
    )
    .run(BULK, at, at, Date.parse(at));
  const log = old.prepare(
    'INSERT INTO change_log (hlc, node_id, staff_id, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const stamp = (iso: string, counter = 0) =>
    `${String(Date.parse(iso)).padStart(15, '0')}:${String(counter).padStart(5, '0')}`;
  log.run(stamp(at), NODE, null, 'staff', STAFF, 'name', JSON.stringify('女将 山田'));
  for (const [col, value] of [
    ['family_name', '佐藤'],
    ['family_reading', 'さとう'],
    ['note', ''],
  ] as const) {
    log.run(stamp(at, 1), NODE, STAFF, 'guests', GUEST, col, JSON.stringify(value));
  }
  log.run(stamp('2025-04-02T10:00:00.000Z'), NODE, STAFF, 'guests', GUEST, 'note', JSON.stringify('窓側'));
  old.close();
}

it('converts a schema-3 change log and its bulk-loaded rows so that a replay rebuilds them exactly', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'yadocho-log-')), 'y.sqlite');
  schema3Database(file);
  const db = openDatabase(file);
  expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'change_log'").pluck().get()).toBe(0);
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: { info() {}, warn() {}, error() {} } });
  // The register's one member became its owner (migration 8) and is chosen, without a PIN, as before.
  expect(await core.call('staff.setCurrent', { id: STAFF })).toMatchObject({ ok: true });
  // The history still names who changed the note, from what to what; the baseline adds no change to it.
  type Row = {
    at: string;
    staffName: string | null;
    change: { kind: string; field?: string; from?: unknown; to?: unknown };
  };
  const history = (await core.call('guests.history', { id: GUEST })) as { ok: true; value: { rows: Row[] } };
  const notes = history.value.rows.filter((row) => row.change.kind === 'guestField' && row.change.field === 'note');
  expect(notes[0]).toMatchObject({
    staffName: '女将 山田',
    at: '2025-04-02T10:00:00.000Z',
    change: { from: '', to: '窓側' },
  });
  expect(notes.filter((row) => row.change.to === '窓側')).toHaveLength(1);

  const replica = makeCore();
  const report = replica.core.changes.apply(everything(core));
  expect(report.refused).toEqual([]);
  expect(syncedTables(replica.db)).toEqual(syncedTables(db));
  // The roles the migration gave travel in the log like any edit.
  expect(replica.db.prepare('SELECT roles FROM staff').pluck().all()).toEqual(['["owner","manager"]']);
  expect(searchTerms(replica.db).length).toBeGreaterThan(0);
  expect(replica.db.prepare('SELECT family_name FROM guests ORDER BY id').pluck().all()).toEqual(['佐藤', '鈴木']);
  core.close();
  db.close();
});
