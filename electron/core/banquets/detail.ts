import type { BanquetDetail } from '../../../shared/contract/banquets.ts';
import type { CoreContext } from '../context.ts';
import { attendeesOf, checkCourseAllergies } from './allergy-check.ts';
import { overlapsOf } from './clashes.ts';
import { allHalls, findBanquetRow, followUpsOfBanquet, timelineOf, toBanquet, today } from './rows.ts';

/**
 * A deal's page: the deal, its timeline, what overlaps it, who attends, the course's allergy check and its
 * follow-ups.
 */
export function loadDetail(ctx: CoreContext, id: string): BanquetDetail {
  const banquet = toBanquet(findBanquetRow(ctx, id), allHalls(ctx));
  const asOf = today(ctx);
  return {
    banquet,
    timeline: timelineOf(ctx, id),
    overlaps: overlapsOf(ctx, banquet, asOf),
    attendees: attendeesOf(ctx, banquet.attendeeIds),
    allergyCheck: checkCourseAllergies(ctx, banquet, asOf),
    followUps: followUpsOfBanquet(ctx, id),
    version: ctx.changes.versionOf('banquets', id),
  };
}
