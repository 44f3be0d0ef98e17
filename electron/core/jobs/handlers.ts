import type { CoreContext, Handlers } from '../context.ts';

export function jobHandlers(ctx: CoreContext): Handlers<'jobs.list' | 'jobs.cancel'> {
  return {
    'jobs.list': () => ({ jobs: ctx.jobs.list() }),
    'jobs.cancel': ({ job }) => ({ cancelling: ctx.jobs.cancel(job) }),
  };
}
