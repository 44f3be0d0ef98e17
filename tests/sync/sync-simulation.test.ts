import { it } from 'vitest';
import { convergeSync } from './converge-sync.ts';

// The sync protocol under a network that delays, reorders, drops and doubles messages, cuts connections,
// restarts PCs and fails applies, with one PC ten minutes ahead and half the inns wired as a line
// (sync-simulation.ts). Four files of fifty seeds (this one and sync-simulation-*.test.ts), so they run side
// by side; `npm run test:sync -- --seeds 10000` runs the long mode.

it(
  'three paired PCs converge, lose nothing, never need the digest, and the unpaired PC gets nothing (seeds 1–50)',
  () => convergeSync(1, 50),
  600_000,
);
