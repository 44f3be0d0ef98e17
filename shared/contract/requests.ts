import { z } from 'zod';
import { id, requiredText } from './common.ts';
import { call } from './define.ts';

/** Fixed categories (a check sheet beats a free text box): the code is stored, the label translated. */
export const REQUEST_CATEGORIES = [
  'meals', // 食事 meals and drinks
  'room', // 客室 room and amenities
  'transport', // 送迎・交通
  'celebration', // 記念日・お祝い
  'care', // 健康・介助 health, mobility and care
  'children', // お子さま
  'complaint', // 苦情 complaints and service recovery
  'other', // その他
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];
export const REQUEST_STATUSES = ['open', 'done', 'cancelled'] as const;

export const requestSchema = z.object({
  id: z.string(),
  guestId: z.string(),
  /** The stay it was taken for; a standing request (every visit) may name the stay it was taken on. */
  stayId: z.string().nullable(),
  stayArrivalDate: z.string().nullable(),
  standing: z.boolean(),
  category: z.enum(REQUEST_CATEGORIES),
  text: z.string(),
  status: z.enum(REQUEST_STATUSES),
  takenAt: z.string(),
  takenBy: z.string().nullable(),
  takenByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledBy: z.string().nullable(),
  handledByName: z.string().nullable(),
});
export type GuestRequest = z.infer<typeof requestSchema>;

export const requestCalls = {
  'requests.record': call({
    summary:
      'Take a request under a fixed category, for a stay or standing (every visit); taken by the staff member at this PC.',
    writes: true,
    input: z
      .object({
        guestId: id,
        stayId: id.nullable().optional(),
        standing: z.boolean({ error: 'invalid_type' }).optional(),
        category: z.enum(REQUEST_CATEGORIES, { error: 'invalid_choice' }),
        text: requiredText(300),
      })
      .strict()
      .refine((value) => value.standing || Boolean(value.stayId), { error: 'stay_required', path: ['stayId'] }),
    output: requestSchema,
  }),
  'requests.setStatus': call({
    summary: 'Mark a request done or cancelled (handled by the staff member at this PC), or open again.',
    writes: true,
    input: z.object({ id, status: z.enum(REQUEST_STATUSES, { error: 'invalid_choice' }) }).strict(),
    output: requestSchema,
  }),
  'requests.forGuest': call({
    summary: "A guest's requests: open and standing ones first, then the latest handled ones.",
    writes: false,
    input: z.object({ guestId: id }).strict(),
    output: z.object({ requests: z.array(requestSchema) }),
  }),
};
