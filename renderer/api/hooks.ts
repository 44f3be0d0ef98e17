import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, CallInput, CallName, CallOutput } from '../../shared/contract/index.ts';
import { CallErrorException, call, onChanged } from './client.ts';

/** Runs `listener` when a write changed one of `tables`. */
export function useChanged(tables: readonly string[], listener: () => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  const key = tables.join(',');
  useEffect(() => {
    const watched = new Set(key.split(','));
    return onChanged((changed) => {
      if (changed.some((table) => watched.has(table))) latest.current();
    });
  }, [key]);
}

export type Query<T> = {
  data: T | undefined;
  error: CallError | undefined;
  loading: boolean;
  refetch: () => void;
};

export function toCallError(error: unknown): CallError {
  return error instanceof CallErrorException ? error.error : { code: 'internal' };
}

/**
 * Reads with `call(name, input)` and again whenever a write changes one of `tables`.
 * The latest request wins: an answer to an older input or refetch is dropped. `input: null` skips the call.
 * The previous data stays shown while a refetch is under way, so screens do not flicker.
 */
export function useQuery<N extends CallName>(
  name: N,
  input: CallInput<N> | null,
  tables: readonly string[],
): Query<CallOutput<N>> {
  const inputKey = input === null ? null : JSON.stringify(input);
  // `key` is the input the data answers: data for another input is never shown as this input's.
  const [state, setState] = useState<{ key: string | null; data?: CallOutput<N>; error?: CallError; busy: boolean }>({
    key: null,
    busy: false,
  });
  const sequence = useRef(0);

  const fetchNow = useCallback(() => {
    if (inputKey === null) return;
    const mine = ++sequence.current;
    setState((previous) => ({ ...previous, busy: true }));
    call(name, JSON.parse(inputKey) as CallInput<N>).then(
      (data) => {
        if (mine === sequence.current) setState({ key: inputKey, data, busy: false });
      },
      (error: unknown) => {
        if (mine === sequence.current) setState({ key: inputKey, error: toCallError(error), busy: false });
      },
    );
  }, [name, inputKey]);

  useEffect(() => {
    fetchNow();
    return () => {
      sequence.current++; // an answer arriving after unmount or an input change is stale
    };
  }, [fetchNow]);

  useChanged(tables, fetchNow);

  const current = state.key === inputKey && inputKey !== null;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: inputKey !== null && (!current || state.busy),
    refetch: fetchNow,
  };
}
