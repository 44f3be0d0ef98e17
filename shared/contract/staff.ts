import { z } from 'zod';
import { basedOnVersion, empty, id, reading, recordVersion, requiredText } from './common.ts';
import { call } from './define.ts';

export const staffMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  reading: z.string(),
  active: z.boolean(),
  version: recordVersion,
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffCalls = {
  'staff.list': call({
    summary: 'Staff members (active first) and who is working at this PC.',
    writes: false,
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.object({ staff: z.array(staffMemberSchema), currentStaffId: z.string().nullable() }),
  }),
  'staff.create': call({
    summary:
      'Add a staff member. Needs someone chosen at this PC, except while nobody could be chosen (first run, or every member deactivated).',
    writes: true,
    input: z.object({ name: requiredText(40), reading: reading(60).optional() }).strict(),
    output: staffMemberSchema,
  }),
  'staff.update': call({
    summary: 'Rename a staff member, or mark them as no longer working here (active: false).',
    writes: true,
    input: z
      .object({
        id,
        name: requiredText(40).optional(),
        reading: reading(60).optional(),
        active: z.boolean().optional(),
        version: basedOnVersion,
      })
      .strict(),
    output: staffMemberSchema,
  }),
  'staff.setCurrent': call({
    summary: 'Choose who is working at this PC; every later write names them.',
    writes: false,
    input: z.object({ id }).strict(),
    output: z.object({ currentStaffId: z.string() }),
  }),
  'staff.clearCurrent': call({
    summary: 'Nobody is working at this PC until someone is chosen again.',
    writes: false,
    input: empty,
    output: z.object({ currentStaffId: z.null() }),
  }),
};
