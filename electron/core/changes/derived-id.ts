import { v5 as uuidv5 } from 'uuid';

// Things two PCs would both create while apart (a follow-up call for one party, a link between two guests, a
// guest's place in a party) get an id derived from what they are, so both create the same row and the merge
// keeps one: two UUIDv7s would be two rows saying the same thing.

const NAMESPACE = '8e2d4c6a-1b3f-5a7d-9c0e-2f4a6b8d0c1e';

export function derivedId(kind: string, ...parts: readonly string[]): string {
  return uuidv5(`${kind}:${parts.join(':')}`, NAMESPACE);
}
