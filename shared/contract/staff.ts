import { z } from 'zod';
import { basedOnVersion, empty, id, reading, recordVersion, requiredText } from './common.ts';
import { call } from './define.ts';
import { PERMISSIONS, pinSchema, ROLES, rolesSchema } from './roles.ts';

export const staffMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  reading: z.string(),
  active: z.boolean(),
  /** Roles in ROLES order (shared/contract/roles.ts). */
  roles: z.array(z.enum(ROLES)),
  /** Whether a PIN is set (the PIN itself, and its hash, never leave the core). */
  hasPin: z.boolean(),
  /** Locked out on this PC after too many wrong PINs, until this time (ISO); null when not locked out. */
  lockedUntil: z.string().nullable(),
  version: recordVersion,
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffCalls = {
  'staff.list': call({
    summary:
      'Staff members (active first), who is working at this PC and what they may do, whether PINs are required, and whether this is the first run (nobody could be chosen yet).',
    writes: false,
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.object({
      staff: z.array(staffMemberSchema),
      currentStaffId: z.string().nullable(),
      /** The permissions of the person working at this PC (empty with nobody chosen): screens hide the rest. */
      permissions: z.array(z.enum(PERMISSIONS)),
      /** Choosing a person asks for their PIN (a setting: an inn may run without PINs). */
      pinsRequired: z.boolean(),
      /** No active member could be chosen (a new register): staff.create makes the first one, as owner. */
      firstRun: z.boolean(),
    }),
  }),
  'staff.create': call({
    summary:
      'Add a staff member with their roles (without roles: front, service, kitchen, banquet) and optionally a PIN. The first member of a register (nobody could be chosen yet) becomes owner, needs nobody chosen, and with a PIN turns PINs on. Only an owner grants owner.',
    writes: true,
    input: z
      .object({
        name: requiredText(40),
        reading: reading(60).optional(),
        roles: rolesSchema.optional(),
        pin: pinSchema.optional(),
      })
      .strict(),
    output: staffMemberSchema,
  }),
  'staff.update': call({
    summary:
      'Rename a staff member, change their roles, or mark them as no longer working here (active: false). Only an owner grants owner or changes an owner; nobody adds roles to themselves; the last owner stays.',
    writes: true,
    input: z
      .object({
        id,
        name: requiredText(40).optional(),
        reading: reading(60).optional(),
        active: z.boolean().optional(),
        roles: rolesSchema.optional(),
        version: basedOnVersion,
      })
      .strict(),
    output: staffMemberSchema,
  }),
  'staff.setCurrent': call({
    summary:
      'Choose who is working at this PC; every later write names them. With PINs required, asks for their PIN; after 5 wrong PINs in a row that person is locked out on this PC for 5 minutes.',
    writes: false,
    input: z.object({ id, pin: pinSchema.optional() }).strict(),
    output: z.object({ currentStaffId: z.string() }),
  }),
  'staff.clearCurrent': call({
    summary: 'Nobody is working at this PC until someone is chosen again.',
    writes: false,
    input: empty,
    output: z.object({ currentStaffId: z.null() }),
  }),
  'staff.lock': call({
    summary:
      'Lock this PC (the idle lock, the lock button): nobody is working here until someone is chosen again, with their PIN when PINs are required.',
    writes: false,
    input: empty,
    output: z.object({ currentStaffId: z.null() }),
  }),
  'staff.setPin': call({
    summary:
      'Set or clear (pin: null) a PIN. A person sets their own with their current PIN (if they have one); an owner or manager sets anyone’s (an owner’s only by an owner), which also ends a lockout.',
    writes: true,
    input: z
      .object({
        id,
        pin: pinSchema.nullable(),
        currentPin: z.string().max(20, { error: 'too_long' }).optional(),
      })
      .strict(),
    output: staffMemberSchema,
  }),
};
