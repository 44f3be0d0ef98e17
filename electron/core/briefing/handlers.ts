import type { CoreContext, Handlers } from '../context.ts';
import { loadArrivals } from './arrivals.ts';
import { loadGuestService } from './guest-service.ts';

type BriefingCalls = 'guests.service' | 'arrivals.forDate';

export function briefingHandlers(ctx: CoreContext): Handlers<BriefingCalls> {
  return {
    'guests.service': ({ id }) => loadGuestService(ctx, id),
    'arrivals.forDate': ({ date, stayId }) => loadArrivals(ctx, date, stayId),
  };
}
