import { z } from 'zod';
import { basedOnVersion, id, requiredText } from './common.ts';
import { call } from './define.ts';

// Erasure on a guest's request (APPI): electron/core/erasure/, docs/erasure.md.

/** A backup file made before the erasure: it still holds the guest's data until it is deleted or replaced. */
const backupBefore = z.object({ name: z.string(), takenAt: z.string() });

const plan = z.object({
  guestId: z.string(),
  /** The guest's last stay (departure day) within the last three years, or null. */
  lastStay: z.string().nullable(),
  /** Until this day the 宿泊者名簿 fields are kept (for the register only); null: nothing is kept. */
  holdUntil: z.string().nullable(),
  /** The register fields that are kept until holdUntil (only those with a value). */
  heldFields: z.array(z.string()),
  /** Backups in the backup folder made before now: they still hold the guest. */
  backupsBefore: z.array(backupBefore),
  /** Cards merged into this one (名寄せ): erased with it. */
  mergedCards: z.number().int(),
});

export const erasureCalls = {
  'guests.erasurePlan': call({
    summary:
      'What erasing a guest would do: the 宿泊者名簿 fields kept and until when (three years after the last stay), and which backups still hold the guest.',
    writes: false,
    input: z.object({ id }).strict(),
    output: plan,
  }),
  'guests.erase': call({
    summary:
      "Erase a guest on their request: personal fields blanked everywhere (the row, the change log's old values, the search, merge records) on every synced PC; stays, amounts and counts stay under the anonymous id. The 宿泊者名簿 fields of a stay in the last three years are kept for the register until three years after it, then erased by the daily job. Cannot be undone.",
    writes: true,
    input: z.object({ id, reason: requiredText(200), version: basedOnVersion }).strict(),
    output: plan.extend({ erasedAt: z.string() }),
  }),
};
