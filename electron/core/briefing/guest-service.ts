import type { GuestService } from '../../../shared/contract/briefing.ts';
import type { CoreContext } from '../context.ts';

// STUB (issue 3): the service side of a guest card.
export function loadGuestService(_ctx: CoreContext, _guestId: string): GuestService {
  throw new Error('guests.service is not implemented yet');
}
