import { addDays, addYears, localDate } from '../../../shared/text/dates.ts';
import { instantInZone } from '../../../shared/text/time-zone.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import { type DemoCatalogue, ensureDemoCatalogue } from './catalogue.ts';
import type { GeneratedGuest } from './generate.ts';
import { type Draw, makeDraw } from './random.ts';

// What every part of the service sample data writes with: the one PRNG stream they share, the days around
// the clock, the staff who take and confirm things, the dish catalogue, who travels with whom, and the
// running counts. One object rather than a dozen arguments on every writer. Because the stream is shared,
// the parts must run in a fixed order (service.ts) for the data to stay the same for a seed and a clock.

export type ServiceDemoInput = {
  guests: readonly GeneratedGuest[];
  /** The ids the guests were written with, in the same order. */
  ids: readonly string[];
  seed: number;
  now: number;
  /** The guest whose birthday was set to today (giveBirthdayToday): one of today's arrivals. */
  birthdayGuest: number | null;
};

export type ServiceDemoCounts = {
  stays: number;
  served: number;
  allergies: number;
  requests: number;
  menus: number;
  arrivingToday: number;
};

// Separate PRNG streams from the guests' (which use the seed itself).
export const SERVICE_STREAM = 0x5e41ce;
export const BIRTHDAY_STREAM = 0xb1d7;
export const stream = (seed: number, salt: number) => (seed ^ salt) >>> 0;

/** How far back the past stays go. */
export const HISTORY_DAYS = 3 * 365;

export type ServiceFloor = {
  session: WriteSession;
  ctx: CoreContext;
  guests: readonly GeneratedGuest[];
  ids: readonly string[];
  draw: Draw;
  today: string;
  yesterday: string;
  tomorrow: string;
  /** Today a year ago: returning parties came in the same season then. */
  lastYear: string;
  counts: ServiceDemoCounts;
  /** An instant on a local day, never after the clock (today's entries were made earlier today). */
  stamp: (date: string, hour: number) => string;
  /** A random active staff member, or null when there is none. */
  staff: () => string | null;
  /** Allergen id by code, for the allergens this inn's catalogue still has. */
  allergenIds: ReadonlyMap<string, string>;
  catalogue: DemoCatalogue;
  /** Companions both ways (the generator links each to the guest before it). */
  companionsOf: ReadonlyMap<number, number[]>;
};

export function openServiceFloor(ctx: CoreContext, session: WriteSession, input: ServiceDemoInput): ServiceFloor {
  const { guests } = input;
  const draw: Draw = makeDraw(stream(input.seed, SERVICE_STREAM));
  const { pick, between } = draw;
  const zone = ctx.timeZone();
  const today = localDate(input.now, zone);
  const counts: ServiceDemoCounts = { stays: 0, served: 0, allergies: 0, requests: 0, menus: 0, arrivingToday: 0 };

  const stamp = (date: string, hour: number) => {
    // The hour on the inn's clock, not the process's: a sample request taken at 18:00 reads 18:00 on screen.
    const local = instantInZone(
      date,
      `${String(hour).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}`,
      zone,
    );
    return new Date(Math.min(local, input.now - 60_000)).toISOString();
  };

  const staffIds = (
    ctx.run.prepare('SELECT id FROM staff WHERE deleted_at IS NULL AND active = 1 ORDER BY rowid').all() as Array<{
      id: string;
    }>
  ).map((row) => row.id);
  const staff = () => (staffIds.length > 0 ? pick(staffIds) : null);
  const allergenIds = new Map(
    (
      ctx.run.prepare('SELECT id, code FROM allergens WHERE deleted_at IS NULL').all() as Array<{
        id: string;
        code: string;
      }>
    ).map((row) => [row.code, row.id]),
  );
  const catalogue: DemoCatalogue = ensureDemoCatalogue(ctx, session, stamp(addDays(today, -HISTORY_DAYS - 30), 10));

  const companionsOf = new Map<number, number[]>();
  const link = (a: number, b: number) => companionsOf.set(a, [...(companionsOf.get(a) ?? []), b]);
  guests.forEach((guest, index) => {
    if (guest.companion) {
      link(index, guest.companion.of);
      link(guest.companion.of, index);
    }
  });

  return {
    session,
    ctx,
    guests,
    ids: input.ids,
    draw,
    today,
    yesterday: addDays(today, -1),
    tomorrow: addDays(today, 1),
    lastYear: addYears(today, -1),
    counts,
    stamp,
    staff,
    allergenIds,
    catalogue,
    companionsOf,
  };
}
