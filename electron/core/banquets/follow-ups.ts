import { addDays } from '../../../shared/text/dates.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { FOLLOW_UP_VIEW, type FollowUpViewRow, findFollowUp, today, toFollowUp } from './rows.ts';

// Follow-up calls (次回の営業): next year's party, the next memorial service. The sales desk works through the
// open ones as they fall due; a guest's page lists all of theirs.

type FollowUpCalls = 'followUps.list' | 'followUps.setStatus';

/** How far ahead the desk's list looks by default: calls due within two months. */
const DEFAULT_AHEAD_DAYS = 60;
/** Done or cancelled calls pile up over the years; a list of them shows the latest few hundred at most. */
const LIST_LIMIT = 500;

const DUE_BY = `${FOLLOW_UP_VIEW} WHERE f.status = ? AND f.due_date <= ? ORDER BY f.due_date, f.id LIMIT ?`;
const WITH_STATUS = `${FOLLOW_UP_VIEW} WHERE f.status = ? ORDER BY f.due_date DESC, f.id LIMIT ?`;
const OF_GUEST = `${FOLLOW_UP_VIEW} WHERE f.guest_id = ? ORDER BY f.due_date, f.id`;
const OF_GUEST_WITH_STATUS = `${FOLLOW_UP_VIEW} WHERE f.guest_id = ? AND f.status = ? ORDER BY f.due_date, f.id`;

/** The statements of this file, for the query-plan test. */
export const FOLLOW_UP_STATEMENTS = { DUE_BY, WITH_STATUS, OF_GUEST, OF_GUEST_WITH_STATUS };

export function followUpHandlers(ctx: CoreContext): Handlers<FollowUpCalls> {
  return {
    'followUps.list': ({ dueBy, guestId, status }) => {
      let rows: FollowUpViewRow[];
      if (guestId) {
        rows = (
          status ? ctx.run.prepare(OF_GUEST_WITH_STATUS).all(guestId, status) : ctx.run.prepare(OF_GUEST).all(guestId)
        ) as FollowUpViewRow[];
      } else if ((status ?? 'open') === 'open' || dueBy) {
        const until = dueBy ?? addDays(today(ctx), DEFAULT_AHEAD_DAYS);
        rows = ctx.run.prepare(DUE_BY).all(status ?? 'open', until, LIST_LIMIT) as FollowUpViewRow[];
      } else {
        rows = ctx.run.prepare(WITH_STATUS).all(status, LIST_LIMIT) as FollowUpViewRow[];
      }
      return { followUps: rows.map(toFollowUp) };
    },

    'followUps.setStatus': ({ id, status, note }, actor) => {
      const current = findFollowUp(ctx, id);
      actor.write((session) => {
        const now = session.now();
        const done = status === 'open' ? { done_at: null, done_by: null } : { done_at: now, done_by: actor.staffId };
        // The same status again keeps who and when; only a new note is taken.
        const stamp = status === current.status ? {} : done;
        session.writeRow('follow_ups', id, {
          status,
          ...stamp,
          ...(note !== undefined ? { note } : {}),
          updated_at: now,
        });
      });
      return findFollowUp(ctx, id);
    },
  };
}
