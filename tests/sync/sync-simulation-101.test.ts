import { it } from 'vitest';
import { convergeSync } from './converge-sync.ts';

it(
  'three paired PCs converge, lose nothing, never need the digest, and the unpaired PC gets nothing (seeds 101–150)',
  () => convergeSync(101, 150),
  600_000,
);
