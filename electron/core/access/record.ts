import type { AccessAction, AccessDetail } from '../../../shared/contract/access-log.ts';
import { stampToIso } from '../changes/hlc.ts';
import type { Actor, ActorBase, CoreContext } from '../context.ts';

// Recording an access (閲覧記録): one insert into access_log through the write path, so it is in the change log
// and syncs like every record, under the person chosen at this PC (or nobody), with this PC's node id and the
// write's HLC time. Entries are never changed or removed (docs/access-log.md).
//
// Reads and writes: most accesses happen in read calls (guests.get, a sheet, an export job), which the
// dispatcher runs without the write lock and without a staff member (electron/core/dispatch.ts). The entry is
// written after the read, in a transaction of its own that takes the lock itself (Actor.recordAside), so the
// read is never held up by a writer and the entry only exists once what it records has happened; called from
// a writing call (a disclosure that writes), it becomes part of that call's transaction and rolls back with it.

export type AccessRecord = {
  action: AccessAction;
  /** The guest it was about; none for a whole day's sheet or an export of many guests. */
  guestId?: string | null;
  detail?: AccessDetail;
  /** When it happened, when the record is written after it (a card's look); the write's own time otherwise. */
  at?: string;
};

/** Records one access; answers the entry's id. For a guests.disclose call: recordAccess(ctx, actor, {...}). */
export function recordAccess(ctx: CoreContext, actor: ActorBase, record: AccessRecord): string {
  const id = ctx.newId();
  actor.recordAside((session, staffId) => {
    session.writeRow('access_log', id, {
      staff_id: staffId,
      guest_id: record.guestId ?? null,
      action: record.action,
      detail: JSON.stringify(record.detail ?? {}),
      node: ctx.nodeId,
      created_at: record.at ?? session.now(),
    });
  });
  return id;
}

/**
 * How long re-opening a card counts as the same look, per person, guest and PC. A manager asks who looked, not
 * how many times a screen drew the card: the card refetches on every change to the guest (each save, a colleague's
 * edit, a companion linked), and is opened again on the way back from a stay or a form. Half an hour covers one
 * conversation at the desk; a card still open later is recorded again, as someone still looking at it.
 */
export const LOOK_WINDOW_MS = 30 * 60 * 1000;

const LATEST_LOOK = `
  SELECT created_at FROM access_log
   WHERE guest_id = ? AND action = 'card_opened' AND node = ? AND staff_id IS ?
   ORDER BY created_at DESC LIMIT 1`;

/**
 * A guest card was shown: recorded unless the same person (or nobody) looked at the same guest from this PC
 * within LOOK_WINDOW_MS. The window is read from the log itself (the guest's own entries, by index), not kept in
 * memory, so it holds across windows, restarts and the core's worker.
 *
 * The card is sent first: the look is checked and recorded right after (after-answer.ts), in the time staff
 * spend reading the card rather than waiting for it. Who looked and when are taken as the card is read, so a
 * record written a moment later says the same; two looks in a row are checked in order, so the window holds.
 */
export function recordCardOpened(ctx: CoreContext, actor: Actor, guestId: string): void {
  const openedAt = ctx.clock();
  const at = stampToIso(ctx.changes.hlc.now());
  actor.afterAnswer((later) => {
    const latest = ctx.run.prepare(LATEST_LOOK).pluck().get(guestId, ctx.nodeId, later.staffId) as string | undefined;
    if (latest !== undefined && openedAt - Date.parse(latest) < LOOK_WINDOW_MS) return;
    recordAccess(ctx, later, { action: 'card_opened', guestId, at });
  });
}
