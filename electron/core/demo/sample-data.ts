import { localDate } from '../../../shared/text/dates.ts';
import type { Actor, CoreContext } from '../context.ts';
import { type BanquetDemoCounts, writeBanquetDemo } from './banquets.ts';
import { generateGuests } from './generate.ts';
import { importGuests } from './import.ts';
import { giveBirthdayToday, type ServiceDemoCounts, writeServiceDemo } from './service.ts';

// "Load sample data": generated guests and the service floor around them (past stays, what was served,
// allergies, requests, today's arrivals), in one transaction through the write path.

export type SampleDataCounts = ServiceDemoCounts & { guests: number; banquets: BanquetDemoCounts };

export function loadSampleData(
  ctx: CoreContext,
  actor: Actor,
  options: { count: number; seed: number },
): SampleDataCounts {
  const now = ctx.clock();
  const guests = generateGuests(options.count, { seed: options.seed, now });
  const birthdayGuest = giveBirthdayToday(guests, options.seed, localDate(now));
  return actor.write((session) => {
    // The new guests' ids, in generation order: rows are appended, so they follow the last rowid.
    const { last } = ctx.run.prepare('SELECT coalesce(max(rowid), 0) AS last FROM guests').get() as { last: number };
    importGuests(session, guests);
    const ids = (
      ctx.run.prepare('SELECT id FROM guests WHERE rowid > ? ORDER BY rowid').all(last) as Array<{ id: string }>
    ).map((row) => row.id);
    const service = writeServiceDemo(ctx, session, { guests, ids, seed: options.seed, now, birthdayGuest });
    const banquets = writeBanquetDemo(ctx, session, { guests, ids, seed: options.seed, now });
    return { guests: guests.length, ...service, banquets };
  });
}
