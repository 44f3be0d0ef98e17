import { z } from 'zod';
import { empty, id } from './common.ts';
import { call } from './define.ts';

// Long jobs (sample data, a search-index rebuild, an import, a backup, an export) run in the core in short
// slices, so other calls are answered in between. While one runs, the core pushes `progress` events to every
// screen; `jobs.cancel` stops it at the next slice boundary and the call that started it answers `cancelled`.

export const JOB_KINDS = [
  'demo.load',
  'search.rebuild',
  'import.read',
  'import.write',
  'import.undo',
  'backup.run',
  'duplicates.scan',
  'export.run',
  'ranks.recompute',
  'retention.review',
  'manager.days',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** running → (cancelling →) done | cancelled | failed. The last event of a job has one of the final states. */
export const JOB_STATES = ['running', 'cancelling', 'done', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobProgressSchema = z.object({
  job: z.string(),
  kind: z.enum(JOB_KINDS),
  /** How much of the work is done, out of `total`, in the job's own units (guests, steps). */
  done: z.number().int(),
  total: z.number().int(),
  state: z.enum(JOB_STATES),
  /** A job of several steps (an import's plan: read, then cleanse and match in one pass) says which one the figures are of. */
  step: z.string().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const FINAL_JOB_STATES: ReadonlySet<JobState> = new Set(['done', 'cancelled', 'failed']);

export const jobCalls = {
  'jobs.list': call({
    summary: 'The long jobs running now, with how far each has got (a screen opened mid-job shows them).',
    writes: false,
    input: empty,
    output: z.object({ jobs: z.array(jobProgressSchema) }),
  }),
  'jobs.cancel': call({
    summary:
      'Stops a running job at its next slice boundary; the call that started it answers `cancelled`. False when no such job runs.',
    writes: false,
    input: z.object({ job: id }).strict(),
    output: z.object({ cancelling: z.boolean() }),
  }),
};
