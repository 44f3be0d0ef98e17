import { z } from 'zod';
import { basedOnVersion, calendarDate, id, recordVersion, requiredText, text } from './common.ts';
import { call } from './define.ts';

/** The legal class of a catalogue allergen: 特定原材料 (mandatory), 準ずるもの (recommended), or the inn's own. */
export const ALLERGEN_CLASSES = ['mandatory', 'recommended', 'other'] as const;
/** Most severe first: the order alerts are shown in. `dislike` (苦手) is a preference, not a safety item. */
export const SEVERITIES = ['anaphylaxis', 'allergy', 'intolerance', 'dislike'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export const allergenSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  legalClass: z.enum(ALLERGEN_CLASSES),
  sortOrder: z.number(),
  deletedAt: z.string().nullable(),
});
export type Allergen = z.infer<typeof allergenSchema>;
/** An allergen as the catalogue edits it, with its version. */
export const editableAllergenSchema = allergenSchema.extend({ version: recordVersion });
export type EditableAllergen = z.infer<typeof editableAllergenSchema>;

const allergenFieldShape = {
  nameJa: requiredText(40),
  nameEn: text(60),
  legalClass: z.enum(ALLERGEN_CLASSES, { error: 'invalid_choice' }),
};

/** The status of one allergy record. Records are never removed: a correction supersedes, a retraction flags. */
export const ALLERGY_STATES = ['current', 'superseded', 'retracted'] as const;

export const allergySchema = z.object({
  id: z.string(),
  guestId: z.string(),
  /** A catalogue allergen, or null for a free allergen (アルコール, 生もの…). */
  allergenId: z.string().nullable(),
  freeAllergen: z.string(),
  /** The allergen's name for display: the catalogue's Japanese and English names, or the free text in both. */
  nameJa: z.string(),
  nameEn: z.string(),
  severity: z.enum(SEVERITIES),
  tracesOk: z.boolean(),
  note: z.string(),
  confirmedAt: z.string(),
  confirmedBy: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  retractedAt: z.string().nullable(),
  retractedBy: z.string().nullable(),
  retractReason: z.string(),
  state: z.enum(ALLERGY_STATES),
  /** Confirmed longer ago than the inn's re-confirmation period: ask again at check-in. */
  reconfirmDue: z.boolean(),
  /** Never confirmed with the guest (an imported ledger's free text, 要確認): confirm or correct it. */
  needsReview: z.boolean(),
});
export type Allergy = z.infer<typeof allergySchema>;

/** An allergy with whose it is, for lists that span a party (arrivals, a banquet's attendees). */
export const partyAllergySchema = allergySchema.extend({ guestName: z.string() });

/** What an allergy says. Exactly one of allergenId and freeAllergen. */
const allergyContentShape = {
  allergenId: id.nullable().optional(),
  freeAllergen: text(40).optional(),
  severity: z.enum(SEVERITIES, { error: 'invalid_choice' }),
  tracesOk: z.boolean({ error: 'invalid_type' }),
  note: text(500).optional(),
  /** When the guest confirmed it; today when omitted. */
  confirmedAt: calendarDate().optional(),
};

function oneAllergen(value: { allergenId?: string | null; freeAllergen?: string }) {
  return Boolean(value.allergenId) !== Boolean(value.freeAllergen);
}
const oneAllergenIssue = { error: 'allergen_required', path: ['allergenId'] };

export const allergyCalls = {
  'allergens.list': call({
    summary: 'The allergen catalogue (seeded with the labelling list: 8 mandatory, 20 recommended), in display order.',
    writes: false,
    input: z.object({ includeDeleted: z.boolean().optional() }).strict(),
    output: z.object({ allergens: z.array(editableAllergenSchema) }),
  }),
  'allergens.create': call({
    summary: "Add an allergen to the catalogue (the inn's own, or a new legal one when the list is revised).",
    writes: true,
    input: z.object({ fields: z.object(allergenFieldShape).strict() }).strict(),
    output: editableAllergenSchema,
  }),
  'allergens.update': call({
    summary: 'Rename an allergen or change its legal class.',
    writes: true,
    input: z.object({ id, patch: z.object(allergenFieldShape).partial().strict(), version: basedOnVersion }).strict(),
    output: editableAllergenSchema,
  }),
  'allergens.delete': call({
    summary: 'Withdraw an allergen from the catalogue (a tombstone; allergies that name it keep it).',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableAllergenSchema,
  }),
  'allergens.restore': call({
    summary: 'Bring a withdrawn allergen back.',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableAllergenSchema,
  }),
  'allergies.record': call({
    summary: 'Record an allergy or dietary need of a guest, confirmed by the staff member at this PC.',
    writes: true,
    input: z
      .object({ guestId: id, ...allergyContentShape })
      .strict()
      .refine(oneAllergen, oneAllergenIssue),
    output: allergySchema,
  }),
  'allergies.correct': call({
    summary: 'Correct a current allergy: a new record supersedes it; the old one stays in the history.',
    writes: true,
    input: z
      .object({ id, ...allergyContentShape })
      .strict()
      .refine(oneAllergen, oneAllergenIssue),
    output: allergySchema,
  }),
  'allergies.retract': call({
    summary: 'Retract a current allergy recorded in error (a flag with a reason; the record stays).',
    writes: true,
    input: z.object({ id, reason: requiredText(200) }).strict(),
    output: allergySchema,
  }),
  'allergies.restore': call({
    summary: 'Undo a retraction.',
    writes: true,
    input: z.object({ id }).strict(),
    output: allergySchema,
  }),
  'allergies.confirm': call({
    summary: 'The guest confirmed a current allergy again today (clears "re-confirm at check-in").',
    writes: true,
    input: z.object({ id }).strict(),
    output: allergySchema,
  }),
  'allergies.forGuest': call({
    summary: 'Every allergy record of a guest, current first by severity, then superseded and retracted ones.',
    writes: false,
    input: z.object({ guestId: id }).strict(),
    output: z.object({ allergies: z.array(allergySchema) }),
  }),
};
