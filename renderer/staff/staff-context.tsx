import { createContext, Fragment, type ReactNode, useContext, useRef } from 'react';
import type { CallOutput } from '../../shared/contract/index.ts';
import { type Query, useQuery } from '../api/hooks.ts';

// Who works here and who is working at this PC, read once for the header, the first-run panel and the manager.
// Choosing who is at this PC (staff.setCurrent) writes no table, so whoever calls it refetches.

type StaffQuery = Query<CallOutput<'staff.list'>>;

const StaffContext = createContext<StaffQuery | null>(null);

export function useStaff(): StaffQuery {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff outside StaffProvider');
  return staff;
}

export function StaffProvider({ children }: { children: ReactNode }) {
  const query = useQuery('staff.list', { includeInactive: true }, ['staff']);
  return <StaffContext.Provider value={query}>{children}</StaffContext.Provider>;
}

/**
 * Everything below is built afresh when another person is chosen at this PC: what a screen read under the last
 * person's roles (a phone number, search hits, a report) must not stay on screen for the next one, and no
 * refetch event comes for it (choosing a person writes no table). Nobody chosen (a lock, a deactivation) keeps
 * the screens as they are: the lock screen covers them, and a dialog open at the time stays open.
 */
export function PerPerson({ children }: { children: ReactNode }) {
  const current = useStaff().data?.currentStaffId ?? null;
  const person = useRef<string | null>(null);
  if (current !== null) person.current = current;
  return <Fragment key={person.current ?? 'nobody'}>{children}</Fragment>;
}
