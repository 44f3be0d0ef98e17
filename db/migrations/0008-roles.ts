import type { Migration } from './migration.ts';

// Roles and PINs (docs/roles.md, electron/core/access/).
//
// staff.roles (synced, a list column): the member's role codes as a JSON array (shared/contract/roles.ts).
// Concurrent changes on two PCs merge as lists do (an added role stays).
// staff.pin_hash (synced): the PIN as a salted scrypt hash (access/pins.ts), so a person's PIN works on every PC
// of the inn; null without a PIN. The PIN itself is never stored or logged.
// staff_pin_attempts (local, never synced): wrong PINs in a row per member on this PC and the end of a lockout.
// A lockout is about the PC someone is guessing at; syncing it would let one PC lock a person out everywhere.
//
// Existing registers keep working: their members get roles when the core first opens the migrated register,
// through the write path so that the roles are in the change log like any edit (access/assign-roles.ts):
// the earliest-created active member becomes owner and manager, the others the operational roles. This
// migration only marks that the assignment is due. PINs stay off (the pinsRequired setting's default) until
// the owner sets PINs and turns them on.

export const ROLES_TO_ASSIGN_KEY = 'roles_to_assign';

export const roles: Migration = {
  version: 8,
  name: 'roles',
  sql: `
    ALTER TABLE staff ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE staff ADD COLUMN pin_hash TEXT;

    CREATE TABLE staff_pin_attempts (
      staff_id TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      locked_until TEXT
    ) STRICT, WITHOUT ROWID;
  `,
  run(db) {
    const anyStaff = db.prepare('SELECT 1 FROM staff LIMIT 1').get();
    if (anyStaff) db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(ROLES_TO_ASSIGN_KEY, '1');
  },
};
