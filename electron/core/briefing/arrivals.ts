import type { Arrivals } from '../../../shared/contract/briefing.ts';
import type { CoreContext } from '../context.ts';

// STUB (issue 3): arrivals of a day with every alert.
export function loadArrivals(_ctx: CoreContext, _date: string, _stayId?: string): Arrivals {
  throw new Error('arrivals.forDate is not implemented yet');
}
