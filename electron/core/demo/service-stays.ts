import type { StayStatus } from '../../../shared/contract/stays.ts';
import { addDays } from '../../../shared/text/dates.ts';
import { seasonOfDate } from '../kitchen/seasons.ts';
import type { DemoCourse } from './catalogue.ts';
import { CHANNELS, COURSE_TIERS, PLANS } from './service-catalogue.ts';
import type { ServiceFloor } from './service-floor.ts';

// Stays and what was eaten during them: each plan's price, the course of a night, and the stay, party,
// served and menu-plan rows. Past stays and the working day are written through the same functions, so a
// stay of three years ago is priced and served like tonight's.

/** Room charge per adult and night for each of PLANS (same order), whether dinner is included, how often chosen. */
export const PLAN_TERMS: ReadonlyArray<{ roomYen: number; dinner: boolean; weight: number }> = [
  { roomYen: 8_000, dinner: true, weight: 55 }, // 1泊2食付き 和室
  { roomYen: 16_000, dinner: true, weight: 25 }, // 1泊2食付き 露天風呂付き客室
  { roomYen: 12_000, dinner: true, weight: 0 }, // 記念日プラン: anniversaries only
  { roomYen: 9_000, dinner: false, weight: 10 }, // 素泊まり
  { roomYen: 7_000, dinner: true, weight: 0 }, // 連泊プラン: two nights or more
];
export const [WASHITSU, ROTENBURO, KINENBI, SUDOMARI, RENPAKU] = [0, 1, 2, 3, 4];
/** A child's dinner (お子さま course) and room share, per night. */
const CHILD_YEN = 10_000;
const ANNIVERSARY_EXTRAS_YEN = 5_000;
/** 梅 竹 松 特選: the adult tiers of COURSE_TIERS, as often as guests book them. */
const TIER_WEIGHTS = [30, 40, 22, 8];

export type Stay = {
  lead: number;
  party: number[];
  arrival: string;
  nights: number;
  status: StayStatus;
  rooms: string[];
  plan: number;
  purpose: string | null;
  tier: number;
  children: number;
  note: string;
};

/** One of today's parties, with the part it plays in the demo (which alert it brings). */
export type Arrival = Stay & {
  role: 'anaphylaxis_lead' | 'anaphylaxis_party' | 'anniversary' | 'birthday' | 'other';
  returning: boolean;
  planned: boolean;
};

/** Whether the plan (index into PLANS) includes dinner. */
export const hasDinner = (plan: number) => PLAN_TERMS[plan]?.dinner ?? false;

/** An everyday plan for a stay of `nights`: the anniversary plan is only given on purpose. */
export function planFor({ draw }: ServiceFloor, nights: number): number {
  if (nights >= 2 && draw.chance(0.4)) return RENPAKU;
  return draw.weighted([WASHITSU, ROTENBURO, SUDOMARI], (plan) => PLAN_TERMS[plan]?.weight ?? 0);
}

export const adultTier = ({ draw }: ServiceFloor) => draw.weighted([0, 1, 2, 3], (tier) => TIER_WEIGHTS[tier] ?? 0);

/** The course of a stay's night: its tier on the first night, the next tier up on the second. */
export const courseOf = (
  { catalogue }: ServiceFloor,
  stay: { arrival: string; tier: number },
  night = 0,
): DemoCourse | null =>
  catalogue.course(seasonOfDate(addDays(stay.arrival, night)), night === 0 ? stay.tier : (stay.tier + 1) % 4);

/** The stay and its party; returns the stay's id. */
export function writeStay(floor: ServiceFloor, stay: Stay): string {
  const { session, ids, stamp, staff, counts } = floor;
  const { chance, pick, between } = floor.draw;
  const id = session.newId();
  const terms = PLAN_TERMS[stay.plan] ?? { roomYen: 8_000, dinner: true, weight: 0 };
  const adults = 1 + stay.party.length + (chance(0.2) ? 1 : 0);
  const courseYen = terms.dinner ? (COURSE_TIERS[stay.tier]?.[1] ?? 0) : 0;
  const amount =
    stay.nights * (adults * (terms.roomYen + courseYen) + stay.children * CHILD_YEN) +
    (stay.plan === KINENBI ? ANNIVERSARY_EXTRAS_YEN : 0);
  const booked = addDays(stay.arrival, -between(3, 60));
  const createdAt = stamp(booked, between(9, 20));
  const departure = addDays(stay.arrival, stay.nights);
  const updatedAt =
    stay.status === 'departed'
      ? stamp(departure, 10)
      : stay.status === 'in_house'
        ? stamp(stay.arrival, 15)
        : createdAt;
  session.writeRow('stays', id, {
    guest_id: ids[stay.lead],
    arrival_date: stay.arrival,
    departure_date: departure,
    rooms: stay.rooms,
    adults,
    children: stay.children,
    plan: PLANS[stay.plan] ?? '',
    purpose: stay.purpose,
    channel: chance(0.1) ? null : pick(CHANNELS),
    reservation_no: `R${booked.replaceAll('-', '')}-${String(between(0, 99_999)).padStart(5, '0')}`,
    amount_yen: amount,
    staff_id: staff(),
    status: stay.status,
    note: stay.note,
    created_at: createdAt,
    updated_at: updatedAt,
  });
  for (const member of stay.party) {
    session.writeRow('stay_party', session.newId(), {
      stay_id: id,
      guest_id: ids[member],
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  counts.stays++;
  return id;
}

/** A course served at dinner, with the odd reaction (and, when given, one dish left uneaten). */
export function serveDinner(
  floor: ServiceFloor,
  stayId: string,
  date: string,
  course: DemoCourse,
  leftDish: string | null = null,
) {
  const at = floor.stamp(date, 21);
  for (const dishId of course.dishIds) {
    const roll = floor.draw.random();
    const reaction =
      dishId === leftDish ? 'left' : roll < 0.03 ? 'left' : roll < 0.045 ? 'disliked' : roll < 0.08 ? 'praised' : null;
    floor.session.writeRow('served', floor.session.newId(), {
      stay_id: stayId,
      date,
      meal: 'dinner',
      dish_id: dishId,
      course_id: course.id,
      reaction,
      note: '',
      created_at: at,
      updated_at: at,
    });
    floor.counts.served++;
  }
}

/** A dinner the kitchen has planned (two days ahead), not yet served. */
export function planDinner(floor: ServiceFloor, stayId: string, date: string, course: DemoCourse) {
  const at = floor.stamp(addDays(date, -2), 16);
  floor.session.writeRow('menu_plans', floor.session.newId(), {
    stay_id: stayId,
    date,
    meal: 'dinner',
    course_id: course.id,
    dish_ids: course.dishIds,
    status: 'planned',
    created_at: at,
    updated_at: at,
  });
  floor.counts.menus++;
}
