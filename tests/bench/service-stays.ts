// The bulk of the service layer: 5 stays per guest over ten years in arrival order, each with its party
// (on ~30%), a request on ~1 in 3, and for the latest ~2 per guest the dishes served at dinner and
// breakfast (~20 served rows per guest). Raw INSERTs in large transactions with no change-log entries:
// the guests layer already holds tens of millions, so 30M more would only lengthen the build.

import { CHANNELS, COURSE_TIERS, PLANS, PURPOSES, ROOMS } from '../../electron/core/demo/service-catalogue.ts';
import type { NoteWriters } from './service-allergies-requests.ts';
import {
  DAY_MS,
  HISTORY_DAYS,
  HISTORY_START,
  insertInto,
  isoDay,
  type ServiceContext,
  seasonOf,
} from './service-common.ts';
import type { Menu } from './service-menu.ts';

/** Stays per transaction (with their party, requests and served rows). */
const BATCH = 50_000;

export type StayPlan = {
  id: string;
  lead: number;
  arrival: number;
  nights: number;
  status: string;
  rooms: string[];
  party: string[];
  purpose: string | null;
  tier: number;
};

export type StayWriters = {
  /** Writes a stay and its party; returns its created_at. */
  writeStay: (stay: StayPlan) => string;
  /** Who stays: 40% of stays by regulars (every 10th guest), the rest by anyone but the third of guests who never stayed. */
  leadRowid: () => number;
  /** Companions of the lead (a linked one, most often) and sometimes anyone else, never the lead twice. */
  partyOf: (lead: number) => string[];
};

export function stayWriters(ctx: ServiceContext, companions: Map<number, string[]>): StayWriters {
  const { db, size, guestIds, random, newId, pick, chance, count, staff } = ctx;
  const insertStay = insertInto(db, 'stays', [
    'id',
    'guest_id',
    'arrival_date',
    'departure_date',
    'rooms',
    'adults',
    'children',
    'plan',
    'purpose',
    'channel',
    'reservation_no',
    'amount_yen',
    'staff_id',
    'status',
    'note',
    'created_at',
    'updated_at',
  ]);
  const insertParty = insertInto(db, 'stay_party', ['id', 'stay_id', 'guest_id', 'created_at', 'updated_at']);

  const leadRowid = () => {
    if (chance(0.4)) return 1 + 10 * Math.floor(random() * Math.floor(size / 10));
    for (;;) {
      const rowid = 1 + Math.floor(random() * size);
      if (rowid % 3 !== 0) return rowid;
    }
  };
  const partyOf = (lead: number): string[] => {
    const members: string[] = [];
    const linked = companions.get(lead);
    if (linked && chance(0.7)) members.push(pick(linked));
    if (members.length === 0 || chance(0.3)) members.push(guestIds[1 + Math.floor(random() * size)] as string);
    return members.filter((id, i, all) => id !== guestIds[lead] && all.indexOf(id) === i);
  };

  const writeStay = (stay: StayPlan) => {
    const { id, arrival, nights, party } = stay;
    const created = arrival - (1 + Math.floor(random() * 60)) * DAY_MS;
    const children = stay.tier === 4 ? 1 + Math.floor(random() * 2) : chance(0.08) ? 1 : 0;
    const adults = 1 + party.length + (chance(0.2) ? 1 : 0);
    const amount = Math.round(((COURSE_TIERS[stay.tier]?.[1] ?? 18_000) * 1.6 * nights * adults) / 1000) * 1000;
    const createdAt = new Date(created + Math.floor(random() * DAY_MS)).toISOString();
    const updatedAt =
      stay.status === 'booked' ? createdAt : new Date(arrival + nights * DAY_MS + 11 * 3_600_000).toISOString();
    insertStay.run(
      id,
      guestIds[stay.lead],
      isoDay(arrival),
      isoDay(arrival + nights * DAY_MS),
      JSON.stringify(stay.rooms),
      adults,
      children,
      pick(PLANS),
      stay.purpose,
      chance(0.1) ? null : pick(CHANNELS),
      `R${isoDay(created).replaceAll('-', '')}-${String(Math.floor(random() * 100_000)).padStart(5, '0')}`,
      amount,
      staff(),
      stay.status,
      chance(0.05) ? '到着が遅くなる場合あり' : '',
      createdAt,
      updatedAt,
    );
    count('stays');
    for (const member of party) {
      insertParty.run(newId(arrival), id, member, createdAt, createdAt);
      count('stay_party');
    }
    return createdAt;
  };

  return { writeStay, leadRowid, partyOf };
}

