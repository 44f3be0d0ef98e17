import type { WriteSession } from '../changes/write.ts';
import type { GeneratedGuest } from './generate.ts';

/**
 * Writes generated guests through the one write path (so they have a change log and search rows like
 * any guest), linking each companion to the guest generated just before it. Yields each guest's id once
 * the guest and its link are written: a caller writing in slices may commit there.
 */
export function* importGuestsStepwise(
  session: WriteSession,
  guests: Iterable<GeneratedGuest>,
): Generator<string, void, void> {
  const ids: string[] = [];
  for (const { companion, ...guest } of guests) {
    const id = session.newId();
    const now = new Date(guest.last_activity_at).toISOString();
    session.writeRow('guests', id, { ...guest, created_at: now, updated_at: now });
    ids.push(id);
    if (companion) {
      const of = ids[companion.of];
      if (of) {
        session.writeRow('guest_links', session.newId(), {
          guest_id: of,
          companion_id: id,
          relationship: companion.relationship,
          created_at: now,
          updated_at: now,
        });
      }
    }
    yield id;
  }
}
