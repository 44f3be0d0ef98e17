import { kanaKey } from '../../../shared/text/kana.ts';
import { isLatinReading } from '../../../shared/text/latin.ts';
import { phoneDigits } from '../../../shared/text/phone.ts';
import { postcodeDigits } from '../../../shared/text/postcode.ts';
import { romajiKey } from '../../../shared/text/romaji.ts';
import { foldWidth } from '../../../shared/text/width.ts';
import { nameKey } from '../guests/search-keys.ts';

// A guest as 名寄せ compares them: every field folded the way a person reading the two cards would not see a
// difference. The same folding as search (search-keys.ts): kana of any width as hiragana with long vowels
// dropped, variant kanji as their common form (髙橋 → 高橋), phones as their digits in national form (+81 → 0).

export type GuestFacts = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  /** JSON [{ number, label }], as stored, or the numbers themselves. */
  phones: string | ReadonlyArray<string | { number: string }>;
  email: string;
  postal_code: string;
  address: string;
  birthday: string;
};

export type Profile = {
  id: string;
  familyName: string;
  givenName: string;
  familyReading: string;
  givenReading: string;
  phones: string[];
  email: string;
  birthday: string;
  postcode: string;
  address: string;
};

/** A reading's key: kana folded (ｻﾄｳ, サトー, さとう are one), or Latin letters lowercased without spaces. */
export function readingKey(reading: string): string {
  if (!reading.trim()) return '';
  return isLatinReading(reading) ? romajiKey(reading) : kanaKey(reading);
}

/** Addresses as typed differ in width, spaces and dashes (１－２－３, 1-2-3, 1‐2‐3): none of that is meaning. */
export function addressKey(address: string): string {
  return foldWidth(address)
    .normalize('NFKC')
    .replace(/[\s\p{Pd}\u2212ー]/gu, '')
    .replace(/丁目|番地|番|号/g, '-')
    .replace(/-+$/, '')
    .toLowerCase();
}

/** A phone counts only when it has the digits of a whole number (not a partial or an extension alone). */
const WHOLE_NUMBER = /^(?:0\d{8,10}|\+\d{7,15})$/;

function phoneList(phones: GuestFacts['phones']): string[] {
  const list = typeof phones === 'string' ? (JSON.parse(phones) as Array<{ number: string }>) : phones;
  const digits = list.map((phone) => phoneDigits(typeof phone === 'string' ? phone : phone.number));
  return [...new Set(digits.filter((d) => WHOLE_NUMBER.test(d)))];
}

export function profileOf(
  guest: GuestFacts,
  keys: { name(text: string): string; reading(text: string): string } = plain,
): Profile {
  return {
    id: guest.id,
    familyName: keys.name(guest.family_name),
    givenName: keys.name(guest.given_name),
    familyReading: keys.reading(guest.family_reading),
    givenReading: keys.reading(guest.given_reading),
    phones: phoneList(guest.phones),
    email: guest.email.trim().toLowerCase(),
    birthday: guest.birthday,
    postcode: postcodeDigits(guest.postal_code) ?? '',
    address: addressKey(guest.address),
  };
}

const plain = { name: nameKey, reading: readingKey };

/**
 * Name and reading keys remembered while profiling a whole register: names and readings repeat heavily (a few
 * thousand distinct ones among 100,000 guests), and folding them is most of a profile's cost.
 */
export function cachedKeys(): { name(text: string): string; reading(text: string): string } {
  const memo = (fold: (text: string) => string) => {
    const seen = new Map<string, string>();
    return (text: string) => {
      let key = seen.get(text);
      if (key === undefined) {
        key = fold(text);
        seen.set(text, key);
      }
      return key;
    };
  };
  return { name: memo(nameKey), reading: memo(readingKey) };
}

/**
 * The blocks a guest falls in: two guests are compared only when they share one (no comparison of every pair).
 * Each key is something two records of one person very likely share however they were typed.
 */
export function blockingKeys(p: Profile): string[] {
  const keys: string[] = [];
  if (p.familyReading && p.givenReading) keys.push(`r:${p.familyReading}${p.givenReading}`);
  if (p.familyName && p.givenName) keys.push(`n:${p.familyName}${p.givenName}`);
  for (const phone of p.phones) keys.push(`p:${phone}`);
  if (p.email) keys.push(`e:${p.email}`);
  const initial = Array.from(p.familyReading)[0];
  if (p.birthday && initial) keys.push(`b:${p.birthday}:${initial}`);
  if (p.postcode && p.familyName) keys.push(`z:${p.postcode}:${p.familyName}`);
  return keys;
}
