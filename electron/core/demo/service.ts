import { v7 as uuidv7 } from 'uuid';
import type { StayStatus } from '../../../shared/contract/stays.ts';
import { addDays, addYears, localDate } from '../../../shared/text/dates.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import { type DemoCatalogue, type DemoCourse, ensureDemoCatalogue, seasonOf } from './catalogue.ts';
import type { GeneratedGuest } from './generate.ts';
import { type Draw, makeDraw } from './random.ts';
import {
  ALLERGY_NOTES,
  CHANNELS,
  COURSE_TIERS,
  FREE_ALLERGENS,
  PLANS,
  PURPOSES,
  REPORTED_ALLERGENS,
  REQUEST_TEXTS,
  ROOMS,
  SEVERITY_WEIGHTS,
  STANDING_TEXTS,
} from './service-catalogue.ts';

// The service floor of the sample data, written with the sample guests: past stays with what was served,
// allergies, requests, and a working day around the core's "today" (parties in house since yesterday,
// today's arrivals with every kind of alert, tomorrow's bookings). Everything goes through the write path,
// so it has its change log like anything staff record. Deterministic for a seed and a clock.

export type ServiceDemoInput = {
  guests: readonly GeneratedGuest[];
  /** The ids the guests were written with, in the same order. */
  ids: readonly string[];
  seed: number;
  now: number;
  /** The guest whose birthday was set to today (giveBirthdayToday): one of today's arrivals. */
  birthdayGuest: number | null;
};

export type ServiceDemoCounts = {
  stays: number;
  served: number;
  allergies: number;
  requests: number;
  menus: number;
  arrivingToday: number;
};

/** How many parties arrive today, are in house since yesterday, and arrive tomorrow, for `count` new guests. */
export function dayCounts(count: number) {
  return {
    today: Math.min(12, Math.floor(count / 8)),
    inHouse: Math.min(3, Math.floor(count / 40)),
    tomorrow: Math.min(8, Math.floor(count / 15)),
  };
}

// Separate PRNG streams from the guests' (which use the seed itself).
const SERVICE_STREAM = 0x5e41ce;
const BIRTHDAY_STREAM = 0xb1d7;
const stream = (seed: number, salt: number) => (seed ^ salt) >>> 0;

/**
 * Moves one generated guest's birthday to today (keeping the year), before the guests are written, so one of
 * today's parties has a birthday within its stay. Returns that guest's index, or null when too few guests.
 */
export function giveBirthdayToday(guests: GeneratedGuest[], seed: number, today: string): number | null {
  if (dayCounts(guests.length).today < 4) return null;
  const draw = makeDraw(stream(seed, BIRTHDAY_STREAM));
  const leads = guests.flatMap((guest, index) => (guest.companion ? [] : [index]));
  const index = draw.pick(leads);
  const guest = guests[index] as GeneratedGuest;
  let year = Number(guest.birthday.slice(0, 4)) || Number(today.slice(0, 4)) - draw.between(30, 70);
  if (today.endsWith('-02-29')) year -= year % 4; // born on a leap day
  guest.birthday = `${year}-${today.slice(5)}`;
  return index;
}

