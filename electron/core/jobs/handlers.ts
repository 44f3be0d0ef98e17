import type { JobKind } from '../../../shared/contract/jobs.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Permission } from '../../../shared/contract/roles.ts';
import type { CoreContext, Handlers } from '../context.ts';

/**
 * Stopping a job needs what starting it needed: anyone chosen sees the progress, but the kitchen does not stop
 * the manager's import half way. Jobs the core starts by itself (a daily backup) go by the same rule.
 */
const CANCEL_NEEDS: Readonly<Record<JobKind, Permission>> = {
  'demo.load': 'system.maintain',
  'search.rebuild': 'system.maintain',
  'import.read': 'import',
  'import.write': 'import',
  'import.undo': 'import',
  'backup.run': 'backups.manage',
  'duplicates.scan': 'duplicates.merge',
  'export.run': 'export',
  'ranks.recompute': 'ranks.manage',
  'retention.review': 'privacy.manage',
  'manager.days': 'system.maintain',
};

export function jobHandlers(ctx: CoreContext): Handlers<'jobs.list' | 'jobs.cancel'> {
  return {
    'jobs.list': () => ({ jobs: ctx.jobs.list() }),
    'jobs.cancel': ({ job }, actor) => {
      const running = ctx.jobs.list().find((progress) => progress.job === job);
      const permission = running ? CANCEL_NEEDS[running.kind] : undefined;
      if (permission && !actor.grant.can(permission)) {
        throw new CallFailure('forbidden', 'forbidden_role', undefined, { permission });
      }
      return { cancelling: ctx.jobs.cancel(job) };
    },
  };
}
