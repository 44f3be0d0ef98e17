// The bulk of the service layer: 5 stays per guest over ten years in arrival order, each with its party
// (on ~30%), a request on ~1 in 3, and for the latest ~2 per guest the dishes served at dinner and
// breakfast (~20 served rows per guest). Emitted as calls at the time each row was created: a stay when it
// was booked, 1–60 days before arrival (stays.create, its party with it), a request when it was taken
// (requests.record), each meal's dishes after it (served.record). A row is written once, with the state it
// ends in (a stay departed, a request done): later status changes are not replayed as updates.

import { derivedId } from '../../electron/core/changes/derived-id.ts';
import { CHANNELS, COURSE_TIERS, PLANS, PURPOSES, ROOMS } from '../../electron/core/demo/service-catalogue.ts';
import type { NoteWriters } from './service-allergies-requests.ts';
import { DAY_MS, HISTORY_DAYS, HISTORY_START, isoDay, type ServiceContext, seasonOf } from './service-common.ts';
import type { Menu } from './service-menu.ts';

export type StayPlan = {
  id: string;
  /** The lead guest (1..size). */
  lead: number;
  arrival: number;
  nights: number;
  status: string;
  rooms: string[];
  /** The rest of the party (guests 1..size). */
  party: number[];
  purpose: string | null;
  tier: number;
};

/** When a stay was booked (its created_at) and who took it. */
export type Booking = { at: number; staff: string };

export type StayWriters = {
  /** Books a stay with its party (in its final status); returns the booking. */
  writeStay: (stay: StayPlan) => Booking;
  /** Who stays: 40% of stays by regulars (every 10th guest), the rest by anyone but the third of guests who never stayed. */
  leadRowid: () => number;
  /** Companions of the lead (a linked one, most often) and sometimes anyone else, never the lead twice. */
  partyOf: (lead: number) => number[];
};

export function stayWriters(ctx: ServiceContext, companions: Map<number, number[]>): StayWriters {
  const { size, random, newId, pick, chance, staff, emit, named, guestId } = ctx;

  const leadRowid = () => {
    if (chance(0.4)) return 1 + 10 * Math.floor(random() * Math.floor(size / 10));
    for (;;) {
      const rowid = 1 + Math.floor(random() * size);
      if (rowid % 3 !== 0) return rowid;
    }
  };
  const partyOf = (lead: number): number[] => {
    const members: number[] = [];
    const linked = companions.get(lead);
    if (linked && chance(0.7)) members.push(pick(linked));
    if (members.length === 0 || chance(0.3)) members.push(1 + Math.floor(random() * size));
    return members.filter((n, i, all) => n !== lead && all.indexOf(n) === i);
  };

  const writeStay = (stay: StayPlan): Booking => {
    const { id, lead, arrival, nights, party } = stay;
    // The draws in the order they have always been made (the data after them depends on it).
    const created = arrival - (1 + Math.floor(random() * 60)) * DAY_MS;
    const children = stay.tier === 4 ? 1 + Math.floor(random() * 2) : chance(0.08) ? 1 : 0;
    const adults = 1 + party.length + (chance(0.2) ? 1 : 0);
    const amount = Math.round(((COURSE_TIERS[stay.tier]?.[1] ?? 18_000) * 1.6 * nights * adults) / 1000) * 1000;
    const booked = created + Math.floor(random() * DAY_MS);
    const plan = pick(PLANS);
    const channel = chance(0.1) ? null : pick(CHANNELS);
    const reservationNo = `R${isoDay(created).replaceAll('-', '')}-${String(Math.floor(random() * 100_000)).padStart(5, '0')}`;
    const staffId = staff();
    const note = chance(0.05) ? '到着が遅くなる場合あり' : '';
    // Party rows once drew ids here; their ids are derived from the stay and the guest now, as the app makes
    // them, and the draws are still made so that every row after them stays as it was.
    for (const _ of party) newId(arrival);
    named(lead, booked);
    for (const member of party) named(member, booked);
    emit({
      t: booked,
      name: 'stays.create',
      staff: staffId,
      write: (session) => {
        const now = session.now();
        session.writeRow('stays', id, {
          guest_id: guestId(lead),
          arrival_date: isoDay(arrival),
          departure_date: isoDay(arrival + nights * DAY_MS),
          rooms: stay.rooms,
          adults,
          children,
          plan,
          purpose: stay.purpose,
          channel,
          reservation_no: reservationNo,
          amount_yen: amount,
          staff_id: staffId,
          status: stay.status,
          note,
          created_at: now,
        });
        for (const member of party) {
          const guest = guestId(member);
          session.writeRow('stay_party', derivedId('stay_party', id, guest), {
            stay_id: id,
            guest_id: guest,
            created_at: now,
          });
        }
      },
    });
    return { at: booked, staff: staffId };
  };

  return { writeStay, leadRowid, partyOf };
}

