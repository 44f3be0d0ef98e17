import type { CallOutput } from '../../shared/contract/index.ts';
import { type Query, useQuery } from '../api/hooks.ts';

// Every table the service side of a guest card is made of: a write to any of them refreshes it.
export const SERVICE_TABLES = [
  'stays',
  'stay_party',
  'allergies',
  'allergens',
  'requests',
  'served',
  'dishes',
  'staff',
  'guests',
] as const;

export type GuestServiceData = CallOutput<'guests.service'>;

export function useGuestService(guestId: string): Query<GuestServiceData> {
  return useQuery('guests.service', { id: guestId }, SERVICE_TABLES);
}
