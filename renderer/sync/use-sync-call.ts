import { useState } from 'react';
import type { CallInput, CallName } from '../../shared/contract/index.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { CallErrorException, call } from '../api/client.ts';
import { notifyError } from '../app/notify.ts';
import { useSync } from './sync-context.tsx';

type SyncCall =
  | 'sync.configure'
  | 'sync.invite'
  | 'sync.join'
  | 'sync.enterCode'
  | 'sync.confirm'
  | 'sync.cancelPairing'
  | 'sync.remove';

/**
 * Runs a sync call for a button: its answer (the status) is shown at once; a failure is shown in words unless
 * `onError` takes it (a form that shows its fields' issues, the join's register_not_empty question). Resolves
 * to the status, or undefined when the call failed.
 */
export function useSyncCall() {
  const { set } = useSync();
  const [busy, setBusy] = useState(false);
  const run = async <N extends SyncCall & CallName>(
    name: N,
    input: CallInput<N>,
    onError?: (error: CallErrorException) => boolean,
  ): Promise<SyncStatus | undefined> => {
    setBusy(true);
    try {
      const status = (await call(name, input)) as SyncStatus;
      set(status);
      return status;
    } catch (error) {
      if (!(error instanceof CallErrorException && onError?.(error))) notifyError(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
