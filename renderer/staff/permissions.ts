import type { CallName } from '../../shared/contract/index.ts';
import { mayCall } from '../../shared/contract/permissions.ts';
import type { Permission } from '../../shared/contract/roles.ts';
import { useStaff } from './staff-context.tsx';

// What the person working at this PC may do (staff.list answers their permissions). Screens hide or disable what
// it does not allow so nobody meets a refusal in the middle of their work; the core still refuses on its own
// (forbidden_role), which is what protects the records.
//
// Nobody chosen (without PINs: with PINs the lock screen shows instead) is not a role's limit: everything stays
// offered, and what is tried is answered with the core's no_staff, which says to choose someone first.

/** Whether the person holds a permission (for what is not a call: seeing contact details on a card). */
export function useCan(): (permission: Permission) => boolean {
  const data = useStaff().data;
  if (data && data.currentStaffId === null) return () => true;
  const permissions = data?.permissions;
  return (permission) => permissions?.includes(permission) ?? false;
}

/** Whether the core would let the person make a call (the access table, shared/contract/permissions.ts). */
export function useMayCall(): (name: CallName) => boolean {
  const data = useStaff().data;
  if (data && data.currentStaffId === null) return () => true;
  const permissions = data?.permissions ?? [];
  return (name) => mayCall(permissions, name);
}
