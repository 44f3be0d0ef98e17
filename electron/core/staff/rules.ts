import { CallFailure } from '../../../shared/contract/result.ts';
import type { Role } from '../../../shared/contract/roles.ts';
import type { Grant } from '../access/check.ts';

// The staff rules finer than a call's permission (docs/roles.md): only an owner makes someone owner or changes
// an owner; nobody adds roles to themselves (a manager cannot make themselves owner); the last active owner
// stays owner and active, so the register always has someone who can manage it.

const isOwner = (grant: Grant) => grant.person === null || grant.person.roles.includes('owner');

export function checkRoleChange(
  grant: Grant,
  change: {
    /** The member changed, or null for a new member. */
    target: { id: string; active: boolean } | null;
    from: readonly Role[];
    to: readonly Role[];
    /** Whether the member stays active after the change (true for a new one). */
    stillActive?: boolean;
    activeOwners: readonly string[];
  },
): void {
  const { target, from, to } = change;
  const rolesChange = from.length !== to.length || from.some((role) => !to.includes(role));
  const activeChange = target !== null && change.stillActive !== undefined && change.stillActive !== target.active;
  if (!rolesChange && !activeChange) return;
  const touchesOwner = (to.includes('owner') && !from.includes('owner')) || from.includes('owner');
  if (touchesOwner && !isOwner(grant)) throw new CallFailure('forbidden', 'owner_only');
  const self = target !== null && grant.person?.id === target.id;
  if (self && !isOwner(grant) && to.some((role) => !from.includes(role))) {
    throw new CallFailure('forbidden', 'roles_not_held');
  }
  const staysActiveOwner = to.includes('owner') && (change.stillActive ?? true);
  const ownerLeaves = target?.active && from.includes('owner') && !staysActiveOwner;
  if (ownerLeaves && change.activeOwners.every((id) => id === target.id)) {
    throw new CallFailure('forbidden', 'last_owner');
  }
}

/** Whose PIN the person may set: their own; anyone's with staff.manage, an owner's only as an owner. */
export function checkPinChange(grant: Grant, change: { own: boolean; targetRoles: readonly Role[] }): void {
  if (change.own) return;
  if (!grant.can('staff.manage')) {
    throw new CallFailure('forbidden', 'forbidden_role', undefined, { permission: 'staff.manage' });
  }
  if (change.targetRoles.includes('owner') && !isOwner(grant)) throw new CallFailure('forbidden', 'owner_only');
}
