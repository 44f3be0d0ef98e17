import type { CoreContext, Handlers } from '../context.ts';
import { loadSampleData } from '../demo/sample-data.ts';

function guestCount(ctx: CoreContext): number {
  const row = ctx.run.prepare('SELECT count(*) AS count FROM guests WHERE deleted_at IS NULL').get() as {
    count: number;
  };
  return row.count;
}

export function systemHandlers(ctx: CoreContext): Handlers<'system.info' | 'demo.load'> {
  return {
    'system.info': () => ({ version: ctx.version, nodeId: ctx.nodeId, guestCount: guestCount(ctx) }),
    // Guests, and the stays, dishes, allergies, requests and arrivals around them; `created` counts the guests.
    'demo.load': ({ count, seed, ifEmpty }, actor) => {
      if (ifEmpty && guestCount(ctx) > 0) return { created: 0 };
      const started = performance.now();
      const loaded = loadSampleData(ctx, actor, { count, seed: seed ?? ctx.clock() });
      ctx.logger.info(
        `sample data: ${loaded.guests} guests, ${loaded.stays} stays (${loaded.arrivingToday} arriving today), ` +
          `${loaded.served} dishes served, ${loaded.allergies} allergies, ${loaded.requests} requests, ` +
          `${loaded.banquets.banquets} banquets in ${loaded.banquets.halls} halls ` +
          `in ${Math.round(performance.now() - started)} ms`,
      );
      return { created: loaded.guests };
    },
  };
}
