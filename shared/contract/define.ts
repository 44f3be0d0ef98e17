import type { z } from 'zod';

/** One call of the contract: its input and output schemas, and whether it writes. */
export type CallSpec = {
  input: z.ZodType;
  output: z.ZodType;
  /** Writes need the person working at this PC (staff.setCurrent), recorded in the change log. */
  writes: boolean;
  /** One line for docs/api.md. */
  summary: string;
  /**
   * A long job: it runs in slices, each its own write transaction, reports progress and can be cancelled
   * (jobs.cancel). A writing call that is not a job holds the write lock for its whole run.
   */
  job?: boolean;
};

export function call<I extends z.ZodType, O extends z.ZodType>(spec: {
  input: I;
  output: O;
  writes: boolean;
  summary: string;
  job?: boolean;
}): { input: I; output: O; writes: boolean; summary: string; job?: boolean } {
  return spec;
}
