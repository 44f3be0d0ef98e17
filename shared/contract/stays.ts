import { z } from 'zod';
import { daysBetween } from '../text/dates.ts';
import { basedOnVersion, calendarDate, count, id, idList, requiredText, text, yen } from './common.ts';
import { call } from './define.ts';

export const STAY_STATUSES = ['booked', 'in_house', 'departed', 'cancelled', 'no_show'] as const;
export type StayStatus = (typeof STAY_STATUSES)[number];
/** Purpose or occasion of a stay; anniversary, birthday and celebration are shown as celebrations. */
export const STAY_PURPOSES = [
  'sightseeing',
  'business',
  'anniversary',
  'birthday',
  'celebration',
  'memorial',
  'family',
  'other',
] as const;
export const CELEBRATION_PURPOSES: ReadonlySet<string> = new Set(['anniversary', 'birthday', 'celebration']);
export const BOOKING_CHANNELS = ['phone', 'walk_in', 'own_website', 'ota', 'travel_agent', 'other'] as const;

/** Stays that count as a visit: the guest came. */
export const VISITED_STATUSES: readonly StayStatus[] = ['in_house', 'departed'];

const room = requiredText(20);

/** Everything a person records about a stay. `partyIds` are the other guests in the party (companions). */
const stayFieldShape = {
  guestId: id,
  arrivalDate: calendarDate(),
  departureDate: calendarDate(),
  rooms: z
    .array(room, { error: 'invalid_type' })
    .min(1, { error: 'required' })
    .max(10, { error: 'too_many' })
    // One room named twice ('201', '201' or 'r201', 'R201') is a slip, not two rooms.
    .refine((rooms) => new Set(rooms.map((name) => name.toLowerCase())).size === rooms.length, { error: 'duplicate' }),
  adults: count(99),
  children: count(99),
  partyIds: idList(30),
  plan: text(100),
  purpose: z.enum(STAY_PURPOSES, { error: 'invalid_choice' }).nullable(),
  channel: z.enum(BOOKING_CHANNELS, { error: 'invalid_choice' }).nullable(),
  reservationNo: text(50),
  amountYen: yen,
  staffId: id.nullable(),
  status: z.enum(STAY_STATUSES, { error: 'invalid_choice' }),
  note: text(1000),
  /**
   * Staff chose to put this party in a room another stay occupies on the same nights (相部屋). Without it, a
   * booked or in-house stay in an occupied room is refused with `conflict` / `room_taken`, naming the other.
   */
  sharedRoom: z.boolean({ error: 'invalid_type' }),
};

function departureNotBeforeArrival(value: { arrivalDate?: string; departureDate?: string }) {
  return !value.arrivalDate || !value.departureDate || value.departureDate >= value.arrivalDate;
}
const departureIssue = { error: 'departure_before_arrival', path: ['departureDate'] };

/**
 * The longest stay one booking can be: a year. Long stays (湯治, a month for work) are weeks or months; a
 * departure years away is a typo (2100 for 2026), and it would hold the room against every booking until then.
 */
export const MAX_STAY_NIGHTS = 365;
function notTooLong(value: { arrivalDate?: string; departureDate?: string }) {
  return (
    !value.arrivalDate || !value.departureDate || daysBetween(value.arrivalDate, value.departureDate) <= MAX_STAY_NIGHTS
  );
}
const tooLongIssue = { error: 'stay_too_long', path: ['departureDate'], params: { nights: MAX_STAY_NIGHTS } };

export const stayCreateSchema = z
  .object({
    ...stayFieldShape,
    adults: stayFieldShape.adults.optional(),
    children: stayFieldShape.children.optional(),
    partyIds: stayFieldShape.partyIds.optional(),
    plan: stayFieldShape.plan.optional(),
    purpose: stayFieldShape.purpose.optional(),
    channel: stayFieldShape.channel.optional(),
    reservationNo: stayFieldShape.reservationNo.optional(),
    amountYen: stayFieldShape.amountYen.optional(),
    staffId: stayFieldShape.staffId.optional(),
    status: stayFieldShape.status.optional(),
    note: stayFieldShape.note.optional(),
    sharedRoom: stayFieldShape.sharedRoom.optional(),
  })
  .strict()
  .refine(departureNotBeforeArrival, departureIssue)
  .refine(notTooLong, tooLongIssue);

/** A patch: the core checks departure against the stored arrival when only one of them changes. */
export const stayPatchSchema = z
  .object(stayFieldShape)
  .partial()
  .strict()
  .refine(departureNotBeforeArrival, departureIssue)
  .refine(notTooLong, tooLongIssue);
export type StayFieldsInput = z.input<typeof stayCreateSchema>;

export const partyMemberSchema = z.object({
  guestId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  lead: z.boolean(),
});
export type PartyMember = z.infer<typeof partyMemberSchema>;

export const staySchema = z.object({
  id: z.string(),
  guestId: z.string(),
  arrivalDate: z.string(),
  departureDate: z.string(),
  nights: z.number(),
  rooms: z.array(z.string()),
  adults: z.number(),
  children: z.number(),
  /** The lead guest first, then the companions. */
  party: z.array(partyMemberSchema),
  plan: z.string(),
  purpose: z.enum(STAY_PURPOSES).nullable(),
  channel: z.enum(BOOKING_CHANNELS).nullable(),
  reservationNo: z.string(),
  amountYen: z.number(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  status: z.enum(STAY_STATUSES),
  note: z.string(),
  sharedRoom: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stay = z.infer<typeof staySchema>;

/** Another booked or in-house stay in one of a stay's rooms on one of its nights (see electron/core/stays/rooms.ts). */
export const roomClashSchema = z.object({
  stayId: z.string(),
  /** The rooms both stays name. */
  rooms: z.array(z.string()),
  /** The other party's lead, family name first. */
  guestName: z.string(),
  arrivalDate: z.string(),
  departureDate: z.string(),
  /** The other stay was recorded as sharing its room. */
  sharedRoom: z.boolean(),
});
export type RoomClash = z.infer<typeof roomClashSchema>;

/**
 * A stay as a form edits it, with its version to send back with stays.update (see basedOnVersion): what
 * stays.* answer. The guest card's stays and today's arrivals show stays without it: the card's form reads the
 * stay it edits with stays.get as it opens, and a version per stay shown would cost a lookup in the change log
 * per stay on the busiest screens (a regular's card, 20 stays).
 */
export const editableStaySchema = staySchema.extend({ version: z.number() });
export type EditableStay = z.infer<typeof editableStaySchema>;

export const stayCalls = {
  'stays.create': call({
    summary: 'Record a stay (booking) for a guest, with the party, rooms, plan, purpose and amount.',
    writes: true,
    input: z.object({ fields: stayCreateSchema }).strict(),
    output: editableStaySchema,
  }),
  'stays.update': call({
    summary: 'Change some fields of a stay, including its status (booked → in house → departed, cancelled, no-show).',
    writes: true,
    input: z.object({ id, patch: stayPatchSchema, version: basedOnVersion }).strict(),
    output: editableStaySchema,
  }),
  'stays.get': call({
    summary: 'One stay with its party.',
    writes: false,
    input: z.object({ id }).strict(),
    output: editableStaySchema,
  }),
};
