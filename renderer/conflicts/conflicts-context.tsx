import { createContext, type ReactNode, useCallback, useContext } from 'react';
import type { CallOutput } from '../../shared/contract/index.ts';
import { type Query, useQuery } from '../api/hooks.ts';

// The open conflicts and the held changes, read once for the header's count and the conflicts page, so both
// always show the same thing. A write or an apply that changes a conflict announces the `conflicts` table. A
// change kept aside is in no table the core announces, arriving or leaving (an accepted one announces the
// tables it wrote): whoever accepts one refetches, and the page reads both again when it opens.

/** What a change to means a refetch: the conflicts, their decisions, and what is kept aside (log_held). */
export const CONFLICT_TABLES = ['conflicts', 'conflict_decisions', 'log_held'] as const;

export type ConflictsState = {
  /** The open conflicts, as conflicts.list answers them. */
  conflicts: Query<CallOutput<'conflicts.list'>>;
  held: Query<CallOutput<'conflicts.held'>>;
  /** Open conflicts plus held changes: what the header shows while it is not zero. */
  count: number;
  refetch(): void;
};

const ConflictsContext = createContext<ConflictsState | null>(null);

export function useConflicts(): ConflictsState {
  const state = useContext(ConflictsContext);
  if (!state) throw new Error('useConflicts outside ConflictsProvider');
  return state;
}

export function ConflictsProvider({ children }: { children: ReactNode }) {
  const conflicts = useQuery('conflicts.list', {}, CONFLICT_TABLES);
  const held = useQuery('conflicts.held', {}, CONFLICT_TABLES);
  const count = (conflicts.data?.conflicts.length ?? 0) + (held.data?.held.length ?? 0);
  const [refetchList, refetchHeld] = [conflicts.refetch, held.refetch];
  const refetch = useCallback(() => {
    refetchList();
    refetchHeld();
  }, [refetchList, refetchHeld]);
  return <ConflictsContext.Provider value={{ conflicts, held, count, refetch }}>{children}</ConflictsContext.Provider>;
}
