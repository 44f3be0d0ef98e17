import { z } from 'zod';
import { empty } from './common.ts';
import { call } from './define.ts';

export const systemCalls = {
  'system.info': call({
    summary: 'Version, this PC’s node id and how many guests are on record.',
    writes: false,
    input: empty,
    output: z.object({ version: z.string(), nodeId: z.string(), guestCount: z.number().int() }),
  }),
  'demo.load': call({
    summary:
      'Add generated sample guests (realistic names, readings, phones, companions) to try the app with. Before anyone is chosen at this PC, only into a register without guests.',
    writes: true,
    job: true,
    input: z
      .object({
        count: z.number().int().min(1).max(10_000),
        seed: z.number().int().optional(),
        /** Load only into an empty register (first run, `--demo`): a second start adds nothing. */
        ifEmpty: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ created: z.number().int() }),
  }),
  'system.rebuildSearchIndex': call({
    summary:
      'Maintenance: recomputes the guest search index from the guests, in slices, while search keeps answering; swapped in at the end.',
    // Needs no staff member: it changes no record, only what is derived from them.
    writes: false,
    job: true,
    input: empty,
    output: z.object({ guests: z.number().int() }),
  }),
};
