import type { StaffRow } from '../../../db/schema.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { timeInZone } from '../../../shared/text/time-zone.ts';
import type { Lockout } from '../access/lockout.ts';
import { verifyPin } from '../access/pins.ts';
import type { CoreContext } from '../context.ts';

/**
 * Refuses unless `pin` is the member's PIN: `staff_locked_out` while locked out on this PC (even for the right
 * PIN, or the lockout would not stop guessing), `pin_not_set` when they have none yet, `pin_required` when none
 * was typed, `pin_wrong` with the tries left, then `staff_locked_out` at the last one.
 */
export function checkPin(ctx: CoreContext, lockout: Lockout, staff: StaffRow, pin: string | undefined): void {
  const lockedOut = (until: string) =>
    new CallFailure('forbidden', 'staff_locked_out', undefined, {
      until,
      time: timeInZone(Date.parse(until), ctx.timeZone()),
    });
  const until = lockout.lockedUntil(staff.id);
  if (until) throw lockedOut(until);
  if (staff.pin_hash === null) throw new CallFailure('forbidden', 'pin_not_set');
  if (pin === undefined || pin === '') throw new CallFailure('forbidden', 'pin_required');
  if (verifyPin(pin, staff.pin_hash)) {
    lockout.clear(staff.id);
    return;
  }
  const { attemptsLeft, lockedUntil } = lockout.failed(staff.id);
  if (lockedUntil) throw lockedOut(lockedUntil);
  throw new CallFailure('forbidden', 'pin_wrong', undefined, { attemptsLeft: String(attemptsLeft) });
}