/** Room charge per adult and night for each of PLANS (same order), whether dinner is included, how often chosen. */
const PLAN_TERMS: ReadonlyArray<{ roomYen: number; dinner: boolean; weight: number }> = [
  { roomYen: 8_000, dinner: true, weight: 55 }, // 1泊2食付き 和室
  { roomYen: 16_000, dinner: true, weight: 25 }, // 1泊2食付き 露天風呂付き客室
  { roomYen: 12_000, dinner: true, weight: 0 }, // 記念日プラン: anniversaries only
  { roomYen: 9_000, dinner: false, weight: 10 }, // 素泊まり
  { roomYen: 7_000, dinner: true, weight: 0 }, // 連泊プラン: two nights or more
];
const [WASHITSU, ROTENBURO, KINENBI, SUDOMARI, RENPAKU] = [0, 1, 2, 3, 4];
/** A child's dinner (お子さま course) and room share, per night. */
const CHILD_YEN = 10_000;
const ANNIVERSARY_EXTRAS_YEN = 5_000;
/** 梅 竹 松 特選: the adult tiers of COURSE_TIERS, as often as guests book them. */
const TIER_WEIGHTS = [30, 40, 22, 8];
/** Anaphylaxis allergens the sample parties bring: ones a course has in a few dishes, not in every one. */
const ALARMING_ALLERGENS = ['shrimp', 'crab', 'buckwheat', 'egg', 'milk', 'walnut', 'salmon_roe', 'peanut'];
/** Allergy notes for anyone: an epinephrine pen goes with anaphylaxis, 'お子さま' with a child's record. */
const EVERYDAY_NOTES = ALLERGY_NOTES.filter((note) => note !== 'エピペン携帯' && note !== 'お子さま');
const CELEBRATION_TEXTS = REQUEST_TEXTS.find(([category]) => category === 'celebration')?.[2] ?? [];
const HISTORY_DAYS = 3 * 365;

