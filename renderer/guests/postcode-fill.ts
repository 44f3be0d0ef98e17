// What the answer of a postcode lookup does to the guest form's address. The address is filled only where the
// staff have typed nothing (it is empty, or still holds what an earlier lookup put there); otherwise the form
// offers the address and the staff choose. Nothing they typed is replaced without a click.

import type { PostcodeCandidate } from '../../shared/contract/addresses.ts';

export type PostcodeNote =
  | { kind: 'none' }
  /** The address was filled from the postcode: the staff go on with the block and building number. */
  | { kind: 'filled'; postcode: string }
  /** One address for the postcode, but the field holds the staff's own text: a button puts it in. */
  | { kind: 'offer'; postcode: string; candidate: PostcodeCandidate }
  /** Several towns (or cities) share the postcode: the staff choose one. */
  | { kind: 'choose'; postcode: string; candidates: PostcodeCandidate[] }
  | { kind: 'unknown'; message: string }
  | { kind: 'failed'; message: string };

/** What every candidate shares: prefecture and city, or only the prefecture, or nothing. */
function sharedPart(candidates: readonly PostcodeCandidate[]): string {
  const [first, ...rest] = candidates;
  if (!first) return '';
  if (rest.every((c) => c.prefecture === first.prefecture && c.city === first.city))
    return first.prefecture + first.city;
  if (rest.every((c) => c.prefecture === first.prefecture)) return first.prefecture;
  return '';
}

/**
 * The text to put into the address (undefined: leave it) and the note to show, for a lookup's candidates.
 * `autoFilled` is what the last lookup put into the address, if anything.
 */
export function afterLookup(
  postcode: string,
  candidates: readonly PostcodeCandidate[],
  address: string,
  autoFilled: string | null,
): { fill?: string; note: PostcodeNote } {
  const free = address.trim() === '' || address === autoFilled;
  const [only] = candidates;
  if (candidates.length === 1 && only) {
    if (free) return { fill: only.address, note: { kind: 'filled', postcode } };
    if (address.startsWith(only.address)) return { note: { kind: 'none' } };
    return { note: { kind: 'offer', postcode, candidate: only } };
  }
  const note: PostcodeNote = { kind: 'choose', postcode, candidates: [...candidates] };
  const shared = sharedPart(candidates);
  // The part every town shares goes in at once (愛知県清須市); the town follows when one is chosen.
  return free && shared !== '' ? { fill: shared, note } : { note };
}
