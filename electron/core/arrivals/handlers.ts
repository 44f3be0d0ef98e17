import type { CoreContext, Handlers } from '../context.ts';
import { loadArrivals } from './arrivals.ts';

/** Today's arrivals (本日の到着), for any date. */
export function arrivalHandlers(ctx: CoreContext): Handlers<'arrivals.forDate'> {
  return {
    'arrivals.forDate': ({ date, stayId }) => loadArrivals(ctx, date, stayId),
  };
}
