import type { CoreContext, Handlers } from '../context.ts';
import { generateGuests } from '../demo/generate.ts';
import { importGuests } from '../demo/import.ts';

function guestCount(ctx: CoreContext): number {
  const row = ctx.run.prepare('SELECT count(*) AS count FROM guests WHERE deleted_at IS NULL').get() as {
    count: number;
  };
  return row.count;
}

export function systemHandlers(ctx: CoreContext): Handlers<'system.info' | 'demo.load'> {
  return {
    'system.info': () => ({ version: ctx.version, nodeId: ctx.nodeId, guestCount: guestCount(ctx) }),
    'demo.load': ({ count, seed, ifEmpty }, actor) => {
      if (ifEmpty && guestCount(ctx) > 0) return { created: 0 };
      const guests = generateGuests(count, { seed: seed ?? ctx.clock(), now: ctx.clock() });
      actor.write((session) => importGuests(session, guests));
      return { created: guests.length };
    },
  };
}
