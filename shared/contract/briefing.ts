import { z } from 'zod';
import { allergySchema, SEVERITIES } from './allergies.ts';
import { calendarDate, id } from './common.ts';
import { call } from './define.ts';
import { menuPlanSchema, REACTIONS, servedSchema } from './kitchen.ts';
import { requestSchema } from './requests.ts';
import { STAY_PURPOSES, staySchema } from './stays.ts';

// What the front desk, the service floor and the kitchen see at a glance: the service side of a guest card,
// and today's arrivals (本日の到着) with every alert. The printed sheets are made from the same data.

/** An allergy with whose it is, for lists that span a party. */
export const partyAllergySchema = allergySchema.extend({ guestName: z.string() });

export const dishHistorySchema = z.object({
  dishId: z.string(),
  dishName: z.string(),
  lastDate: z.string(),
  times: z.number(),
  /** Every reaction recorded for this dish, latest first. */
  reactions: z.array(z.enum(REACTIONS)),
});

export const guestServiceSchema = z.object({
  guestId: z.string(),
  visits: z.object({
    /** Stays the guest came to (in house or departed), as lead or in the party. */
    count: z.number(),
    firstVisit: z.string().nullable(),
    lastVisit: z.string().nullable(),
    totalSpendYen: z.number(),
  }),
  /** Latest first (upcoming included), at most 20. */
  stays: z.array(staySchema),
  /** The nearest booked or in-house stay that has not ended: where a new request goes by default. */
  currentStayId: z.string().nullable(),
  /** Current allergies, most severe first. Superseded and retracted ones: allergies.forGuest. */
  allergies: z.array(allergySchema),
  /** Open requests (this stay's and standing), then the latest handled ones. */
  requests: z.array(requestSchema),
  /** What was served on the latest stay that has servings. */
  lastServed: z.object({ stayId: z.string(), arrivalDate: z.string(), served: z.array(servedSchema) }).nullable(),
  /** Dishes served to the guest on earlier stays, latest first, at most 50. */
  dishHistory: z.array(dishHistorySchema),
});
export type GuestService = z.infer<typeof guestServiceSchema>;

export const AVOID_REASONS = ['allergen', 'served', 'left', 'disliked'] as const;

export const arrivalSchema = z.object({
  stay: staySchema,
  /** Earlier visits of the lead guest (this stay not counted); 0 is a first visit. */
  visitCount: z.number(),
  lastVisit: z.string().nullable(),
  /** Current allergies of everyone in the party, most severe first. */
  allergies: z.array(partyAllergySchema),
  /** Open requests for this stay, and open standing requests of the party. */
  requests: z.array(requestSchema),
  celebrations: z.array(
    z.object({
      kind: z.enum(['purpose', 'birthday']),
      purpose: z.enum(STAY_PURPOSES).nullable(),
      guestId: z.string().nullable(),
      guestName: z.string(),
      /** The birthday's date within the stay. */
      date: z.string().nullable(),
    }),
  ),
  dishesToAvoid: z.array(
    z.object({
      dishId: z.string(),
      dishName: z.string(),
      reasons: z.array(z.enum(AVOID_REASONS)),
      /** For allergen reasons: the most severe allergy the dish meets. */
      severity: z.enum(SEVERITIES).nullable(),
      lastServed: z.string().nullable(),
    }),
  ),
  /** Dishes left out of dishesToAvoid (repeats beyond the first ten; allergen dishes are never left out). */
  moreDishesToAvoid: z.number(),
  /** Menus planned for this stay, with their warnings; alternatives only for dishes with an allergen. */
  menus: z.array(menuPlanSchema),
});
export type Arrival = z.infer<typeof arrivalSchema>;

export const arrivalsSchema = z.object({
  date: z.string(),
  /** Ordered by first room. Cancelled stays are left out. */
  arrivals: z.array(arrivalSchema),
  totals: z.object({ parties: z.number(), adults: z.number(), children: z.number(), anaphylaxis: z.number() }),
});
export type Arrivals = z.infer<typeof arrivalsSchema>;

export const briefingCalls = {
  'guests.service': call({
    summary:
      'The service side of a guest card: visits and spend, stays, current allergies, open and standing requests, what was served.',
    writes: false,
    input: z.object({ id }).strict(),
    output: guestServiceSchema,
  }),
  'arrivals.forDate': call({
    summary:
      'Arrivals of a day (本日の到着) with every alert: allergies by severity, requests, celebrations, visit count, dishes to avoid, re-confirmations due.',
    writes: false,
    input: z.object({ date: calendarDate(), stayId: id.optional() }).strict(),
    output: arrivalsSchema,
  }),
};
