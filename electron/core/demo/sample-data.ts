import { localDate } from '../../../shared/text/dates.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import type { SliceProgress } from '../jobs/runner.ts';
import { type BanquetDemoCounts, writeBanquetDemo } from './banquets.ts';
import { generateGuests } from './generate.ts';
import { importGuestsStepwise } from './import.ts';
import { giveBirthdayToday, type ServiceDemoCounts, writeServiceDemo } from './service.ts';

// "Load sample data": generated guests and the service floor around them (past stays, what was served,
// allergies, requests, today's arrivals) and the banquet sales, through the write path. The writing is a
// generator of units (a guest with its companion link, a guest's past stays, a stay of the day, a deal), so
// the job (system/handlers.ts, jobs/write-slices.ts) commits a slice of whole units at a time.
//
// What a cancel leaves: the units of the slices that committed, and nothing of the one under way. Guests come
// first, in generation order, each complete (its search rows and change log in the same transaction, a
// companion's link to a guest already written); then the catalogue, then each returning guest's past stays
// with their dinners; then allergies, standing requests, the working day and the deals. So a cancelled load
// leaves a register that is smaller than a full one but consistent: every row it holds refers only to rows
// that are there. Nothing is rolled back or hidden: those guests are real rows, as if typed in.

export type SampleDataCounts = ServiceDemoCounts & { guests: number; banquets: BanquetDemoCounts };

/**
 * The sample data as units of work. `progress` is kept up to date for the job's progress events: the guests
 * written, then (the second half) how far through the guests the past stays have got; the rest is quick.
 */
export function* sampleDataUnits(
  ctx: CoreContext,
  session: WriteSession,
  options: { count: number; seed: number },
  progress: SliceProgress,
): Generator<unknown, SampleDataCounts, void> {
  const now = ctx.clock();
  writeSampleStaff(ctx, session);
  const guests = generateGuests(options.count, { seed: options.seed, now });
  const birthdayGuest = giveBirthdayToday(guests, options.seed, localDate(now, ctx.timeZone()));
  progress.total = guests.length * 2;
  const ids: string[] = [];
  for (const id of importGuestsStepwise(session, guests)) {
    ids.push(id);
    progress.done = ids.length;
    yield;
  }
  const service = writeServiceDemo(ctx, session, { guests, ids, seed: options.seed, now, birthdayGuest });
  for (;;) {
    const step = service.next();
    if (step.done) {
      const banquets = yield* writeBanquetDemo(ctx, session, { guests, ids, seed: options.seed, now });
      progress.done = progress.total;
      return { guests: guests.length, ...step.value, banquets };
    }
    // A number is the index of the guest whose past stays were just written.
    if (typeof step.value === 'number') progress.done = guests.length + step.value + 1;
    yield;
  }
}

/**
 * The sample inn's people, when nobody is on the register yet (the first start with --demo): the 女将 owns the
 * inn, 佐藤 works the desk and the floor, 鈴木 is in the kitchen, so trying the app shows what each role sees.
 * No PINs: the sample inn runs without them until someone sets them.
 */
const SAMPLE_STAFF = [
  { name: '女将 山田', reading: 'おかみ やまだ', roles: ['owner', 'manager'] },
  { name: '佐藤 花子', reading: 'さとう はなこ', roles: ['front', 'service', 'banquet'] },
  { name: '鈴木 健太', reading: 'すずき けんた', roles: ['kitchen'] },
] as const;

/**
 * Sample data is recorded by someone: with nobody on the register, the sample inn's people are added first,
 * so the deals, follow-ups and requests name who handled them (担当), and the first screen offers them to
 * choose from. A register with people keeps its own.
 */
function writeSampleStaff(ctx: CoreContext, session: WriteSession) {
  if (ctx.run.prepare('SELECT 1 FROM staff LIMIT 1').get()) return;
  const at = session.now();
  for (const member of SAMPLE_STAFF) {
    session.writeRow('staff', session.newId(), {
      ...member,
      roles: [...member.roles],
      active: 1,
      created_at: at,
      updated_at: at,
    });
  }
}
