import type { CoreContext, Handlers } from '../context.ts';
import { loadGuestService } from './guest-service.ts';

/** The service side of a guest card: visits and spend, stays, allergies, requests, what was served. */
export function serviceHandlers(ctx: CoreContext): Handlers<'guests.service'> {
  return {
    'guests.service': ({ id }) => loadGuestService(ctx, id),
  };
}