/** Stays in arrival order over ten years, each with its party, requests and (latest ones) served rows. */
export function writeStayHistory(
  ctx: ServiceContext,
  { writeStay, leadRowid, partyOf }: StayWriters,
  { writeRequest }: NoteWriters,
  { breakfasts, courseFor }: Menu,
) {
  const { size, random, newId, pick, chance, emit, advance } = ctx;
  const stays = 5 * size;
  const servedFrom = stays - Math.round((2 * size) / 0.96); // ~96% of stays are visits with served rows
  for (let i = 0; i < stays; i++) {
    const arrival = HISTORY_START + Math.floor((i * HISTORY_DAYS) / stays) * DAY_MS;
    // Nothing from here on is written earlier than a booking 60 days ahead of this arrival.
    advance(arrival - 60 * DAY_MS);
    const lead = leadRowid();
    const roll = random();
    const status = roll < 0.03 ? 'cancelled' : roll < 0.04 ? 'no_show' : 'departed';
    const tier = Math.floor(random() * COURSE_TIERS.length);
    const purpose = chance(0.3) ? null : pick(PURPOSES);
    const nights = chance(0.8) ? 1 : 2 + Math.floor(random() * 2);
    const rooms = chance(0.05) ? [pick(ROOMS), pick(ROOMS)] : [pick(ROOMS)];
    const party = chance(0.3) ? partyOf(lead) : [];
    const id = newId(arrival);
    const booking = writeStay({ id, lead, arrival, nights, status, rooms, party, purpose, tier });
    if (chance(1 / 3)) writeRequest(lead, { id, booking }, false, arrival - 5 * DAY_MS, false);
    if (i >= servedFrom && status === 'departed') {
      const season = seasonOf(arrival);
      const course = courseFor(season, tier);
      const day = isoDay(arrival);
      const morning = isoDay(arrival + DAY_MS);
      const breakfast = breakfasts[season] ?? [];
      const served: Array<[string, string, string, string | null]> = [
        ...course.dishIds.map((dishId) => [day, 'dinner', dishId, course.id] as [string, string, string, string]),
        [morning, 'breakfast', pick(breakfast).id, null],
        [morning, 'breakfast', pick(breakfast).id, null],
      ];
      type Row = {
        id: string;
        date: string;
        meal: string;
        dishId: string;
        courseId: string | null;
        reaction: string | null;
        retracted: boolean;
      };
      const rows: Row[] = served.map(([date, meal, dishId, courseId]) => {
        const r = random();
        const reaction = r < 0.03 ? 'left' : r < 0.04 ? 'disliked' : r < 0.06 ? 'praised' : null;
        return { id: newId(arrival), date, meal, dishId, courseId, reaction, retracted: r > 0.998 };
      });
      // Each meal recorded after it: dinner that night, breakfast the next morning.
      for (const [meal, t] of [
        ['dinner', arrival + 22 * 3_600_000],
        ['breakfast', arrival + DAY_MS + 9 * 3_600_000],
      ] as const) {
        const ofMeal = rows.filter((row) => row.meal === meal);
        emit({
          t,
          name: 'served.record',
          staff: booking.staff,
          write: (session) => {
            const now = session.now();
            for (const row of ofMeal) {
              session.writeRow('served', row.id, {
                stay_id: id,
                date: row.date,
                meal: row.meal,
                dish_id: row.dishId,
                course_id: row.courseId,
                reaction: row.reaction,
                note: '',
                // A dish entered by mistake, retracted at once.
                retracted_at: row.retracted ? now : null,
                created_at: now,
              });
            }
          },
        });
      }
    }
  }
}
