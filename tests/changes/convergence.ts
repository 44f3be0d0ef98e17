import { expect } from 'vitest';
import { simulate } from './simulation.ts';

/** Runs the convergence simulation for seeds `from`..`to`, and checks that it exercised what it claims to. */
export async function convergeSeeds(from: number, to: number) {
  const totals = { acknowledged: 0, duplicates: 0, held: 0, restarts: 0, conflicts: 0 };
  for (let seed = from; seed <= to; seed++) {
    const result = await simulate(seed);
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += result[key];
  }
  const seeds = to - from + 1;
  // The simulation did what it says: writes acknowledged, resent, held for the clock, PCs restarted, conflicts.
  expect(totals.acknowledged).toBeGreaterThan(seeds * 10);
  expect(totals.duplicates).toBeGreaterThan(seeds);
  expect(totals.held).toBeGreaterThan(0);
  expect(totals.restarts).toBeGreaterThan(0);
  expect(totals.conflicts).toBeGreaterThan(0);
}
