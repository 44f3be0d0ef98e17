import type { SimilarGuest } from '../../shared/contract/guests.ts';

/** What staff typed for a new guest, beyond the name and its reading. */
export type TypedDetails = {
  phones: readonly string[];
  email?: string;
  birthday?: string;
  postalCode?: string;
  address?: string;
  /** Anything else typed (a note, the organisation, nationality…): never compared, so never matched. */
  other?: readonly string[];
};

/**
 * Whether taking the guest on record instead would leave something typed unsaved: a detail the two were not
 * found to share (a new mobile, the note about the room). Then staff are asked before the form is let go; when
 * all that was typed is what matched, the guest on record is taken at once.
 */
export function losesTyped(typed: TypedDetails, guest: Pick<SimilarGuest, 'reasons'>): boolean {
  const same = new Set<string>(guest.reasons.same);
  const filled = (value: string | undefined) => (value ?? '').trim() !== '';
  if (typed.phones.some(filled) && !same.has('phone')) return true;
  if (filled(typed.email) && !same.has('email')) return true;
  if (filled(typed.birthday) && !same.has('birthday')) return true;
  if (filled(typed.address) && !same.has('address')) return true;
  if (filled(typed.postalCode) && !same.has('postcode') && !same.has('address')) return true;
  return (typed.other ?? []).some(filled);
}
