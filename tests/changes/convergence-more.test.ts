import { it } from 'vitest';
import { convergeSeeds } from './convergence.ts';

// The second hundred seeds of the convergence simulation (see convergence.test.ts).

it('converges for seeds 101–200', () => convergeSeeds(101, 200), 900_000);
