import { it } from 'vitest';
import { convergeSync } from './converge-sync.ts';

it(
  'three paired PCs converge, lose nothing, never need the digest, and the unpaired PC gets nothing (seeds 151–200)',
  () => convergeSync(151, 200),
  600_000,
);
