import { z } from 'zod';
import { BANQUET_TYPES, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES } from './banquet-codes.ts';
import { calendarDate, id, text } from './common.ts';
import { call } from './define.ts';

// Follow-up calls (フォロー): next year's party, the family's next memorial service; due, then done.

export const followUpSchema = z.object({
  id: z.string(),
  banquetId: z.string(),
  guestId: z.string(),
  guestName: z.string(),
  guestPhone: z.string(),
  groupName: z.string(),
  kind: z.enum(FOLLOW_UP_KINDS),
  type: z.enum(BANQUET_TYPES),
  /** The day the call is due. */
  dueDate: z.string(),
  /** The event the call is about: next year's party date, or the memorial anniversary. */
  eventDate: z.string(),
  /** For memorial services: years after the death (2 is 三回忌). */
  memorialYear: z.number().nullable(),
  deceasedName: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneByName: z.string().nullable(),
  note: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpCalls = {
  'followUps.list': call({
    summary: 'Follow-up calls: open ones due by a day (default: 60 days from today), or all of a guest.',
    writes: false,
    input: z
      .object({
        dueBy: calendarDate().optional(),
        guestId: id.optional(),
        status: z.enum(FOLLOW_UP_STATUSES, { error: 'invalid_choice' }).optional(),
      })
      .strict(),
    output: z.object({ followUps: z.array(followUpSchema) }),
  }),
  'followUps.setStatus': call({
    summary: 'Mark a follow-up call done (by the staff member at this PC) or cancelled, with a note; or open again.',
    writes: true,
    input: z
      .object({ id, status: z.enum(FOLLOW_UP_STATUSES, { error: 'invalid_choice' }), note: text(500).optional() })
      .strict(),
    output: followUpSchema,
  }),
};
