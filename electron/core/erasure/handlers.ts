import { CallFailure } from '../../../shared/contract/result.ts';
import { derivedId } from '../changes/derived-id.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { findGuestRow } from '../guests/card.ts';
import { erasurePlan } from './plan.ts';

type ErasureCalls = 'guests.erasurePlan' | 'guests.erase';

/** One erasure record per guest, whichever PC writes it (changes/derived-id.ts). */
export const erasureId = (guestId: string) => derivedId('erasure', guestId);

function erasable(ctx: CoreContext, id: string) {
  const row = findGuestRow(ctx, id);
  if (ctx.run.prepare('SELECT 1 FROM erasures WHERE guest_id = ?').get(id)) {
    throw new CallFailure('conflict', 'guest_already_erased');
  }
  // The person is the card this one was merged into: that card (which holds both histories) is erased.
  if (row.merged_into) throw new CallFailure('conflict', 'guest_erase_merged');
  return row;
}

export function erasureHandlers(ctx: CoreContext): Handlers<ErasureCalls> {
  return {
    'guests.erasurePlan': ({ id }) => {
      const { held: _held, ...plan } = erasurePlan(ctx, erasable(ctx, id));
      return plan;
    },

    'guests.erase': ({ id, reason, version }, actor) => {
      const row = erasable(ctx, id);
      if (version !== undefined && ctx.changes.versionOf('guests', id) > version) {
        throw new CallFailure('conflict', 'guest_edited_since');
      }
      const { held, ...plan } = erasurePlan(ctx, row);
      // Cards merged into this one are the same person: their erasure goes with it (no hold: their stays moved).
      const merged = ctx.run.prepare('SELECT id FROM guests WHERE merged_into = ?').pluck().all(id) as string[];
      const erasedAt = actor.write((session) => {
        const now = session.now();
        const record = { reason, requested_by: actor.staffId, released_at: null, created_at: now };
        session.writeRow('erasures', erasureId(id), {
          ...record,
          guest_id: id,
          held: held ? JSON.stringify(held) : null,
          hold_until: plan.holdUntil,
        });
        for (const card of merged) {
          if (ctx.run.prepare('SELECT 1 FROM erasures WHERE guest_id = ?').get(card)) continue;
          session.writeRow('erasures', erasureId(card), { ...record, guest_id: card, held: null, hold_until: null });
        }
        return now;
      });
      return { ...plan, erasedAt };
    },
  };
}
