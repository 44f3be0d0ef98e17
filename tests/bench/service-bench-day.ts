// The bench arrival days the arrivals query is measured on: exactly 100 booked stays, one per room, a third
// of their parties with allergies (a few anaphylaxis, some due for re-confirmation), open requests, and a
// planned dinner and breakfast each. Who leads them is the caller's: regulars only (BENCH_DAY, so every
// party has years of history to warn about), or drawn like every generated stay (TYPICAL_DAY).

import { PURPOSES, ROOMS } from '../../electron/core/demo/service-catalogue.ts';
import type { NoteWriters } from './service-allergies-requests.ts';
import { DAY_MS, dayMs, isoDay, type ServiceContext, seasonOf } from './service-common.ts';
import type { Menu } from './service-menu.ts';
import type { StayWriters } from './service-stays.ts';

export function writeBenchDay(
  day: string,
  pickLead: () => number,
  ctx: ServiceContext,
  { writeStay, partyOf }: StayWriters,
  { writeRequest, writeAllergy }: NoteWriters,
  { breakfasts, courseFor }: Menu,
) {
  const { random, newId, pick, chance, emit } = ctx;
  const arrival = dayMs(day);
  const leads = new Set<number>();
  while (leads.size < ROOMS.length) leads.add(pickLead());
  [...leads].forEach((lead, index) => {
    const room = ROOMS[index] as string;
    const tier = index % 10 === 9 ? 4 : Math.floor(random() * 4);
    const party = chance(0.6) ? partyOf(lead) : [];
    const purpose = index % 7 === 0 ? 'anniversary' : index % 11 === 0 ? 'birthday' : pick(PURPOSES);
    const nights = chance(0.7) ? 1 : 2;
    const id = newId(arrival);
    const booking = writeStay({ id, lead, arrival, nights, status: 'booked', rooms: [room], party, purpose, tier });
    // A third of the parties bring allergies (a few anaphylaxis), recent enough or due for re-confirmation.
    if (index % 3 === 0) {
      const who = [lead, ...party];
      writeAllergy(pick(who), { severity: index % 12 === 0 ? 'anaphylaxis' : undefined, recent: chance(0.5) });
      if (chance(0.4)) writeAllergy(pick(who));
    }
    const requests = Math.floor(random() * 3);
    for (let k = 0; k < requests; k++) writeRequest(lead, { id, booking }, false, arrival - 3 * DAY_MS, true);
    const course = courseFor(seasonOf(arrival), tier);
    // Menus planned two days ahead (or with a later booking).
    const planned = Math.max(arrival - 2 * DAY_MS, booking.at + 60_000);
    const breakfast = (breakfasts[seasonOf(arrival)] ?? []).slice(0, 2).map((d) => d.id);
    const plans: Array<[string, string, string, string | null, string[]]> = [
      [newId(arrival), day, 'dinner', course.id, course.dishIds],
      [newId(arrival), isoDay(arrival + DAY_MS), 'breakfast', null, breakfast],
    ];
    for (const [planId, date, meal, courseId, dishIds] of plans) {
      emit({
        t: planned,
        name: 'menus.plan',
        staff: booking.staff,
        write: (session) =>
          session.writeRow('menu_plans', planId, {
            stay_id: id,
            date,
            meal,
            course_id: courseId,
            dish_ids: dishIds,
            status: 'planned',
            created_at: session.now(),
          }),
      });
    }
  });
}
