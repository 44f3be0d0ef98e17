import { z } from 'zod';
import { allergySchema, SEVERITIES } from './allergies.ts';
import { id } from './common.ts';
import { call } from './define.ts';
import { REACTIONS, servedSchema } from './kitchen.ts';
import { requestSchema } from './requests.ts';
import { staySchema } from './stays.ts';

// The service side of a guest card (the front desk's busiest read): visits and spend, stays, current
// allergies, open requests, what was served last time and the guest's dish history.

export const dishHistorySchema = z.object({
  dishId: z.string(),
  dishName: z.string(),
  lastDate: z.string(),
  times: z.number(),
  /** Every reaction recorded for this dish, latest first. */
  reactions: z.array(z.enum(REACTIONS)),
  /** The guest's most severe current allergy to an allergen of this dish; null when none. */
  allergySeverity: z.enum(SEVERITIES).nullable(),
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
  /** Latest first (upcoming included), at most 20. Without versions: a form reads the stay it edits (stays.get). */
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

export const serviceCalls = {
  'guests.service': call({
    summary:
      'The service side of a guest card: visits and spend, stays, current allergies, open and standing requests, what was served.',
    writes: false,
    input: z.object({ id }).strict(),
    output: guestServiceSchema,
  }),
};
