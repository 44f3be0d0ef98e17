import { it } from 'vitest';
import { convergeSeeds } from './convergence.ts';

// Three PCs, random writes, a network that reorders, duplicates, delays and partitions, restarts and a clock
// ten minutes ahead (simulation.ts): they must end identical, with nothing acknowledged lost. Two files of a
// hundred seeds each, so they run side by side; `npm run test:convergence` runs ten thousand.

it('converges for seeds 1–100', () => convergeSeeds(1, 100), 900_000);
