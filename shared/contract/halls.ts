import { z } from 'zod';
import { basedOnVersion, count, id, idList, recordVersion, requiredText, text } from './common.ts';
import { call } from './define.ts';

// Banquet halls (宴会場): capacity per layout style, and which halls open into one another.

export const hallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Seats per layout style; 0 means the hall is not offered in that style. */
  capacity: z.object({ seated: z.number(), standing: z.number(), theatre: z.number() }),
  /** Halls this one can be opened into (partitions removed) for a larger party. */
  combinableWith: z.array(z.string()),
  note: z.string(),
  sortOrder: z.number(),
  deletedAt: z.string().nullable(),
});
export type Hall = z.infer<typeof hallSchema>;
/** A hall as the halls page edits it, with its version (halls named on deals and calendars carry none). */
export const editableHallSchema = hallSchema.extend({ version: recordVersion });
export type EditableHall = z.infer<typeof editableHallSchema>;

const hallFieldShape = {
  name: requiredText(40),
  capacity: z
    .object({ seated: count(2000), standing: count(2000), theatre: count(2000) }, { error: 'invalid_type' })
    .strict()
    .refine((c) => c.seated + c.standing + c.theatre > 0, { error: 'capacity_required' }),
  combinableWith: idList(20),
  note: text(500),
  sortOrder: count(10_000),
};

export const hallCalls = {
  'halls.list': call({
    summary: 'The banquet halls with capacity per layout and which can be combined.',
    writes: false,
    input: z.object({ includeDeleted: z.boolean().optional() }).strict(),
    output: z.object({ halls: z.array(editableHallSchema) }),
  }),
  'halls.create': call({
    summary: 'Add a hall.',
    writes: true,
    input: z
      .object({
        fields: z.object(hallFieldShape).partial({ combinableWith: true, note: true, sortOrder: true }).strict(),
      })
      .strict(),
    output: editableHallSchema,
  }),
  'halls.update': call({
    summary: 'Change a hall: name, capacity, combinations. Combinations are kept both ways.',
    writes: true,
    input: z.object({ id, fields: z.object(hallFieldShape).partial().strict(), version: basedOnVersion }).strict(),
    output: editableHallSchema,
  }),
  'halls.delete': call({
    summary: 'Withdraw a hall (its past banquets keep it).',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableHallSchema,
  }),
  'halls.restore': call({
    summary: 'Bring a withdrawn hall back.',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableHallSchema,
  }),
};
