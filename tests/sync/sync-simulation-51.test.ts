import { it } from 'vitest';
import { convergeSync } from './converge-sync.ts';

it(
  'three paired PCs converge, lose nothing, never need the digest, and the unpaired PC gets nothing (seeds 51–100)',
  () => convergeSync(51, 100),
  600_000,
);
