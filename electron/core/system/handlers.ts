import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { type SampleDataCounts, sampleDataUnits } from '../demo/sample-data.ts';
import { LIVE_GUEST_COUNT } from '../guests/count.ts';
import { REBUILD_SLICE_MS, rebuildInSlices } from '../guests/search-rebuild.ts';
import type { SliceProgress } from '../jobs/runner.ts';
import { writeInSlices } from '../jobs/write-slices.ts';

function guestCount(ctx: CoreContext): number {
  return ctx.run.prepare(LIVE_GUEST_COUNT).pluck().get() as number;
}

/** Whether any guest was ever recorded (a deleted one too): the register is no longer a fresh one. */
function anyGuest(ctx: CoreContext): boolean {
  const row = ctx.run.prepare('SELECT EXISTS (SELECT 1 FROM guests) AS found').get() as { found: number };
  return row.found === 1;
}

/** Where a scan of the guests in rowid order ends: instant, where counting the guests reads them all. */
function lastGuestRowid(ctx: CoreContext): number {
  return (ctx.run.prepare('SELECT coalesce(max(rowid), 0) AS last FROM guests').get() as { last: number }).last;
}

function logLoaded(ctx: CoreContext, loaded: SampleDataCounts, started: number) {
  ctx.logger.info(
    `sample data: ${loaded.guests} guests, ${loaded.stays} stays (${loaded.arrivingToday} arriving today), ` +
      `${loaded.served} dishes served, ${loaded.allergies} allergies, ${loaded.requests} requests, ` +
      `${loaded.banquets.banquets} banquets in ${loaded.banquets.halls} halls ` +
      `in ${Math.round(performance.now() - started)} ms`,
  );
}

export function systemHandlers(ctx: CoreContext): Handlers<'system.info' | 'demo.load' | 'system.rebuildSearchIndex'> {
  return {
    'system.info': () => ({ version: ctx.version, nodeId: ctx.nodeId, guestCount: guestCount(ctx) }),
    // Guests, and the stays, dishes, allergies, requests and arrivals around them; `created` counts the guests.
    // A job in slices (demo/sample-data.ts says what a cancel leaves).
    'demo.load': async ({ count, seed, ifEmpty }, actor) => {
      if (ifEmpty && guestCount(ctx) > 0) return { created: 0 };
      // Before anyone is chosen, sample data is for a register with nothing in it yet (the first start with
      // --demo); into a live one it would add guests, stays and deals recorded by nobody.
      if (actor.staffId === null && anyGuest(ctx)) throw new CallFailure('no_staff');
      if (actor.grant.person && !actor.grant.can('system.maintain')) {
        throw new CallFailure('forbidden', 'forbidden_role', undefined, { permission: 'system.maintain' });
      }
      const started = performance.now();
      const progress: SliceProgress = { done: 0, total: count * 2 };
      const loaded = await ctx.jobs.run(
        'demo.load',
        (slice) =>
          writeInSlices(
            actor,
            slice,
            (session) => sampleDataUnits(ctx, session, { count, seed: seed ?? ctx.clock() }, progress),
            () => ({ ...progress }),
          ),
        progress.total,
      );
      logLoaded(ctx, loaded, started);
      return { created: loaded.guests };
    },
    'system.rebuildSearchIndex': async (_input, actor) => {
      if (ctx.jobs.isRunning('search.rebuild')) throw new CallFailure('conflict', 'rebuild_running');
      const started = performance.now();
      const result = await ctx.jobs.run(
        'search.rebuild',
        (slice) => rebuildInSlices(ctx.db, (work) => actor.write(() => work()), slice),
        lastGuestRowid(ctx),
        { sliceMs: REBUILD_SLICE_MS, background: true },
      );
      ctx.logger.info(
        `search index rebuilt for ${result.guests} guests in ${Math.round(performance.now() - started)} ms`,
      );
      return result;
    },
  };
}
