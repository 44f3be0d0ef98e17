import type { Permission } from '../../shared/contract/roles.ts';
import { useStaff } from './staff-context.tsx';

/**
 * Whether the person working at this PC holds a permission (staff.list answers theirs). Screens hide or disable
 * what it does not allow so nobody meets a refusal in the middle of their work; the core still refuses on its
 * own (forbidden_role), which is what protects the records.
 */
export function useCan(): (permission: Permission) => boolean {
  const data = useStaff().data;
  // Nobody chosen (without PINs: with PINs the lock screen shows instead) is not a role's limit: everything
  // stays offered, and what is tried is answered with the core's no_staff, which says to choose someone first.
  if (data && data.currentStaffId === null) return () => true;
  const permissions = data?.permissions;
  return (permission) => permissions?.includes(permission) ?? false;
}
