import type { CallError, Result } from '../../../shared/contract/result.ts';
import type { CoreContext } from '../context.ts';
import type { EditedSince } from './write.ts';

/**
 * The answer to an edit based on an older version of a record than its fields now have: `conflict` with
 * both values of every such field, who changed it and when, and the record's version now.
 */
export function editedSinceFailure(ctx: CoreContext, error: EditedSince): Result<never> {
  const staffName = ctx.db.prepare('SELECT name FROM staff WHERE id = ?').pluck();

  const failure: CallError = {
    code: 'conflict',
    detail: 'edited_since',
    changes: error.conflicts.map((conflict) => {
      const staffId = ctx.changes.log.staffOf(conflict.staff);
      return {
        table: conflict.table,
        id: conflict.id,
        column: conflict.column,
        yours: conflict.yours,
        theirs: conflict.theirs,
        staffName: staffId === null ? null : ((staffName.get(staffId) as string | undefined) ?? null),
        at: conflict.at,
      };
    }),
  };
  // The newest of the rows involved (one form may write several, as settings does): resending with it passes.
  failure.version = Math.max(0, ...error.conflicts.map((c) => ctx.changes.versionOf(c.table as never, c.id)));
  return { ok: false, error: failure };
}
