import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { call } from '../api/client.ts';
import { useStaff } from './staff-context.tsx';

// The screen lock of this window: who was working when it locked (kept for the tab's life, so a reload still
// shows the lock screen and their name), and whether the lock screen is what this PC shows now. The core holds
// the lock itself: staff.lock leaves nobody chosen, so every call but choosing a person is refused there too.

const KEY = 'yadocho.lockedFrom';

type Lock = {
  /** Shown instead of every screen: the PC is locked, or PINs are required and nobody is chosen. */
  locked: boolean;
  /** Who was working when the screen locked (null: nobody, or the lock came from elsewhere). */
  lockedFromId: string | null;
  lock(): Promise<void>;
  /** Someone was chosen on the lock screen (perhaps the same person again, so `current` did not change). */
  unlocked(): void;
};

const LockContext = createContext<Lock | null>(null);

export function useLock(): Lock {
  const lock = useContext(LockContext);
  if (!lock) throw new Error('useLock outside LockProvider');
  return lock;
}

function remembered(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(id: string | null): void {
  try {
    if (id === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, id);
  } catch {
    // Storage refused (a private window's quota): the lock still holds, only the name is not remembered.
  }
}

export function LockProvider({ children }: { children: ReactNode }) {
  const staff = useStaff();
  const [lockedFromId, setLockedFromId] = useState<string | null>(remembered);
  const current = staff.data?.currentStaffId ?? null;

  // Someone was chosen since (here, on the lock screen, or in another tab of this PC): the lock is over. Only a
  // change of who is chosen counts: while staff.lock is under way the person locking is still the current one.
  useEffect(() => {
    if (current !== null) {
      remember(null);
      setLockedFromId(null);
    }
  }, [current]);

  const refetch = staff.refetch;
  const lock = useCallback(async () => {
    // The screen locks first, whatever the core answers: a PC left alone must not stay open on a slow reply.
    if (current !== null) {
      remember(current);
      setLockedFromId(current);
    }
    try {
      await call('staff.lock', {});
    } finally {
      refetch();
    }
  }, [current, refetch]);

  const unlocked = useCallback(() => {
    remember(null);
    setLockedFromId(null);
  }, []);

  const data = staff.data;
  const locked =
    data !== undefined && !data.firstRun && (lockedFromId !== null || (data.pinsRequired && current === null));
  return <LockContext.Provider value={{ locked, lockedFromId, lock, unlocked }}>{children}</LockContext.Provider>;
}
