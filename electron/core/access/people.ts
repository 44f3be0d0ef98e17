import type { Database } from 'better-sqlite3';
import { ROLES, type Role } from '../../../shared/contract/roles.ts';

// Who is working at this PC, with their roles, read on every call (the dispatcher checks each call's access):
// two point lookups through cached statements, a few microseconds.

export const CURRENT_STAFF_KEY = 'current_staff_id';

export type Person = { id: string; roles: Role[]; hasPin: boolean };

/** A stored role list, in ROLES order; codes this version does not know (a newer PC's) are left out. */
export function rolesOf(stored: string | null | undefined): Role[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return ROLES.filter((role) => parsed.includes(role));
}

export type People = {
  /** The person chosen at this PC, or null: nobody chosen, or the one chosen no longer works here. */
  current(): Person | null;
  /** No active member could be chosen (a new register): the first staff.create makes the owner. */
  firstRun(): boolean;
  /** Active members holding the owner role. */
  activeOwners(): string[];
};

export function createPeople(db: Database): People {
  const currentRow = db.prepare(
    `SELECT s.id, s.roles, s.pin_hash FROM meta m JOIN staff s ON s.id = m.value
     WHERE m.key = ? AND s.active = 1 AND s.deleted_at IS NULL`,
  );
  const anyActive = db.prepare('SELECT 1 FROM staff WHERE active = 1 AND deleted_at IS NULL LIMIT 1');
  const owners = db
    .prepare(
      `SELECT id FROM staff WHERE active = 1 AND deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM json_each(staff.roles) WHERE value = 'owner')`,
    )
    .pluck();
  return {
    current() {
      const row = currentRow.get(CURRENT_STAFF_KEY) as
        | { id: string; roles: string; pin_hash: string | null }
        | undefined;
      return row ? { id: row.id, roles: rolesOf(row.roles), hasPin: row.pin_hash !== null } : null;
    },
    firstRun: () => anyActive.get() === undefined,
    activeOwners: () => owners.all() as string[],
  };
}
