import { z } from 'zod';
import { partyAllergySchema, SEVERITIES } from './allergies.ts';
import { calendarDate, id } from './common.ts';
import { call } from './define.ts';
import { menuPlanSchema } from './kitchen.ts';
import { guestRankSchema } from './ranks.ts';
import { requestSchema } from './requests.ts';
import { roomClashSchema, STAY_PURPOSES, staySchema } from './stays.ts';

// Today's arrivals (本日の到着) with every alert: what the front desk, the service floor and the kitchen see
// at a glance before the guests arrive. The printed sheets are made from the same data.

export const AVOID_REASONS = ['allergen', 'served', 'left', 'disliked'] as const;

export const arrivalSchema = z.object({
  stay: staySchema,
  /** Earlier visits of the lead guest (this stay not counted); 0 is a first visit. */
  visitCount: z.number(),
  lastVisit: z.string().nullable(),
  /** The lead guest's rank (顧客ランク), or null. */
  rank: guestRankSchema,
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
  /**
   * Other booked or in-house stays in this stay's rooms on the night of the date (two parties in one room):
   * refused at the desk unless recorded as shared (`sharedRoom`), but a clash can also come from another PC.
   */
  roomClashes: z.array(roomClashSchema),
});
export type Arrival = z.infer<typeof arrivalSchema>;

export const arrivalsSchema = z.object({
  date: z.string(),
  /** Ordered by first room. Cancelled stays are left out. */
  arrivals: z.array(arrivalSchema),
  totals: z.object({ parties: z.number(), adults: z.number(), children: z.number(), anaphylaxis: z.number() }),
});
export type Arrivals = z.infer<typeof arrivalsSchema>;

export const arrivalCalls = {
  'arrivals.forDate': call({
    summary:
      'Arrivals of a day (本日の到着) with every alert: allergies by severity, requests, celebrations, visit count, dishes to avoid, re-confirmations due.',
    writes: false,
    input: z.object({ date: calendarDate(), stayId: id.optional() }).strict(),
    output: arrivalsSchema,
  }),
};
