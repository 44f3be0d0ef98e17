import type { Database } from 'better-sqlite3';
import { ROLES_TO_ASSIGN_KEY } from '../../../db/migrations/0008-roles.ts';
import { MANAGING_ROLES, OPERATIONAL_ROLES } from '../../../shared/contract/roles.ts';
import type { ChangeEngine } from '../changes/engine.ts';

// A register from before roles (db/migrations/0008-roles.ts marks it) gets roles the first time the core opens
// it, so that no inn is locked out of its own register: the earliest-created active member becomes owner and
// manager (the one who set the register up), every other member gets the operational roles (front, service,
// kitchen, banquet: what anyone could do before). Written through the write path, as the system (no staff
// member), so that the change log replays them and other PCs receive them; a member who already has roles
// (from another PC that migrated first) keeps them. The owner then adjusts roles and sets PINs.

export function assignMigratedRoles(db: Database, changes: ChangeEngine): void {
  const due = db.prepare('SELECT 1 FROM meta WHERE key = ?').get(ROLES_TO_ASSIGN_KEY);
  if (!due) return;
  changes.transact(null, 'staff.assignRoles', (session) => {
    const members = db
      .prepare(
        `SELECT id, active, roles FROM staff WHERE deleted_at IS NULL
         ORDER BY active DESC, created_at, id`,
      )
      .all() as Array<{ id: string; active: number; roles: string }>;
    const first = members.find((member) => member.active === 1);
    for (const member of members) {
      if (member.roles !== '[]') continue;
      const roles = member === first ? [...MANAGING_ROLES] : [...OPERATIONAL_ROLES];
      session.writeRow('staff', member.id, { roles });
    }
    db.prepare('DELETE FROM meta WHERE key = ?').run(ROLES_TO_ASSIGN_KEY);
  });
}
