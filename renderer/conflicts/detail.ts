// What each kind of conflict carries in `detail` (the contract types it as unknown: the core's invariant checks
// write it, see electron/core/*/invariants.ts and changes/conflicts.ts). Read through these schemas, so a
// detail this screen does not understand (a newer PC's kind or shape) is shown as such instead of breaking the
// page. tests/conflicts/detail.test.ts parses what the real core records with them. No React here.

import { z } from 'zod';
import { STAGES } from '../../shared/contract/banquet-codes.ts';
import type { Conflict } from '../../shared/contract/conflicts.ts';

const hallDoubleBooked = z.object({
  date: z.string(),
  halls: z.array(z.string()),
  deals: z.array(z.object({ id: z.string(), stage: z.enum(STAGES), start: z.string(), end: z.string() })),
});

const allergyDuplicate = z.object({
  guestId: z.string(),
  records: z.array(z.object({ id: z.string(), severity: z.string() })),
  severest: z.string(),
});

const dealFinalStages = z.object({
  stages: z.array(z.object({ id: z.string(), stage: z.enum(STAGES), at: z.string(), staffId: z.string().nullable() })),
});

const fieldGroup = z.discriminatedUnion('group', [
  z.object({ group: z.literal('dates'), arrival: z.string(), departure: z.string() }),
  z.object({ group: z.literal('times'), start: z.string(), end: z.string() }),
  z.object({ group: z.literal('hold'), date: z.string(), holdExpiresOn: z.string() }),
]);

/** One side of two edits of a field: the value as stored, its stamp, the PC and the staff member. */
const side = z.object({ value: z.unknown(), hlc: z.number(), node: z.string(), staff: z.string().nullable() });
const fieldEdit = z.object({ column: z.string(), kept: side, other: side });

export type HallDoubleBooked = z.infer<typeof hallDoubleBooked>;
export type AllergyDuplicate = z.infer<typeof allergyDuplicate>;
export type DealFinalStages = z.infer<typeof dealFinalStages>;
export type FieldGroup = z.infer<typeof fieldGroup>;
export type FieldEdit = z.infer<typeof fieldEdit>;
export type EditSide = z.infer<typeof side>;

export type ReadConflict =
  | { kind: 'hall_double_booked'; conflict: Conflict; detail: HallDoubleBooked }
  | { kind: 'allergy_duplicate'; conflict: Conflict; detail: AllergyDuplicate }
  | { kind: 'deal_final_stages'; conflict: Conflict; detail: DealFinalStages }
  | { kind: 'field_group'; conflict: Conflict; detail: FieldGroup }
  | { kind: 'field_edit'; conflict: Conflict; detail: FieldEdit }
  | { kind: 'unreadable'; conflict: Conflict };

const SCHEMAS = {
  hall_double_booked: hallDoubleBooked,
  allergy_duplicate: allergyDuplicate,
  deal_final_stages: dealFinalStages,
  field_group: fieldGroup,
  field_edit: fieldEdit,
} as const;

/** A conflict with its detail checked against its kind's shape; 'unreadable' when it does not fit. */
export function readConflict(conflict: Conflict): ReadConflict {
  const schema = SCHEMAS[conflict.kind] as z.ZodType | undefined;
  const parsed = schema?.safeParse(conflict.detail);
  if (!parsed?.success) return { kind: 'unreadable', conflict };
  return { kind: conflict.kind, conflict, detail: parsed.data } as ReadConflict;
}

/** Bits of a change-log stamp below the milliseconds (electron/core/changes/hlc.ts: ms × 2048 + counter). */
const COUNTER_SPAN = 2 ** 11;

/** The moment a change-log stamp names, as ISO text, for the screen's date-time format. */
export function stampToIso(hlc: number): string {
  return new Date(Math.floor(hlc / COUNTER_SPAN)).toISOString();
}

/** How far ahead of this PC a held change's PC was when it arrived, in whole minutes (at least 1). */
export function minutesAhead(held: { stampedAt: string; receivedAt: string }): number {
  const ms = Date.parse(held.stampedAt) - Date.parse(held.receivedAt);
  return Number.isFinite(ms) ? Math.max(1, Math.round(ms / 60_000)) : 0;
}
