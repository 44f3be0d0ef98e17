import { expect, it } from 'vitest';
import { type SyncSimulationResult, simulateSync } from './sync-simulation.ts';

// The sync protocol under a network that delays, reorders, drops and doubles messages, cuts connections,
// restarts PCs and fails applies, with one PC ten minutes ahead and half the inns wired as a line
// (sync-simulation.ts). Forty seeds here; `npm run test:sync -- --seeds 10000` runs the long mode.

it('three paired PCs converge, lose nothing, never need the digest, and the unpaired PC gets nothing (seeds 1–40)', async () => {
  const results: SyncSimulationResult[] = [];
  for (let seed = 1; seed <= 40; seed++) results.push(await simulateSync(seed));
  const sum = (pick: (r: SyncSimulationResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  // The run exercised what it claims to: each fault happened, and forwarding was needed.
  expect(sum((r) => r.acknowledged)).toBeGreaterThan(400);
  expect(results.filter((r) => r.line).length).toBeGreaterThan(5);
  expect(sum((r) => r.dropped)).toBeGreaterThan(0);
  expect(sum((r) => r.doubled)).toBeGreaterThan(0);
  expect(sum((r) => r.restarts)).toBeGreaterThan(0);
  expect(sum((r) => r.applyFailures)).toBeGreaterThan(0);
  expect(sum((r) => r.refusedStrangers)).toBeGreaterThan(0);
  expect(sum((r) => r.stats.timeouts)).toBeGreaterThan(0);
  expect(sum((r) => r.stats.duplicates)).toBeGreaterThan(0);
  expect(sum((r) => r.stats.held)).toBeGreaterThan(0);
}, 600_000);
