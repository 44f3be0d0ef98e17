import { type HallClash, OCCUPYING_STAGES, type Stage } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext } from '../context.ts';
import { allHalls, BANQUETS_ON_DATE, type BanquetViewRow, banquetHallIds, organiserName, toHallClash } from './rows.ts';

// A hall holds one party at a time. A deal on hold (provisional), confirmed or held occupies its halls on its
// date from start to end; a second deal is refused such a hall while the times overlap. Back-to-back parties
// (12:00–14:00, then 14:00–16:00) do not clash: turning a room round is the staff's business. A provisional
// hold whose expiry has passed no longer blocks anyone: that is what the expiry is for.

/** Where and when a deal would be: its id (null for a new one) is left out of the comparison. */
export type Slot = { id: string | null; date: string; startTime: string; endTime: string; hallIds: readonly string[] };

const OCCUPYING: ReadonlySet<string> = new Set(OCCUPYING_STAGES);
const WAITING: ReadonlySet<string> = new Set<Stage>(['inquiry', 'proposal']);

/** Whether a deal holds its halls today: an occupying stage, and a provisional hold not yet lapsed. */
export function holdsHalls(row: { stage: string; hold_expires_on: string | null }, today: string): boolean {
  if (!OCCUPYING.has(row.stage)) return false;
  return !(row.stage === 'provisional' && row.hold_expires_on !== null && row.hold_expires_on < today);
}

/** The other deals of the slot's day sharing a hall at overlapping times, each with the first shared hall. */
function overlapping(ctx: CoreContext, slot: Slot): Array<{ row: BanquetViewRow; hallId: string }> {
  if (slot.hallIds.length === 0) return [];
  const rows = ctx.run.prepare(BANQUETS_ON_DATE).all(slot.date) as BanquetViewRow[];
  return rows.flatMap((row) => {
    if (row.id === slot.id) return [];
    if (!(slot.startTime < row.end_time && row.start_time < slot.endTime)) return [];
    const hallId = banquetHallIds(row).find((id) => slot.hallIds.includes(id));
    return hallId ? [{ row, hallId }] : [];
  });
}

function hallName(ctx: CoreContext, hallId: string): string {
  return allHalls(ctx).get(hallId)?.name ?? '';
}

/** Refuses the slot when a deal holding one of its halls overlaps it, naming that deal. */
export function assertNoClash(ctx: CoreContext, slot: Slot, today: string): void {
  const clash = overlapping(ctx, slot).find(({ row }) => holdsHalls(row, today));
  if (!clash) return;
  const { row } = clash;
  const organiser = organiserName(row);
  // Without a group name the organiser is the name to give, once (hall_clash_organiser).
  throw new CallFailure('conflict', row.group_name ? 'hall_clash' : 'hall_clash_organiser', undefined, {
    hall: hallName(ctx, clash.hallId),
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    group: row.group_name,
    organiser,
    stage: row.stage,
    banquetId: row.id,
  });
}

/**
 * What a deal's page warns about: inquiries and proposals overlapping it on a shared hall (whoever confirms
 * first gets the hall), and, while the deal does not hold its halls itself, the deals that do and that it
 * would clash with when moved on.
 */
export function overlapsOf(
  ctx: CoreContext,
  slot: Slot & { stage: string; holdExpiresOn: string | null },
  today: string,
): HallClash[] {
  const selfHolds = holdsHalls({ stage: slot.stage, hold_expires_on: slot.holdExpiresOn }, today);
  const halls = allHalls(ctx);
  return overlapping(ctx, slot)
    .filter(({ row }) => WAITING.has(row.stage) || (!selfHolds && holdsHalls(row, today)))
    .map(({ row, hallId }) => toHallClash(row, halls.get(hallId)?.name ?? ''));
}
