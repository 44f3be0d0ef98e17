import { expect } from 'vitest';
import { type SyncSimulationResult, simulateSync } from './sync-simulation.ts';

/** Runs the sync simulation for seeds `from`..`to`, and checks that it exercised what it claims to. */
export async function convergeSync(from: number, to: number) {
  const results: SyncSimulationResult[] = [];
  for (let seed = from; seed <= to; seed++) results.push(await simulateSync(seed));
  const sum = (pick: (r: SyncSimulationResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  // The run exercised what it claims to: each fault happened, and forwarding was needed.
  expect(sum((r) => r.acknowledged)).toBeGreaterThan(results.length * 10);
  expect(results.filter((r) => r.line).length).toBeGreaterThan(results.length / 8);
  expect(sum((r) => r.dropped)).toBeGreaterThan(0);
  expect(sum((r) => r.doubled)).toBeGreaterThan(0);
  expect(sum((r) => r.restarts)).toBeGreaterThan(0);
  expect(sum((r) => r.applyFailures)).toBeGreaterThan(0);
  expect(sum((r) => r.refusedStrangers)).toBeGreaterThan(0);
  expect(sum((r) => r.stats.timeouts)).toBeGreaterThan(0);
  expect(sum((r) => r.stats.duplicates)).toBeGreaterThan(0);
  expect(sum((r) => r.stats.held)).toBeGreaterThan(0);
}
