import type { Database } from 'better-sqlite3';
import { PIN_LOCK_MINUTES, PIN_MAX_ATTEMPTS } from '../../../shared/contract/roles.ts';

// Wrong PINs on this PC (the local table staff_pin_attempts): after PIN_MAX_ATTEMPTS in a row the person is
// locked out here for PIN_LOCK_MINUTES. The right PIN, a lockout that ran out, or a manager setting a new PIN
// starts the count again. Kept per PC on purpose: the guessing happens at one PC.

export type Lockout = {
  /** Until when the member is locked out on this PC (ISO), or null. */
  lockedUntil(staffId: string): string | null;
  /** Counts a wrong PIN: how many tries are left, and until when they are locked out if none. */
  failed(staffId: string): { attemptsLeft: number; lockedUntil: string | null };
  clear(staffId: string): void;
};

export function createLockout(db: Database, clock: () => number): Lockout {
  const read = db.prepare('SELECT failures, locked_until FROM staff_pin_attempts WHERE staff_id = ?');
  const write = db.prepare(
    `INSERT INTO staff_pin_attempts (staff_id, failures, locked_until) VALUES (?, ?, ?)
     ON CONFLICT (staff_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
  );
  const remove = db.prepare('DELETE FROM staff_pin_attempts WHERE staff_id = ?');
  const stateOf = (staffId: string) => {
    const row = read.get(staffId) as { failures: number; locked_until: string | null } | undefined;
    if (!row) return { failures: 0, lockedUntil: null };
    // A lockout that ran out starts the count again.
    if (row.locked_until !== null && Date.parse(row.locked_until) <= clock()) return { failures: 0, lockedUntil: null };
    return { failures: row.failures, lockedUntil: row.locked_until };
  };
  return {
    lockedUntil: (staffId) => stateOf(staffId).lockedUntil,
    failed(staffId) {
      const failures = stateOf(staffId).failures + 1;
      const lockedUntil =
        failures >= PIN_MAX_ATTEMPTS ? new Date(clock() + PIN_LOCK_MINUTES * 60_000).toISOString() : null;
      // A wrong PIN inside a write (staff.setPin's current PIN) is refused, and the refusal rolls the write
      // back: the count is saved once that transaction is over, or the guess would not count.
      const save = () => write.run(staffId, failures, lockedUntil);
      if (db.inTransaction) queueMicrotask(save);
      else save();
      return { attemptsLeft: Math.max(0, PIN_MAX_ATTEMPTS - failures), lockedUntil };
    },
    clear(staffId) {
      remove.run(staffId);
    },
  };
}
