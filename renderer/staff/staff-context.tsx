import { createContext, type ReactNode, useContext } from 'react';
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
