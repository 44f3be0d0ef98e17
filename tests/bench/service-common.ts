// What every service-*.ts generator file shares: the history's calendar, the one seeded PRNG stream they
// all draw from (the data depends on the ORDER of the draws, so moving a draw changes every row after
// it), ids made from that stream, and the context the generators take.
//
// The generators do not write: they emit calls (a write as the app would make it: its time, its name, who
// made it, and what it writes through the write path), which build-database.ts puts in time order and runs.
// Guests are named by their place in the generated stream (1..size), not by id: their ids follow from when
// they were first registered, which is known only once the whole history has been drawn.

import type { WriteSession } from '../../electron/core/changes/write.ts';
import { seededRandom } from '../../electron/core/demo/generate.ts';

/** The history spans ten years before the generator's "now"; the two bench days come after it, alone. */
export const HISTORY_START = Date.UTC(2016, 0, 1);
export const HISTORY_DAYS = 3652;
/** 100 arriving parties all led by regulars (~19 earlier stays each): the stress case for the warnings. */
export const BENCH_DAY = '2026-01-20';
/** 100 arriving parties led by whoever stays, drawn as every generated stay is (40% regulars). */
export const TYPICAL_DAY = '2026-01-22';
export const DAY_MS = 86_400_000;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** The season index of a day: Mar–May spring, and so on. */
export const seasonOf = (ms: number) => Math.floor(((new Date(ms).getUTCMonth() + 10) % 12) / 3);

/**
 * UUIDv7-shaped ids from the seeded PRNG: deterministic, and strictly ascending in the order they are
 * made (the time part moves on by a millisecond when asked for a time not after the last one), so the
 * primary-key B-trees are appended to, as when real records arrive over time.
 */
function idMaker(random: () => number) {
  let last = 0;
  return (ms: number) => {
    last = Math.max(ms, last + 1);
    return uuidv7At(last, random);
  };
}

/** A picker by weight. Making it draws nothing; each call draws once. */
export function weighted<T>(random: () => number, items: ReadonlyArray<T>, weightOf: (item: T) => number): () => T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  return () => {
    let roll = random() * total;
    for (const item of items) {
      roll -= weightOf(item);
      if (roll <= 0) return item;
    }
    return items[items.length - 1] as T;
  };
}

export type Draws = {
  random: () => number;
  newId: (ms: number) => string;
  pick: <T>(items: ReadonlyArray<T>) => T;
  chance: (p: number) => boolean;
};

export function createDraws(seed: number): Draws {
  const random = seededRandom(seed);
  const newId = idMaker(random);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  return { random, newId, pick, chance };
}

/** A UUIDv7 made at `ms` with its random part from `random`: an id as the app makes it, but repeatable. */
export function uuidv7At(ms: number, random: () => number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const tail = hex(Math.floor(random() * 2 ** 30), 8) + hex(Math.floor(random() * 2 ** 28), 7);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(Math.floor(random() * 4096), 3)}-${'89ab'[Math.floor(random() * 4)]}${tail.slice(0, 3)}-${tail.slice(3)}`;
}

/**
 * One write as the app would make it: at `t` (ms; the engine's clock reads it, so the HLC stamp, created_at
 * and updated_at follow the simulated years), by `staff`, as call `name`, writing through the session.
 */
export type Call = { t: number; name: string; staff: string | null; write: (session: WriteSession) => void };

/** What the generators need: the draws, the guests, the staff, and where their calls go. */
export type ServiceContext = Draws & {
  /** Guests generated (1..size). */
  size: number;
  /** The id of the n-th generated guest (1..size). Only known when the calls run, not while drawing. */
  guestId: (n: number) => string;
  /** A row recorded at `t` names guest `n`: the guest must be registered by then. */
  named: (n: number, t: number) => void;
  /** A staff member, drawn at random. */
  staff: () => string;
  emit: (call: Call) => void;
  /** Every call emitted from now on is at or after `t` (the history is drawn in arrival order). */
  advance: (t: number) => void;
};