type Stay = {
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

type Arrival = Stay & {
  role: 'anaphylaxis_lead' | 'anaphylaxis_party' | 'anniversary' | 'birthday' | 'other';
  returning: boolean;
  planned: boolean;
};

type AllergyStatement = {
  code: string | null;
  free: string;
  severity: string;
  tracesOk: boolean;
  note: string;
  confirmed: string;
};

export function writeServiceDemo(ctx: CoreContext, session: WriteSession, input: ServiceDemoInput): ServiceDemoCounts {
  const { guests, ids } = input;
  const draw: Draw = makeDraw(stream(input.seed, SERVICE_STREAM));
  const { chance, pick, between } = draw;
  const today = localDate(input.now);
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);
  const counts: ServiceDemoCounts = { stays: 0, served: 0, allergies: 0, requests: 0, menus: 0, arrivingToday: 0 };

  /** An instant on a local day, never after the clock (today's entries were made earlier today). */
  const stamp = (date: string, hour: number) => {
    const local = new Date(`${date}T${String(hour).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00`);
    return new Date(Math.min(local.getTime(), input.now - 60_000)).toISOString();
  };

  const staffIds = (
    ctx.run.prepare('SELECT id FROM staff WHERE deleted_at IS NULL AND active = 1 ORDER BY rowid').all() as Array<{
      id: string;
    }>
  ).map((row) => row.id);
  const staff = () => (staffIds.length > 0 ? pick(staffIds) : null);
  const allergenIds = new Map(
    (
      ctx.run.prepare('SELECT id, code FROM allergens WHERE deleted_at IS NULL').all() as Array<{
        id: string;
        code: string;
      }>
    ).map((row) => [row.code, row.id]),
  );
  const catalogue: DemoCatalogue = ensureDemoCatalogue(ctx, session, stamp(addDays(today, -HISTORY_DAYS - 30), 10));

  // Companions both ways (the generator links each to the guest before it).
  const companionsOf = new Map<number, number[]>();
  const link = (a: number, b: number) => companionsOf.set(a, [...(companionsOf.get(a) ?? []), b]);
  guests.forEach((guest, index) => {
    if (guest.companion) {
      link(index, guest.companion.of);
      link(guest.companion.of, index);
    }
  });

  // 1. Who came before: ~40% of the guests, 1–4 stays each over the last three years.
  const pastStays = new Map<number, number>();
  guests.forEach((_, index) => {
    if (chance(0.4)) pastStays.set(index, between(1, 4));
  });

  // 2. The working day: who is in which room today and tomorrow (nobody in two rooms at once).
  const busy = new Set<number>(input.birthdayGuest === null ? [] : [input.birthdayGuest]);
  const returningPool = draw.shuffle([...pastStays.keys()]);
  const newPool = draw.shuffle(guests.map((_, index) => index).filter((index) => !pastStays.has(index)));
  /** The next guest of the pool who is free (and fits), now busy. */
  const take = (pool: number[], fits: (index: number) => boolean = () => true): number | null => {
    const at = pool.findLastIndex((index) => !busy.has(index) && fits(index));
    if (at < 0) return null;
    const [index] = pool.splice(at, 1) as [number];
    busy.add(index);
    return index;
  };
  const hasFreeCompanion = (index: number) => (companionsOf.get(index) ?? []).some((other) => !busy.has(other));
  /** A short history keeps the first card of the list readable (every dish served before is listed). */
  const fewVisits = (index: number) => (pastStays.get(index) ?? 0) <= 2;
  const takeAny = (preferReturning: boolean) =>
    preferReturning ? (take(returningPool) ?? take(newPool)) : (take(newPool) ?? take(returningPool));
  const partyOf = (lead: number, p: number): number[] => {
    const linked = (companionsOf.get(lead) ?? []).filter((index) => !busy.has(index));
    if (linked.length === 0 || !chance(p)) return [];
    const member = pick(linked);
    busy.add(member);
    return [member];
  };

  const occupied = new Set(
    (
      ctx.run
        .prepare(
          `SELECT rooms FROM stays WHERE deleted_at IS NULL AND status IN ('booked', 'in_house')
              AND departure_date > ? AND arrival_date <= ?`,
        )
        .all(yesterday, addDays(tomorrow, 2)) as Array<{ rooms: string }>
    ).flatMap((row) => JSON.parse(row.rooms) as string[]),
  );
  const freeRooms = draw.shuffle(ROOMS.filter((room) => !occupied.has(room)));
  const sizes = dayCounts(guests.length);

  const planFor = (nights: number) => {
    if (nights >= 2 && chance(0.4)) return RENPAKU;
    return draw.weighted([WASHITSU, ROTENBURO, SUDOMARI], (plan) => PLAN_TERMS[plan]?.weight ?? 0);
  };
  const adultTier = () => draw.weighted([0, 1, 2, 3], (tier) => TIER_WEIGHTS[tier] ?? 0);
  const everydayPurpose = () => pick(['sightseeing', 'sightseeing', 'family', 'business', null]);

  const arrivals: Arrival[] = [];
  const roles: Arrival['role'][] = ['anaphylaxis_lead', 'anaphylaxis_party', 'anniversary', 'birthday'];
  // The parties with the alerts get the first rooms: the top of the arrivals list is what a visitor sees first.
  const todayRooms = freeRooms
    .splice(Math.max(0, freeRooms.length - sizes.today))
    .sort((a, b) => Number(a) - Number(b));
  for (let k = 0; k < sizes.today && todayRooms.length > 0; k++) {
    const role = roles[k] ?? 'other';
    let lead: number | null;
    if (role === 'birthday') lead = input.birthdayGuest;
    else if (role === 'anaphylaxis_lead') lead = take(returningPool, fewVisits) ?? takeAny(true);
    else if (role === 'anaphylaxis_party')
      lead = take(newPool, hasFreeCompanion) ?? take(returningPool, hasFreeCompanion) ?? takeAny(false);
    else lead = takeAny(role !== 'other' || k % 2 === 0);
    if (lead === null) continue;
    const party = partyOf(lead, role === 'anaphylaxis_party' ? 1 : role === 'anniversary' ? 0.9 : 0.5);
    const nights = role === 'anniversary' ? 2 : role === 'other' && chance(0.3) ? 2 : 1;
    const plan =
      role === 'anaphylaxis_lead'
        ? ROTENBURO
        : role === 'anniversary'
          ? KINENBI
          : role === 'other'
            ? planFor(nights)
            : WASHITSU;
    const dinner = PLAN_TERMS[plan]?.dinner ?? false;
    arrivals.push({
      role,
      lead,
      party,
      arrival: today,
      nights,
      status: 'booked',
      rooms: [todayRooms.shift() as string],
      plan,
      purpose: role === 'anniversary' ? 'anniversary' : everydayPurpose(),
      tier: role === 'anniversary' ? between(2, 3) : adultTier(),
      children: role === 'other' && chance(0.2) ? between(1, 2) : 0,
      note: role === 'other' && chance(0.15) ? '到着は18時頃の予定' : '',
      returning: pastStays.has(lead),
      planned: dinner && (role !== 'other' || chance(0.5)),
    });
  }
  const stayOver = (arrival: string, nights: number, status: StayStatus, count: number): Stay[] => {
    const stays: Stay[] = [];
    for (let k = 0; k < count && freeRooms.length > 0; k++) {
      const lead = takeAny(chance(0.5));
      if (lead === null) break;
      stays.push({
        lead,
        party: partyOf(lead, 0.5),
        arrival,
        nights,
        status,
        rooms: [freeRooms.pop() as string],
        plan: planFor(nights),
        purpose: everydayPurpose(),
        tier: adultTier(),
        children: chance(0.15) ? 1 : 0,
        note: '',
      });
    }
    return stays;
  };
  const inHouse = stayOver(yesterday, 2, 'in_house', sizes.inHouse);
  const arrivingTomorrow = stayOver(tomorrow, 1, 'booked', sizes.tomorrow);

  // The planned course of each of today's parties, and what it means for their history and allergies.
  const courseOf = (stay: { arrival: string; tier: number }, night = 0): DemoCourse | null =>
    catalogue.course(seasonOf(addDays(stay.arrival, night)), night === 0 ? stay.tier : (stay.tier + 1) % 4);
  const lastYear = addYears(today, -1);
  /** Last year's tier for a returning party: the one sharing some, not all, dishes with today's course. */
  const lastYearTier = (arrival: Arrival): number => {
    const planned = courseOf(arrival);
    if (!planned) return arrival.tier;
    const overlap = (tier: number) => {
      const course = catalogue.course(seasonOf(lastYear), tier);
      return course ? catalogue.shared(course, planned).length : 0;
    };
    const others = [0, 1, 2, 3].filter((tier) => tier !== arrival.tier && overlap(tier) > 0);
    return others.sort((a, b) => overlap(b) - overlap(a))[0] ?? arrival.tier;
  };
  /** Returning parties with a menu planned came the same season last year: the kitchen sees repeats. */
  const lastYearStays = new Map<number, { tier: number; leftDish: string | null }>();
  for (const arrival of arrivals) {
    if (!arrival.returning || !arrival.planned) continue;
    const tier = lastYearTier(arrival);
    const planned = courseOf(arrival);
    const before = catalogue.course(seasonOf(lastYear), tier);
    const shared = planned && before ? catalogue.shared(before, planned) : [];
    const leftDish = arrival.role === 'anaphylaxis_lead' && shared.length > 0 ? pick(shared) : null;
    lastYearStays.set(arrival.lead, { tier, leftDish });
  }

  // 3. Writers.
  const requestKinds = (options: { returning: boolean; children: boolean }) =>
    REQUEST_TEXTS.filter(
      ([category]) =>
        category !== 'celebration' &&
        (options.returning || category !== 'complaint') &&
        (options.children || category !== 'children'),
    );
  const writeRequest = (
    guest: number,
    request: {
      stayId: string | null;
      category: string;
      text: string;
      status: 'open' | 'done' | 'cancelled';
      takenAt: string;
      handledAt?: string;
    },
  ) => {
    const handled = request.status !== 'open';
    session.writeRow('requests', uuidv7(), {
      guest_id: ids[guest],
      stay_id: request.stayId,
      standing: request.stayId === null,
      category: request.category,
      text: request.text,
      status: request.status,
      taken_by: staff(),
      ...(handled ? { handled_at: request.handledAt ?? request.takenAt, handled_by: staff() } : {}),
      created_at: request.takenAt,
      updated_at: handled ? (request.handledAt ?? request.takenAt) : request.takenAt,
    });
    counts.requests++;
  };
  const randomRequest = (options: { returning: boolean; children: boolean }, used: Set<string>) => {
    const [category, , texts] = draw.weighted(requestKinds(options), ([, weight]) => weight);
    const text = pick(texts);
    if (used.has(text)) return null;
    used.add(text);
    return { category, text };
  };

  const writeStay = (stay: Stay): string => {
    const id = uuidv7();
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
      session.writeRow('stay_party', uuidv7(), {
        stay_id: id,
        guest_id: ids[member],
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
    counts.stays++;
    return id;
  };

  /** A course served at dinner, with the odd reaction (and, when given, one dish left uneaten). */
  const serveDinner = (stayId: string, date: string, course: DemoCourse, leftDish: string | null = null) => {
    const at = stamp(date, 21);
    for (const dishId of course.dishIds) {
      const roll = draw.random();
      const reaction =
        dishId === leftDish
          ? 'left'
          : roll < 0.03
            ? 'left'
            : roll < 0.045
              ? 'disliked'
              : roll < 0.08
                ? 'praised'
                : null;
      session.writeRow('served', uuidv7(), {
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
      counts.served++;
    }
  };

  const planDinner = (stayId: string, date: string, course: DemoCourse) => {
    const at = stamp(addDays(date, -2), 16);
    session.writeRow('menu_plans', uuidv7(), {
      stay_id: stayId,
      date,
      meal: 'dinner',
      course_id: course.id,
      dish_ids: course.dishIds,
      status: 'planned',
      created_at: at,
      updated_at: at,
    });
    counts.menus++;
  };

  /** One allergy statement; sometimes with the earlier statement it corrected, kept in the history. */
  const writeAllergy = (guest: number, statement: AllergyStatement, corrected: boolean) => {
    const allergenId = statement.code ? allergenIds.get(statement.code) : null;
    if (allergenId === undefined) return; // withdrawn from this inn's catalogue
    const content = {
      guest_id: ids[guest],
      allergen_id: allergenId,
      free_allergen: allergenId ? '' : statement.free,
      traces_ok: statement.tracesOk,
    };
    const recordedAt = stamp(statement.confirmed, 11);
    let earlierId: string | null = null;
    if (corrected) {
      earlierId = uuidv7();
      const earlier = addDays(statement.confirmed, -between(200, 500));
      const earlierAt = stamp(earlier, 11);
      session.writeRow('allergies', earlierId, {
        ...content,
        severity: 'dislike',
        traces_ok: true,
        note: '',
        confirmed_at: earlier,
        confirmed_by: staff(),
        recorded_by: staff(),
        created_at: earlierAt,
        updated_at: earlierAt,
      });
      counts.allergies++;
    }
    const id = uuidv7();
    session.writeRow('allergies', id, {
      ...content,
      severity: statement.severity,
      note: statement.note,
      confirmed_at: statement.confirmed,
      confirmed_by: staff(),
      recorded_by: staff(),
      supersedes: earlierId,
      created_at: recordedAt,
      updated_at: recordedAt,
    });
    counts.allergies++;
    if (earlierId) session.writeRow('allergies', earlierId, { superseded_by: id, updated_at: recordedAt });
  };
  /** A record made in error and retracted a few days later: it stays in the history, not in the alerts. */
  const writeRetracted = (guest: number, free: string) => {
    const confirmed = addDays(today, -between(60, 700));
    const at = stamp(confirmed, 11);
    const retractedAt = stamp(addDays(confirmed, between(1, 20)), 14);
    session.writeRow('allergies', uuidv7(), {
      guest_id: ids[guest],
      allergen_id: null,
      free_allergen: free,
      severity: 'allergy',
      traces_ok: false,
      note: '',
      confirmed_at: confirmed,
      confirmed_by: staff(),
      recorded_by: staff(),
      retracted_at: retractedAt,
      retracted_by: staff(),
      retract_reason: '別のお客様と取り違え',
      created_at: at,
      updated_at: retractedAt,
    });
    counts.allergies++;
  };

  // 4. Past stays, each with the dinners served and perhaps a request taken.
  for (const [guest, stayCount] of pastStays) {
    const special = lastYearStays.get(guest);
    const dates = new Set<string>();
    if (special) dates.add(lastYear);
    while (dates.size < stayCount) dates.add(addDays(today, -between(3, HISTORY_DAYS)));
    for (const arrival of [...dates].sort()) {
      const isSpecial = special !== undefined && arrival === lastYear;
      const anniversary = isSpecial && arrivals.some((a) => a.lead === guest && a.role === 'anniversary');
      const nights = isSpecial || chance(0.8) ? 1 : 2;
      const stay: Stay = {
        lead: guest,
        party: (companionsOf.get(guest) ?? []).filter(() => chance(0.6)).slice(0, 1),
        arrival,
        nights,
        status: 'departed',
        rooms: [pick(ROOMS)],
        plan: anniversary ? KINENBI : isSpecial ? WASHITSU : planFor(nights),
        purpose: anniversary ? 'anniversary' : chance(0.3) ? null : pick(PURPOSES),
        tier: special && isSpecial ? special.tier : adultTier(),
        children: chance(0.1) ? between(1, 2) : 0,
        note: '',
      };
      const id = writeStay(stay);
      if (PLAN_TERMS[stay.plan]?.dinner) {
        for (let night = 0; night < stay.nights; night++) {
          const course = courseOf(stay, night);
          if (course) serveDinner(id, addDays(arrival, night), course, isSpecial ? (special?.leftDish ?? null) : null);
        }
      }
      if (chance(0.3)) {
        const request = randomRequest({ returning: true, children: stay.children > 0 }, new Set());
        if (request) {
          writeRequest(guest, {
            stayId: id,
            ...request,
            status: chance(0.9) ? 'done' : 'cancelled',
            takenAt: stamp(addDays(arrival, -between(1, 14)), between(9, 17)),
            handledAt: stamp(arrival, between(15, 20)),
          });
        }
      }
    }
  }

  // 5. Allergies: ~8% of the guests, and an anaphylaxis in two of today's parties, in a dish of their menu.
  const statementsOf = new Map<number, AllergyStatement[]>();
  const state = (guest: number, statement: AllergyStatement) =>
    statementsOf.set(guest, [...(statementsOf.get(guest) ?? []), statement]);
  const alarming: string[] = [];
  for (const arrival of arrivals) {
    if (arrival.role !== 'anaphylaxis_lead' && arrival.role !== 'anaphylaxis_party') continue;
    const inCourse = new Set(courseOf(arrival)?.allergenCodes ?? []);
    const candidates = ALARMING_ALLERGENS.filter((code) => !alarming.includes(code));
    const fitting = candidates.filter((code) => inCourse.has(code));
    const code = pick(fitting.length > 0 ? fitting : candidates);
    alarming.push(code);
    const who = arrival.role === 'anaphylaxis_party' ? (arrival.party[0] ?? arrival.lead) : arrival.lead;
    state(who, {
      code,
      free: '',
      severity: 'anaphylaxis',
      tracesOk: false,
      note: 'エピペン携帯',
      // Told at booking; the companion's was confirmed long ago: re-confirm at check-in.
      confirmed: addDays(today, arrival.role === 'anaphylaxis_lead' ? -between(20, 150) : -between(500, 900)),
    });
  }
  const severityOf = () => draw.weighted(SEVERITY_WEIGHTS, ([, weight]) => weight);
  guests.forEach((_, guest) => {
    if (!chance(0.08)) return;
    const n = chance(0.75) ? 1 : 2;
    for (let k = 0; k < n; k++) {
      const free = chance(0.1) ? pick(FREE_ALLERGENS) : '';
      const code = free ? null : draw.weighted(REPORTED_ALLERGENS, ([, weight]) => weight)[0];
      const known = statementsOf.get(guest) ?? [];
      if (known.some((s) => (code ? s.code === code : s.free === free))) continue;
      const [severity, , tracesOkRate] = severityOf();
      state(guest, {
        code,
        free,
        severity,
        tracesOk: draw.random() < tracesOkRate,
        note: severity === 'anaphylaxis' ? 'エピペン携帯' : pick(EVERYDAY_NOTES),
        // Half confirmed this year, half long ago (要再確認 at their next check-in).
        confirmed: addDays(today, chance(0.5) ? -between(3, 330) : -between(400, 1460)),
      });
    }
  });
  for (const [guest, statements] of statementsOf) {
    for (const statement of statements)
      writeAllergy(guest, statement, statement.severity !== 'dislike' && chance(0.06));
    if (chance(0.05))
      writeRetracted(guest, pick(FREE_ALLERGENS.filter((free) => !statements.some((s) => s.free === free))));
  }

  // 6. Standing requests (every visit): ~3% of the guests, and the first returning party arriving today.
  const standingGuests = guests.flatMap((_, guest) => (chance(0.03) ? [guest] : []));
  const regular = arrivals.find((arrival) => arrival.returning)?.lead;
  if (regular !== undefined && !standingGuests.includes(regular)) standingGuests.push(regular);
  for (const guest of standingGuests) {
    const [category, text] = pick(STANDING_TEXTS);
    writeRequest(guest, {
      stayId: null,
      category,
      text,
      status: 'open',
      takenAt: stamp(addDays(today, -between(30, HISTORY_DAYS)), between(9, 17)),
    });
  }

  // 7. The working day.
  const dayRequests = (guest: number, stayId: string, stay: Stay, returning: boolean, extra: string[] = []) => {
    const used = new Set<string>();
    for (const text of extra) {
      used.add(text);
      writeRequest(guest, {
        stayId,
        category: 'celebration',
        text,
        status: 'open',
        takenAt: stamp(addDays(stay.arrival, -between(2, 20)), between(9, 17)),
      });
    }
    const n = between(0, 2);
    for (let k = 0; k < n; k++) {
      const request = randomRequest({ returning, children: stay.children > 0 }, used);
      if (!request) continue;
      const done = chance(0.25);
      writeRequest(guest, {
        stayId,
        ...request,
        status: done ? 'done' : 'open',
        takenAt: stamp(addDays(stay.arrival, -between(1, 10)), between(9, 17)),
        handledAt: done ? stamp(today, between(8, 11)) : undefined,
      });
    }
  };
  for (const stay of inHouse) {
    const id = writeStay(stay);
    const dinner = PLAN_TERMS[stay.plan]?.dinner;
    const served = courseOf(stay);
    if (dinner && served) serveDinner(id, yesterday, served);
    const tonight = courseOf(stay, 1);
    if (dinner && tonight) planDinner(id, today, tonight);
    dayRequests(stay.lead, id, stay, pastStays.has(stay.lead));
  }
  for (const arrival of arrivals) {
    const id = writeStay(arrival);
    counts.arrivingToday++;
    const course = courseOf(arrival);
    if (arrival.planned && course) planDinner(id, today, course);
    const celebration =
      arrival.role === 'anniversary'
        ? CELEBRATION_TEXTS.slice(0, 1) // 結婚記念日 ケーキ
        : arrival.role === 'birthday'
          ? CELEBRATION_TEXTS.slice(1, 2) // 誕生日に花束
          : [];
    dayRequests(arrival.lead, id, arrival, arrival.returning, celebration);
  }
  for (const stay of arrivingTomorrow) {
    const id = writeStay(stay);
    const course = courseOf(stay);
    if (PLAN_TERMS[stay.plan]?.dinner && course && chance(0.4)) planDinner(id, tomorrow, course);
    if (chance(0.5)) dayRequests(stay.lead, id, stay, pastStays.has(stay.lead));
  }
  return counts;
}
