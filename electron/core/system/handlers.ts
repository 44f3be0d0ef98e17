import type { CoreContext, Handlers } from '../context.ts';
import { generateGuests } from '../demo/generate.ts';
import { importGuests } from '../demo/import.ts';

export function systemHandlers(ctx: CoreContext): Handlers<'system.info' | 'demo.load'> {
  return {
    'system.info': () => {
      const { count } = ctx.run.prepare('SELECT count(*) AS count FROM guests WHERE deleted_at IS NULL').get() as {
        count: number;
      };
      return { version: ctx.version, nodeId: ctx.nodeId, guestCount: count };
    },
    'demo.load': ({ count, seed }, actor) => {
      const guests = generateGuests(count, { seed: seed ?? ctx.clock(), now: ctx.clock() });
      actor.write((session) => importGuests(session, guests));
      return { created: guests.length };
    },
  };
}
