import type { z } from 'zod';

/** One call of the contract: its input and output schemas, and whether it writes. */
export type CallSpec = {
  input: z.ZodType;
  output: z.ZodType;
  /** Writes need the person working at this PC (staff.setCurrent), recorded in the change log. */
  writes: boolean;
  /** One line for docs/api.md. */
  summary: string;
};

export function call<I extends z.ZodType, O extends z.ZodType>(spec: {
  input: I;
  output: O;
  writes: boolean;
  summary: string;
}): { input: I; output: O; writes: boolean; summary: string } {
  return spec;
}
