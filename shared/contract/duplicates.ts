import { z } from 'zod';
import { id } from './common.ts';
import { call } from './define.ts';
import { DIFFERENCE_REASONS, DUPLICATE_DECISIONS, MATCH_REASONS, MERGE_FIELDS } from './duplicate-codes.ts';
import { PHONE_LABELS } from './guests.ts';

export * from './duplicate-codes.ts';

// 名寄せ: the register scanned for guests who are probably one person (a job), the pairs reviewed by staff
// (merge, not the same person, later), merges listed and undone. See docs/architecture.md, "名寄せ".

export const reasonsSchema = z.object({
  same: z.array(z.enum(MATCH_REASONS)),
  differs: z.array(z.enum(DIFFERENCE_REASONS)),
});

/** One side of a pair: the fields a merge chooses between, and how much history hangs on the guest. */
export const duplicateSideSchema = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  phones: z.array(z.object({ number: z.string(), label: z.enum(PHONE_LABELS) })),
  email: z.string(),
  postalCode: z.string(),
  address: z.string(),
  birthday: z.string(),
  organization: z.string(),
  note: z.string(),
  marketingConsent: z.boolean(),
  nationality: z.string(),
  passportNumber: z.string(),
  createdAt: z.string(),
  stays: z.number().int(),
  lastVisit: z.string().nullable(),
});
export type DuplicateSide = z.infer<typeof duplicateSideSchema>;

export const candidateSchema = z.object({
  a: duplicateSideSchema,
  b: duplicateSideSchema,
  /** 0 to 100: how sure the scan is that the two are one person. */
  score: z.number().int(),
  reasons: reasonsSchema,
  /** The fields whose values differ (both shown, staff choose one each when merging). */
  differing: z.array(z.enum(MERGE_FIELDS)),
  /** Put aside with 「あとで」: listed after the others. */
  later: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;

const fieldChoice = z.enum(['kept', 'merged'], { error: 'invalid_choice' });

export const mergeSummarySchema = z.object({
  id: z.string(),
  kept: z.object({ id: z.string(), familyName: z.string(), givenName: z.string() }),
  merged: z.object({ id: z.string(), familyName: z.string(), givenName: z.string() }),
  at: z.string(),
  by: z.string().nullable(),
  /** How many records moved to the kept guest (stays, allergies, requests, deals, companions…). */
  moved: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type MergeSummary = z.infer<typeof mergeSummarySchema>;

export const duplicateCalls = {
  'duplicates.scan': call({
    summary:
      'Scans the whole register for guests who are probably one person (blocking keys, never every pair), in slices with progress and cancel; the pairs are kept for duplicates.list.',
    // Needs no staff member: it records nothing, only what is derived from the register.
    writes: false,
    job: true,
    input: z.object({}).strict(),
    output: z.object({ guests: z.number().int(), candidates: z.number().int() }),
  }),
  'duplicates.list': call({
    summary:
      'The pairs the last scan proposed, best first (those put aside with 「あとで」 last), without pairs decided 別人, merged or deleted since.',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({
      scannedAt: z.string().nullable(),
      total: z.number().int(),
      candidates: z.array(candidateSchema),
    }),
  }),
  'duplicates.decide': call({
    summary:
      'Staff’s answer about a pair: `not_same` (別人: never proposed again) or `later` (あとで). One synced row per pair, whichever PC decides.',
    writes: true,
    input: z
      .object({ guestA: id, guestB: id, decision: z.enum(DUPLICATE_DECISIONS, { error: 'invalid_choice' }) })
      .strict(),
    output: z.object({ decision: z.enum(DUPLICATE_DECISIONS) }),
  }),
  'duplicates.merge': call({
    summary:
      'Merges `mergedId` into `keptId`: every stay, party place, allergy, request, deal, attendance, follow-up and companion moves to the kept card, phones are united, `take` chooses per differing field whose value stays (unless said, the kept one, or the other where the kept one is empty), and the other guest is deleted as merged into the kept one. One write; undone with duplicates.undoMerge. A guest erased on request cannot be merged either way (`guest_erased`): their rows stay blank on any card.',
    writes: true,
    input: z
      .object({
        keptId: id,
        mergedId: id,
        take: z.partialRecord(z.enum(MERGE_FIELDS), fieldChoice).optional(),
      })
      .strict(),
    output: z.object({ mergeId: z.string(), keptId: z.string() }),
  }),
  'duplicates.undoMerge': call({
    summary:
      'Undoes a merge as one step: what it moved goes back (with corrections made since to the allergies it moved) and the merged guest returns; what was recorded on the kept card since stays there. Refused (merge_kept_merged_since) while the kept guest is itself merged into another: undo that merge first.',
    writes: true,
    input: z.object({ id }).strict(),
    output: z.object({ keptId: z.string(), mergedId: z.string() }),
  }),
  'duplicates.merges': call({
    summary: 'The latest merges, newest first, with who merged and whether each was undone.',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(100).optional() }).strict(),
    output: z.object({ merges: z.array(mergeSummarySchema) }),
  }),
};
