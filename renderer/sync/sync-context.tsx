import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { CallError } from '../../shared/contract/index.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { call, onChanged } from '../api/client.ts';
import { toCallError } from '../api/hooks.ts';
import { useMayCall } from '../staff/permissions.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { pairingUnderWay } from './sync-words.ts';

// This PC's sync status, read once for the header's indicator and the 「PC・同期」 screen so both always say
// the same. Sync's state is no table, so no `changed` event announces it: it is read every few seconds, every
// second while a pairing is under way (the code, the other PC's answer), a second after a write (a change to
// send), and every sync call's answer (each returns the status) replaces it at once. An answer equal to the
// one shown changes nothing on screen.

const SLOW_MS = 3_000;
const FAST_MS = 1_000;
/**
 * How long after a write the status is read again. Not at once: opening a card is a write (its access
 * record), and a read of the status with the redraw it caused, in the same moment as the card's own calls,
 * doubled the card's time on a two-core PC; while sync catches up, writes come several times a second.
 */
const AFTER_WRITE_MS = 1_000;

const sameStatus = (a: SyncStatus | undefined, b: SyncStatus) => JSON.stringify(a) === JSON.stringify(b);

export type SyncState = {
  status: SyncStatus | undefined;
  error: CallError | undefined;
  refetch(): void;
  /** A sync call's answer: the status as it is now. */
  set(status: SyncStatus): void;
};

const SyncContext = createContext<SyncState | null>(null);

export function useSync(): SyncState {
  const state = useContext(SyncContext);
  if (!state) throw new Error('useSync outside SyncProvider');
  return state;
}

export function SyncProvider({ children }: { children: ReactNode }) {
  const may = useMayCall();
  const staff = useStaff().data;
  // Nobody chosen (the lock screen, the first run): the core would answer no_staff; nothing to read.
  const reads = !!staff && staff.currentStaffId !== null && may('sync.status');
  const [state, setState] = useState<{ status?: SyncStatus; error?: CallError }>({});
  const sequence = useRef(0);

  const refetch = useCallback(() => {
    if (!reads) return;
    const mine = ++sequence.current;
    call('sync.status', {}).then(
      (status) => {
        if (mine !== sequence.current) return;
        setState((previous) => (!previous.error && sameStatus(previous.status, status) ? previous : { status }));
      },
      (error: unknown) => {
        if (mine === sequence.current) setState((previous) => ({ ...previous, error: toCallError(error) }));
      },
    );
  }, [reads]);

  const set = useCallback((status: SyncStatus) => {
    sequence.current++; // an older read under way must not replace this answer
    setState({ status });
  }, []);

  const fast = pairingUnderWay(state.status?.pairing);
  useEffect(() => {
    if (!reads) {
      setState({});
      return;
    }
    refetch();
    const timer = setInterval(refetch, fast ? FAST_MS : SLOW_MS);
    return () => clearInterval(timer);
  }, [reads, fast, refetch]);

  // A write here is a change to send: the peers' counts move. One read for every write of that second.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onChanged(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        refetch();
      }, AFTER_WRITE_MS);
    });
    return () => {
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [refetch]);

  return (
    <SyncContext.Provider value={{ status: state.status, error: state.error, refetch, set }}>
      {children}
    </SyncContext.Provider>
  );
}
