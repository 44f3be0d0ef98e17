import { useState } from 'react';
import { call } from '../api/client.ts';
import { errorMessage } from '../app/notify.ts';
import { useStaff } from './staff-context.tsx';

/**
 * Choosing who works at this PC, with their PIN when PINs are required: the switcher's prompt and the lock
 * screen share it. A refusal stays in the form as the core's words: a wrong PIN says how many tries are left, a
 * locked-out person until when (the core says it on the inn's clock).
 */
export function usePinSwitch() {
  const staff = useStaff();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Resolves to whether the person is now the one working at this PC. */
  const choose = async (id: string, pin: string | undefined): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await call('staff.setCurrent', pin === undefined ? { id } : { id, pin });
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
      staff.refetch();
    }
  };

  return { choose, error, busy, clearError: () => setError(null) };
}
