// A hand-made day of arrivals (the shape arrivals.forDate returns), for the PDF maker's tests and timing.

import type { Allergy } from '../../shared/contract/allergies.ts';
import type { Arrival, Arrivals } from '../../shared/contract/arrivals.ts';
import type { GuestRequest } from '../../shared/contract/requests.ts';
import type { Stay } from '../../shared/contract/stays.ts';

export const DAY = '2026-11-23';

function stay(n: number, fields: Partial<Stay> = {}): Stay {
  return {
    id: `stay-${n}`,
    guestId: `guest-${n}`,
    arrivalDate: DAY,
    departureDate: '2026-11-24',
    nights: 1,
    rooms: [String(100 + n)],
    adults: 2,
    children: 0,
    party: [
      {
        guestId: `guest-${n}`,
        familyName: '山田',
        givenName: `太郎${n}`,
        familyReading: 'やまだ',
        givenReading: 'たろう',
        lead: true,
      },
    ],
    plan: '季節の会席プラン',
    purpose: null,
    channel: 'phone',
    reservationNo: '',
    amountYen: 48_000,
    staffId: null,
    staffName: null,
    status: 'booked',
    note: '',
    sharedRoom: false,
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
    ...fields,
  };
}

function allergy(guestId: string, fields: Partial<Allergy & { guestName: string }>): Allergy & { guestName: string } {
  return {
    id: `allergy-${guestId}-${fields.nameJa}`,
    guestId,
    guestName: '山田 花子',
    allergenId: 'allergen-shrimp',
    freeAllergen: '',
    nameJa: 'えび',
    nameEn: 'Shrimp',
    severity: 'allergy',
    tracesOk: false,
    note: '',
    confirmedAt: '2026-04-01',
    confirmedBy: null,
    confirmedByName: null,
    recordedAt: '2026-04-01T10:00:00.000Z',
    recordedBy: null,
    recordedByName: null,
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
    retractReason: '',
    state: 'current',
    reconfirmDue: false,
    needsReview: false,
    ...fields,
  };
}

function request(n: number, fields: Partial<GuestRequest>): GuestRequest {
  return {
    id: `request-${n}-${fields.category}`,
    guestId: `guest-${n}`,
    stayId: `stay-${n}`,
    stayArrivalDate: DAY,
    standing: false,
    category: 'room',
    text: '',
    status: 'open',
    takenAt: '2026-11-01T10:00:00.000Z',
    takenBy: null,
    takenByName: null,
    handledAt: null,
    handledBy: null,
    handledByName: null,
    ...fields,
  };
}

/** Room 201: a party of two with every kind of alert. */
export function alertedArrival(): Arrival {
  const lead = 'guest-lead';
  const partner = 'guest-partner';
  return {
    roomClashes: [],
    rank: { name: 'ゴールド', manual: false },
    stay: stay(1, {
      id: 'stay-201',
      guestId: lead,
      rooms: ['201'],
      nights: 2,
      departureDate: '2026-11-25',
      children: 1,
      purpose: 'anniversary',
      party: [
        {
          guestId: lead,
          familyName: '佐藤',
          givenName: '一郎',
          familyReading: 'さとう',
          givenReading: 'いちろう',
          lead: true,
        },
        {
          guestId: partner,
          familyName: '佐藤',
          givenName: '花子',
          familyReading: 'さとう',
          givenReading: 'はなこ',
          lead: false,
        },
      ],
    }),
    visitCount: 3,
    lastVisit: '2025-03-01',
    allergies: [
      allergy(partner, {
        guestName: '佐藤 花子',
        nameJa: '小麦',
        nameEn: 'Wheat',
        severity: 'allergy',
        tracesOk: true,
      }),
      allergy(lead, {
        guestName: '佐藤 一郎',
        nameJa: 'えび',
        nameEn: 'Shrimp',
        severity: 'anaphylaxis',
        tracesOk: false,
        note: 'エピペン持参',
        reconfirmDue: true,
      }),
      allergy(lead, {
        guestName: '佐藤 一郎',
        allergenId: null,
        freeAllergen: '生もの',
        nameJa: '生もの',
        nameEn: '生もの',
        severity: 'dislike',
        tracesOk: true,
      }),
    ],
    requests: [
      request(1, { category: 'room', text: '枕を低いものに', standing: true }),
      request(1, { category: 'celebration', text: '夕食時にケーキ（結婚10周年）' }),
    ],
    celebrations: [
      { kind: 'purpose', purpose: 'anniversary', guestId: lead, guestName: '佐藤 一郎', date: null },
      { kind: 'birthday', purpose: null, guestId: partner, guestName: '佐藤 花子', date: '2026-11-24' },
    ],
    dishesToAvoid: [
      {
        dishId: 'dish-ebi',
        dishName: '海老しんじょう',
        reasons: ['allergen'],
        severity: 'anaphylaxis',
        lastServed: null,
      },
      {
        dishId: 'dish-nimono',
        dishName: '里芋の煮物',
        reasons: ['served', 'left'],
        severity: null,
        lastServed: '2025-03-01',
      },
    ],
    moreDishesToAvoid: 3,
    menus: [
      {
        id: 'menu-1',
        stayId: 'stay-201',
        date: DAY,
        meal: 'dinner',
        courseId: 'course-1',
        courseName: '秋の会席',
        dishIds: ['dish-ebi', 'dish-sashimi'],
        status: 'planned',
        dishes: [
          {
            dishId: 'dish-ebi',
            dishName: '海老しんじょう',
            category: 'soup',
            allergies: [
              {
                allergyId: 'a1',
                allergenId: 'allergen-shrimp',
                nameJa: 'えび',
                nameEn: 'Shrimp',
                severity: 'anaphylaxis',
                tracesOk: false,
                guestId: lead,
                guestName: '佐藤 一郎',
              },
            ],
            worstSeverity: 'anaphylaxis',
            servedBefore: [],
            reactions: [],
            alternatives: [{ dishId: 'dish-tofu', name: '胡麻豆腐の椀' }],
          },
          {
            dishId: 'dish-sashimi',
            dishName: 'お造り三種',
            category: 'sashimi',
            allergies: [],
            worstSeverity: null,
            servedBefore: [],
            reactions: [],
            alternatives: [],
          },
        ],
        uncheckedAllergies: [{ guestName: '佐藤 一郎', name: '生もの', severity: 'dislike' }],
      },
    ],
  };
}

/** A first-time guest with nothing to watch for. */
export function quietArrival(n: number): Arrival {
  return {
    roomClashes: [],
    rank: null,
    stay: stay(n),
    visitCount: 0,
    lastVisit: null,
    allergies: [],
    requests: [],
    celebrations: [],
    dishesToAvoid: [],
    moreDishesToAvoid: 0,
    menus: [],
  };
}

export function arrivalsOf(list: Arrival[]): Arrivals {
  const anaphylaxis = list.filter((a) => a.allergies.some((x) => x.severity === 'anaphylaxis')).length;
  return {
    date: DAY,
    arrivals: list,
    totals: {
      parties: list.length,
      adults: list.reduce((sum, a) => sum + a.stay.adults, 0),
      children: list.reduce((sum, a) => sum + a.stay.children, 0),
      anaphylaxis,
    },
  };
}

/** A full house: every room with the alerts of room 201, rooms renumbered. */
export function fullHouse(rooms: number): Arrivals {
  return arrivalsOf(
    Array.from({ length: rooms }, (_, i) => {
      const arrival = alertedArrival();
      return { ...arrival, stay: { ...arrival.stay, id: `stay-${i}`, rooms: [String(101 + i)] } };
    }),
  );
}
