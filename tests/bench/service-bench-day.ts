// The bench arrival day the arrivals query is measured on: exactly 100 booked stays, one per room, by
// regulars (so there is history to warn about), a third of their parties with allergies (a few
// anaphylaxis, some due for re-confirmation), open requests, and a planned dinner and breakfast each.

import { PURPOSES, ROOMS } from '../../electron/core/demo/service-catalogue.ts';
import type { NoteWriters } from './service-allergies-requests.ts';
import { BENCH_DAY, DAY_MS, dayMs, insertInto, isoDay, type ServiceContext, seasonOf } from './service-common.ts';
import type { Menu } from './service-menu.ts';
import type { StayWriters } from './service-stays.ts';

export function writeBenchDay(
  ctx: ServiceContext,
  { writeStay, partyOf }: StayWriters,
  { writeRequest, writeAllergy }: NoteWriters,
  { breakfasts, courseFor }: Menu,
) {
  const { db, size, guestIds, random, newId, pick, chance, count } = ctx;
  const insertPlan = insertInto(db, 'menu_plans', [
    'id',
    'stay_id',
    'date',
    'meal',
    'course_id',
    'dish_ids',
    'status',
    'created_at',
    'updated_at',
  ]);
  db.transaction(() => {
    const arrival = dayMs(BENCH_DAY);
    const leads = new Set<number>();
    while (leads.size < ROOMS.length) leads.add(1 + 10 * Math.floor(random() * Math.floor(size / 10)));
    [...leads].forEach((lead, index) => {
      const room = ROOMS[index] as string;
      const tier = index % 10 === 9 ? 4 : Math.floor(random() * 4);
      const party = chance(0.6) ? partyOf(lead) : [];
      const purpose = index % 7 === 0 ? 'anniversary' : index % 11 === 0 ? 'birthday' : pick(PURPOSES);
      const nights = chance(0.7) ? 1 : 2;
      const id = newId(arrival);
      writeStay({ id, lead, arrival, nights, status: 'booked', rooms: [room], party, purpose, tier });
      // A third of the parties bring allergies (a few anaphylaxis), recent enough or due for re-confirmation.
      if (index % 3 === 0) {
        const who = [guestIds[lead] as string, ...party];
        writeAllergy(pick(who), { severity: index % 12 === 0 ? 'anaphylaxis' : undefined, recent: chance(0.5) });
        if (chance(0.4)) writeAllergy(pick(who));
      }
      const requests = Math.floor(random() * 3);
      for (let k = 0; k < requests; k++) writeRequest(guestIds[lead] as string, id, false, arrival - 3 * DAY_MS, true);
      const course = courseFor(seasonOf(arrival), tier);
      const planned = new Date(arrival - 2 * DAY_MS).toISOString();
      insertPlan.run(
        newId(arrival),
        id,
        BENCH_DAY,
        'dinner',
        course.id,
        JSON.stringify(course.dishIds),
        'planned',
        planned,
        planned,
      );
      const breakfast = (breakfasts[seasonOf(arrival)] ?? []).slice(0, 2).map((d) => d.id);
      insertPlan.run(
        newId(arrival),
        id,
        isoDay(arrival + DAY_MS),
        'breakfast',
        null,
        JSON.stringify(breakfast),
        'planned',
        planned,
        planned,
      );
      count('menu_plans', 2);
    });
  })();
}
