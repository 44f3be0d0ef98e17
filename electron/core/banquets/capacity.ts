import type { Layout } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext } from '../context.ts';
import { allHalls } from './rows.ts';

// Whether a party fits the halls chosen for it: every hall is on record and offered in the layout, several
// halls can be opened into one (each pair combinable), and the headcount is within their combined capacity
// for that layout. An inquiry for 300 in a 40-seat room is wrong input at any stage, so this runs on every
// create and update that touches halls, layout or headcount.

export function checkHallsFit(
  ctx: CoreContext,
  plan: { hallIds: readonly string[]; layout: Layout; headcount: number },
  /** Halls the deal already had: a hall withdrawn since may stay on it, but is not chosen anew. */
  alreadyChosen: readonly string[] = [],
): void {
  if (plan.hallIds.length === 0) return;
  const halls = allHalls(ctx);
  const chosen = plan.hallIds.map((id) => {
    const hall = halls.get(id);
    if (!hall) throw new CallFailure('not_found', 'hall_not_found');
    if (hall.deletedAt && !alreadyChosen.includes(id)) throw new CallFailure('conflict', 'hall_deleted');
    return hall;
  });
  if (chosen.some((hall) => hall.capacity[plan.layout] === 0)) {
    throw new CallFailure('invalid_input', 'hall_not_offered_in_layout');
  }
  for (const [index, hall] of chosen.entries()) {
    for (const other of chosen.slice(index + 1)) {
      if (!hall.combinableWith.includes(other.id) && !other.combinableWith.includes(hall.id)) {
        throw new CallFailure('invalid_input', 'halls_not_combinable');
      }
    }
  }
  const capacity = chosen.reduce((sum, hall) => sum + hall.capacity[plan.layout], 0);
  if (plan.headcount > capacity) {
    throw new CallFailure('invalid_input', 'over_capacity', undefined, { capacity: String(capacity) });
  }
}
