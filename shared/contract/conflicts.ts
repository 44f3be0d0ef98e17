import { z } from 'zod';
import { empty, id, text } from './common.ts';
import { call } from './define.ts';

// What merging the PCs' records could not settle alone (see docs/architecture.md, "Conflicts"): a hall held
// twice, two current records of one allergen, a deal moved to two final stages, field groups that no longer
// fit (a departure before its arrival), two edits of one field. Each is shown with both sides until a staff
// member decides; the decision is recorded under their name and reaches every PC.
// Also the transactions kept aside (a PC whose clock is far ahead, or a newer version's changes).

export const CONFLICT_KINDS = [
  'hall_double_booked',
  'allergy_duplicate',
  'deal_final_stages',
  'field_group',
  'field_edit',
] as const;

export const conflictSchema = z.object({
  id: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  table: z.string(),
  rowA: z.string(),
  rowB: z.string().nullable(),
  /** The column (field_edit), the field group (field_group: dates, times, hold) or the allergen. */
  field: z.string().nullable(),
  /** Both sides, as recorded (see docs/api.md for each kind's shape). */
  detail: z.unknown(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const heldSchema = z.object({
  node: z.string(),
  hlc: z.number(),
  /**
   * clock_ahead: stamped more than five minutes ahead of this PC's clock; unknown_schema: from a newer version;
   * cannot_store: carries a value this PC's tables refuse (a fault on the PC that wrote it, or a newer version's).
   */
  reason: z.enum(['clock_ahead', 'unknown_schema', 'cannot_store']),
  /** When it arrived here (this PC's clock), and the time it claims (its stamp). */
  receivedAt: z.string(),
  stampedAt: z.string(),
  call: z.string().nullable(),
  entries: z.number(),
});

export const conflictCalls = {
  'conflicts.list': call({
    summary: 'Open conflicts between PCs, each with both sides, for staff to decide.',
    writes: false,
    input: empty,
    output: z.object({ conflicts: z.array(conflictSchema) }),
  }),
  'conflicts.decide': call({
    summary:
      'Record a staff member’s decision on a conflict (which side stands, or that both may stay). The decision reaches every PC; fix the record itself with the usual calls.',
    writes: true,
    input: z
      .object({
        id,
        /** For a deal with two final stages: the timeline entry that stands. Otherwise free text ("both", "kept"). */
        choice: text(100),
        note: text(500).optional(),
      })
      .strict(),
    output: z.object({ conflicts: z.array(conflictSchema) }),
  }),
  'conflicts.held': call({
    summary:
      'Transactions received from other PCs and kept aside: stamped far ahead of this PC’s clock, or from a newer version.',
    writes: false,
    input: empty,
    output: z.object({ held: z.array(heldSchema) }),
  }),
  'conflicts.acceptHeld': call({
    summary:
      'Apply a transaction kept aside because its PC’s clock is far ahead (staff checked it). This PC’s clock then runs ahead with it. Needs a staff member chosen at this PC; it applies another PC’s record, so it writes no entry of its own. One that this PC still cannot apply as it is (its values refused: `held_cannot_store`; a newer version’s: `held_unknown_schema`) answers `conflict` and stays aside, listed under that reason.',
    writes: false,
    input: z.object({ node: id, hlc: z.number().int().nonnegative() }).strict(),
    output: z.object({ applied: z.number().int() }),
  }),
};
