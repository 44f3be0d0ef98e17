import type { CallName } from '../../../shared/contract/index.ts';
import { CALL_ACCESS } from '../../../shared/contract/permissions.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { allows, type Permission } from '../../../shared/contract/roles.ts';
import type { People, Person } from './people.ts';

// The check every call passes before its input is even read (dispatch.ts): the access the call needs
// (shared/contract/permissions.ts) against the roles of the person working at this PC. A refused call runs
// nothing, so it changes nothing, and its answer says which permission was missing, never more.

/** Who a call runs as, once allowed: the person (null before anyone could be chosen) and what they may do. */
export type Grant = {
  person: Person | null;
  /** Whether the person may do what `permission` covers; everything on the first run (nothing to protect). */
  can(permission: Permission): boolean;
};

/** Who makes the call, reads included: a read's actor carries no staffId, but the access check found the person. */
export const personIdOf = (grant: Grant): string | null => grant.person?.id ?? null;

const FIRST_RUN: Grant = { person: null, can: () => true };
const NOBODY: Grant = { person: null, can: () => false };

/** The grant of a call, or a CallFailure: `no_staff` with nobody chosen, `forbidden_role` for a lacking role. */
export function authorize(name: CallName, people: People): Grant {
  const access = CALL_ACCESS[name];
  const person = people.current();
  if (person === null) {
    // A new register has nobody to choose and nothing to protect: its first member is created, or sample data
    // loaded, before anyone is chosen. Afterwards, nobody chosen may do only what the lock screen needs.
    if (people.firstRun()) return FIRST_RUN;
    if (access === 'anyone') return NOBODY;
    throw new CallFailure('no_staff');
  }
  if (!allows(person.roles, access)) {
    throw new CallFailure('forbidden', 'forbidden_role', undefined, { permission: access });
  }
  return { person, can: (permission) => allows(person.roles, permission) };
}
