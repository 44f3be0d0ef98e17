import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { findGuestRow, usableGuestRow } from '../guests/card.ts';
import { findStayRow, partyGuestIds } from '../stays/rows.ts';
import { findRequestRow, requestsOfGuest, toRequest } from './rows.ts';

type RequestCalls = 'requests.record' | 'requests.setStatus' | 'requests.forGuest';

/** How many handled requests a guest's list shows after the open ones. */
export const HANDLED_SHOWN = 20;

export function requestHandlers(ctx: CoreContext): Handlers<RequestCalls> {
  return {
    'requests.record': ({ guestId, stayId, standing, category, text }, actor) => {
      usableGuestRow(ctx, guestId);
      if (stayId) {
        findStayRow(ctx, stayId);
        const party = partyGuestIds(ctx, [stayId]).get(stayId) ?? [];
        if (!party.includes(guestId)) throw new CallFailure('conflict', 'stay_not_of_guest');
      }
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('requests', id, {
          guest_id: guestId,
          stay_id: stayId ?? null,
          standing: standing ?? false,
          category,
          text,
          status: 'open',
          taken_by: actor.staffId,
          created_at: now,
          updated_at: now,
        });
      });
      return toRequest(findRequestRow(ctx, id));
    },

    'requests.setStatus': ({ id, status }, actor) => {
      const row = findRequestRow(ctx, id);
      // The same status again changes nothing (not even who handled it).
      if (row.status === status) return toRequest(row);
      actor.write((session) => {
        const now = session.now();
        const handled =
          status === 'open' ? { handled_at: null, handled_by: null } : { handled_at: now, handled_by: actor.staffId };
        session.writeRow('requests', id, { status, ...handled, updated_at: now });
      });
      return toRequest(findRequestRow(ctx, id));
    },

    'requests.forGuest': ({ guestId }) => {
      findGuestRow(ctx, guestId);
      return { requests: requestsOfGuest(ctx, guestId, HANDLED_SHOWN) };
    },
  };
}
