import type { DifferenceReason, MatchReason, Reasons } from '../../../shared/contract/duplicate-codes.ts';
import { MATCH_REASONS } from '../../../shared/contract/duplicate-codes.ts';
import type { Profile } from './profile.ts';

// How sure we are that two guests are one person, from what they share. Weights (docs/architecture.md, 名寄せ):
// a phone number or an e-mail address is nearly personal; a full name and its reading are shared by namesakes;
// a birthday is strong beside a name; an address more than a postcode. A birthday recorded on both and
// different speaks against. Without some agreement of name or reading, nothing is proposed: a couple shares a
// phone, an address and a family name, and they are two people.

export const WEIGHTS: Record<MatchReason, number> = {
  phone: 40,
  email: 35,
  name: 30,
  reading: 25,
  birthday: 25,
  address: 20,
  postcode: 10,
  family: 20,
};
export const DIFFERENCE_WEIGHTS: Record<DifferenceReason, number> = { birthday: -50 };

/**
 * The score from which a pair is proposed. A whole name and its reading alone (55) are not enough: namesakes
 * (同姓同名) are common, and a register of 100,000 holds hundreds of thousands of such pairs; one more thing in
 * common (a phone, an e-mail, a birthday, an address or its postcode) is.
 */
export const THRESHOLD = 60;

export type Match = { score: number; reasons: Reasons };

const NAME_SIGNALS: ReadonlySet<MatchReason> = new Set(['name', 'reading', 'family']);

/** Whether two names agree: both whole (family and given) and equal, or both family only and equal. */
function sameWhole(familyA: string, givenA: string, familyB: string, givenB: string): boolean {
  return familyA !== '' && familyA === familyB && givenA === givenB;
}

export function compareProfiles(a: Profile, b: Profile): Match {
  const same = new Set<MatchReason>();
  const differs: DifferenceReason[] = [];
  if (a.phones.some((phone) => b.phones.includes(phone))) same.add('phone');
  if (a.email && a.email === b.email) same.add('email');
  if (sameWhole(a.familyName, a.givenName, b.familyName, b.givenName)) same.add('name');
  if (sameWhole(a.familyReading, a.givenReading, b.familyReading, b.givenReading)) same.add('reading');
  // One record without a given name (「田中様」 from a phone call) beside a whole one of the same family.
  const oneGivenMissing = (!a.givenReading || !b.givenReading) && (!a.givenName || !b.givenName);
  if (!same.has('reading') && !same.has('name') && oneGivenMissing) {
    if ((a.familyReading && a.familyReading === b.familyReading) || (a.familyName && a.familyName === b.familyName)) {
      same.add('family');
    }
  }
  if (a.birthday && b.birthday) {
    if (a.birthday === b.birthday) same.add('birthday');
    else differs.push('birthday');
  }
  if (a.address && a.address === b.address) same.add('address');
  if (a.postcode && a.postcode === b.postcode) same.add('postcode');

  let score = 0;
  for (const reason of same) score += WEIGHTS[reason];
  for (const reason of differs) score += DIFFERENCE_WEIGHTS[reason];
  if (![...same].some((reason) => NAME_SIGNALS.has(reason))) score = 0;
  return {
    score: Math.max(0, Math.min(100, score)),
    reasons: { same: MATCH_REASONS.filter((reason) => same.has(reason)), differs },
  };
}
