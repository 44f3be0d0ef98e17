import type { Deriver } from '../changes/derived.ts';

// An allergy record's superseded_by is derived from the record that supersedes it (its `supersedes`), on
// each PC, never logged twice. Two PCs that corrected the same record concurrently leave two records that
// both supersede it: both are current, and that is a conflict for staff (invariants.ts). The column then
// names the later correction (by recorded time, then id), the same on every PC.

const LATEST_CORRECTION = 'SELECT id FROM allergies WHERE supersedes = ? ORDER BY created_at DESC, id DESC LIMIT 1';

export const supersededByDeriver: Deriver = {
  table: 'allergies',
  columns: ['superseded_by'],
  compute(ctx, id) {
    return { superseded_by: (ctx.prepare(LATEST_CORRECTION).pluck().get(id) as string | undefined) ?? null };
  },
  sources: [
    {
      table: 'allergies',
      targets: (before, after) =>
        [after.supersedes, before?.supersedes].filter((id): id is string => typeof id === 'string'),
    },
  ],
};
