// What every service-*.ts generator file shares: the history's calendar, the one seeded PRNG stream they
// all draw from (the data depends on the ORDER of the draws, so moving a draw changes every row after
// it), ids made from that stream, the row counts reported after the build, and the context the row
// writers take.

import type { Database, Statement } from 'better-sqlite3';
import { seededRandom } from '../../electron/core/demo/generate.ts';

/** The history spans ten years before the generator's "now"; the two bench days come after it, alone. */
export const HISTORY_START = Date.UTC(2016, 0, 1);
export const HISTORY_DAYS = 3652;
/** 100 arriving parties all led by regulars (~19 earlier stays each): the stress case for the warnings. */
export const BENCH_DAY = '2026-01-20';
/** 100 arriving parties led by whoever stays, drawn as every generated stay is (40% regulars). */
export const TYPICAL_DAY = '2026-01-22';
export const DAY_MS = 86_400_000;

export type ServiceCounts = Record<string, number>;

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
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return (ms: number) => {
    last = Math.max(ms, last + 1);
    const time = hex(last, 12);
    const tail = hex(Math.floor(random() * 2 ** 30), 8) + hex(Math.floor(random() * 2 ** 28), 7);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(Math.floor(random() * 4096), 3)}-${'89ab'[Math.floor(random() * 4)]}${tail.slice(0, 3)}-${tail.slice(3)}`;
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
  counts: ServiceCounts;
  count: (table: string, n?: number) => void;
};

export function createDraws(seed: number): Draws {
  const random = seededRandom(seed);
  const newId = idMaker(random);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const counts: ServiceCounts = {};
  const count = (table: string, n = 1) => {
    counts[table] = (counts[table] ?? 0) + n;
  };
  return { random, newId, pick, chance, counts, count };
}

/** What the bulk row writers need: the draws, the database, the guests layer's ids and the staff. */
export type ServiceContext = Draws & {
  db: Database;
  /** Guests in the guests layer. */
  size: number;
  /** Guest ids by rowid (1..size in generation order; index 0 is unused). */
  guestIds: string[];
  /** A staff member, drawn at random. */
  staff: () => string;
};

/** A prepared raw INSERT of these columns, in this order. */
export const insertInto = (db: Database, table: string, columns: string[]): Statement =>
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