/** Stays in arrival order over ten years, each with its party, requests and (latest ones) served rows. */
export function writeStayHistory(
  ctx: ServiceContext,
  { writeStay, leadRowid, partyOf }: StayWriters,
  { writeRequest }: NoteWriters,
  { breakfasts, courseFor }: Menu,
  log: (line: string) => void,
) {
  const { db, size, guestIds, random, newId, pick, chance, count } = ctx;
  const insertServed = insertInto(db, 'served', [
    'id',
    'stay_id',
    'date',
    'meal',
    'dish_id',
    'course_id',
    'reaction',
    'retracted_at',
    'created_at',
    'updated_at',
  ]);
  const stays = 5 * size;
  const servedFrom = stays - Math.round((2 * size) / 0.96); // ~96% of stays are visits with served rows
  const started = performance.now();
  for (let first = 0; first < stays; first += BATCH) {
    db.transaction(() => {
      for (let i = first; i < Math.min(stays, first + BATCH); i++) {
        const arrival = HISTORY_START + Math.floor((i * HISTORY_DAYS) / stays) * DAY_MS;
        const lead = leadRowid();
        const roll = random();
        const status = roll < 0.03 ? 'cancelled' : roll < 0.04 ? 'no_show' : 'departed';
        const tier = Math.floor(random() * COURSE_TIERS.length);
        const purpose = chance(0.3) ? null : pick(PURPOSES);
        const nights = chance(0.8) ? 1 : 2 + Math.floor(random() * 2);
        const rooms = chance(0.05) ? [pick(ROOMS), pick(ROOMS)] : [pick(ROOMS)];
        const party = chance(0.3) ? partyOf(lead) : [];
        const id = newId(arrival);
        writeStay({ id, lead, arrival, nights, status, rooms, party, purpose, tier });
        if (chance(1 / 3)) writeRequest(guestIds[lead] as string, id, false, arrival - 5 * DAY_MS, false);
        if (i >= servedFrom && status === 'departed') {
          const season = seasonOf(arrival);
          const course = courseFor(season, tier);
          const day = isoDay(arrival);
          const morning = isoDay(arrival + DAY_MS);
          const at = new Date(arrival + 22 * 3_600_000).toISOString();
          const breakfast = breakfasts[season] ?? [];
          const served: Array<[string, string, string, string | null]> = [
            ...course.dishIds.map((dishId) => [day, 'dinner', dishId, course.id] as [string, string, string, string]),
            [morning, 'breakfast', pick(breakfast).id, null],
            [morning, 'breakfast', pick(breakfast).id, null],
          ];
          for (const [date, meal, dishId, courseId] of served) {
            const r = random();
            const reaction = r < 0.03 ? 'left' : r < 0.04 ? 'disliked' : r < 0.06 ? 'praised' : null;
            const retracted = r > 0.998 ? at : null;
            insertServed.run(newId(arrival), id, date, meal, dishId, courseId, reaction, retracted, at, at);
          }
          count('served', served.length);
        }
      }
    })();
    const done = Math.min(stays, first + BATCH);
    if (done % (stays / 10) < BATCH) {
      log(`  ${done.toLocaleString('en')} stays written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
}
