import { seededRandom } from './generate.ts';

// The few ways sample data draws from a seeded PRNG. One stream per generator: the same seed gives the
// same draws in the same order, so the same data.

export type Draw = {
  random: () => number;
  chance: (p: number) => boolean;
  /** An integer in [min, max]. */
  between: (min: number, max: number) => number;
  pick: <T>(items: ReadonlyArray<T>) => T;
  /** A weighted pick: each item with the chance its weight gives it. */
  weighted: <T>(items: ReadonlyArray<T>, weightOf: (item: T) => number) => T;
  shuffle: <T>(items: ReadonlyArray<T>) => T[];
};

export function makeDraw(seed: number): Draw {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    chance: (p) => random() < p,
    between,
    pick: (items) => items[Math.floor(random() * items.length)] as (typeof items)[number],
    weighted(items, weightOf) {
      const total = items.reduce((sum, item) => sum + weightOf(item), 0);
      let roll = random() * total;
      for (const item of items) {
        roll -= weightOf(item);
        if (roll <= 0) return item;
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = between(0, i);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
  };
}
