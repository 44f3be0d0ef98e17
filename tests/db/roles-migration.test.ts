import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { tableSpec } from '../../db/log/registry.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import type { CallOutput } from '../../shared/contract/index.ts';

// A register of the release before roles (schema 7) opened by this one: nobody is locked out. The member who
// set it up (the earliest created of those still working) becomes owner and manager, everyone else gets the
// day-to-day roles, PINs stay off until the owner turns them on, and the roles are in the change log (so
// other PCs and a replay get them too).

const at = (day: string) => `2025-${day}T09:00:00.000Z`;
const MEMBERS = [
  // Created first but no longer working here: not the owner.
  { id: '0190a000-0000-7000-8000-0000000000a1', name: '先代 山田', active: 0, created: at('01-05') },
  { id: '0190a000-0000-7000-8000-0000000000a2', name: '女将 山田', active: 1, created: at('02-01') },
  { id: '0190a000-0000-7000-8000-0000000000a3', name: '仲居 田中', active: 1, created: at('03-01') },
];

function schema7Register(file: string) {
  const old = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= 7)) {
    old.exec(migration.sql);
    migration.run?.(old);
  }
  old.pragma('user_version = 7');
  const insert = old.prepare(
    'INSERT INTO staff (id, name, reading, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const member of MEMBERS) insert.run(member.id, member.name, '', member.active, member.created, member.created);
  old.close();
}

it('gives an existing register an owner and the others their day-to-day roles, through the log, PINs off', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'yadocho-roles-')), 'y.sqlite');
  schema7Register(file);
  const db = openDatabase(file);
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: { info() {}, warn() {}, error() {} } });
  const staffList = async (input: object) => {
    const result = await core.call('staff.list', input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result as { value: CallOutput<'staff.list'> };
  };
  const list = await staffList({ includeInactive: true });
  const roles = Object.fromEntries(list.value.staff.map((member) => [member.name, member.roles]));
  expect(roles).toEqual({
    '女将 山田': ['owner', 'manager'],
    '仲居 田中': ['front', 'service', 'kitchen', 'banquet'],
    '先代 山田': ['front', 'service', 'kitchen', 'banquet'],
  });
  expect(list.value.pinsRequired).toBe(false);
  expect(list.value.staff.every((member) => !member.hasPin)).toBe(true);
  // The owner is chosen without a PIN, as before, and may manage staff and settings.
  expect(await core.call('staff.setCurrent', { id: MEMBERS[1]?.id })).toMatchObject({ ok: true });
  expect((await staffList({})).value.permissions).toContain('staff.manage');
  // One logged roles entry per member, written by the system (no staff member).
  const rolesColumn = tableSpec('staff').columns.find((column) => column.name === 'roles')?.id;
  const logged = db
    .prepare('SELECT count(*) FROM log_entry WHERE tbl = ? AND col = ?')
    .pluck()
    .get(tableSpec('staff').id, rolesColumn);
  expect(logged).toBe(3);
  core.close();
  db.close();
  // Opened again: nothing is assigned twice.
  const again = openDatabase(file);
  const second = createCore({ db: again, nodeId: openNodeIdentity(again).nodeId, logger: console });
  const count = again.prepare('SELECT count(*) FROM log_entry WHERE tbl = ? AND col = ?').pluck();
  expect(count.get(tableSpec('staff').id, rolesColumn)).toBe(3);
  second.close();
  again.close();
});
