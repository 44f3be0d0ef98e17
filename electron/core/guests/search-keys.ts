import { kanaKey, toHiragana } from '../../../shared/text/kana.ts';
import { foldKanjiVariants } from '../../../shared/text/kanji-variants.ts';
import { isLatinReading } from '../../../shared/text/latin.ts';
import { phoneDigits } from '../../../shared/text/phone.ts';
import { readingToRomaji, romajiKey } from '../../../shared/text/romaji.ts';

// The normalized keys a guest is found by. The stored side (guestTerms) and the typed side
// (search.ts) use the same functions, so a key matches however the guest was entered or is typed.

export const RANK = { exact: 0, prefix: 1, substring: 2 } as const;

/**
 * Keys of at most this many characters get their own rows (an index walk in recency order). Longer
 * queries take a range over whole keys, sorted in memory: fine when the range is small, slow when a
 * common name is typed in full (takahashi, watanabe: 60k rows at 1M guests). The lengths cover a
 * family name typed in full plus the start of the given name, in kana (6) and in romaji (10).
 */
export const SHORT_KEY_LENGTH = { japanese: 6, ascii: 10 } as const;

export function shortLimit(key: string): number {
  return /^[\x20-\x7e]*$/.test(key) ? SHORT_KEY_LENGTH.ascii : SHORT_KEY_LENGTH.japanese;
}

/**
 * What the keys are made of. A change to guestTerms or the keys of a query changes this number: an index made by
 * an older one is rebuilt when the core opens (search-keys-version.ts), since old rows are removed by recomputing
 * their keys, which only works with the function that made them.
 * 2: names in Latin letters lowercased (Smith is found by "smith"); readings in Latin letters.
 */
export const SEARCH_KEYS_VERSION = 2;

/** Keys kept per key function; past it the memory starts again (a register's common names come back at once). */
const REMEMBERED_KEYS = 8192;

/**
 * A pure key function with its recent answers kept. Names and readings repeat heavily (佐藤, さとう: a few thousand
 * distinct ones among 100,000 guests), and folding them, romaji above all, was most of a guest's ~58 terms'
 * cost on every write, import and index rebuild.
 */
function remembered(fold: (text: string) => string): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    let key = kept.get(text);
    if (key === undefined) {
      key = fold(text);
      if (kept.size >= REMEMBERED_KEYS) kept.clear();
      kept.set(text, key);
    }
    return key;
  };
}

/** A name as it is searched: width-folded, kana as hiragana, variant kanji folded, Latin lowercased, no spaces. */
export const nameKey = remembered((name) =>
  foldKanjiVariants(toHiragana(name))
    .replace(/[\s・]/g, '')
    .toLowerCase(),
);

/** The romaji key of a reading: a kana reading's romaji, or a Latin reading as it is written. */
export const readingRomajiKey = remembered((reading) =>
  romajiKey(isLatinReading(reading) ? reading : readingToRomaji(reading)),
);

/** The kana key of a reading; a Latin reading has none (its romaji key finds it). */
const readingKanaKey = remembered((reading) => (isLatinReading(reading) ? '' : kanaKey(reading)));

const SURROGATE = /[\uD800-\uDFFF]/;

export type TermSource = {
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  phones: string; // JSON [{ number, label }]
  email: string;
};

/** Every (term, rank) a guest is found by; the lowest rank wins where a term repeats. */
export function guestTerms(guest: TermSource): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, rank: number) => {
    if (!term) return;
    const existing = terms.get(term);
    if (existing === undefined || rank < existing) terms.set(term, rank);
  };
  /** The key's characters (a kanji outside the BMP, 𠮷, is one character of two code units). */
  const chars = (key: string): ArrayLike<string> & { slice(from: number, to: number): string | string[] } =>
    SURROGATE.test(key) ? Array.from(key) : key;
  const part = (cs: ReturnType<typeof chars>, from: number, to: number) => {
    const piece = cs.slice(from, to);
    return typeof piece === 'string' ? piece : piece.join('');
  };
  /** The whole key, and its prefixes up to the short-key length. */
  const whole = (key: string) => {
    add(key, RANK.exact);
    const cs = chars(key);
    const limit = Math.min(shortLimit(key), cs.length - 1);
    for (let n = 1; n <= limit; n++) add(part(cs, 0, n), RANK.prefix);
  };
  /** A family+given key: whole, and the short prefixes that reach past its first part. */
  const combined = (first: string, second: string) => {
    if (!first || !second) return;
    const key = first + second;
    add(key, RANK.exact);
    const cs = chars(key);
    const limit = Math.min(shortLimit(key), cs.length - 1);
    for (let n = chars(first).length + 1; n <= limit; n++) add(part(cs, 0, n), RANK.prefix);
  };
  /** Substrings that do not start at the beginning (田 in 山田), for names in kanji. */
  const inner = (key: string) => {
    const cs = chars(key);
    for (let start = 1; start < cs.length; start++) {
      for (let n = 1; n <= SHORT_KEY_LENGTH.japanese && start + n <= cs.length; n++) {
        add(part(cs, start, start + n), RANK.substring);
      }
    }
  };

  const family = nameKey(guest.family_name);
  const given = nameKey(guest.given_name);
  whole(family);
  whole(given);
  combined(family, given);
  inner(family);
  inner(given);

  const familyKana = readingKanaKey(guest.family_reading);
  const givenKana = readingKanaKey(guest.given_reading);
  whole(familyKana);
  whole(givenKana);
  combined(familyKana, givenKana);
  combined(givenKana, familyKana);

  const familyRomaji = readingRomajiKey(guest.family_reading);
  const givenRomaji = readingRomajiKey(guest.given_reading);
  whole(familyRomaji);
  whole(givenRomaji);
  combined(familyRomaji, givenRomaji);
  combined(givenRomaji, familyRomaji);

  for (const phone of JSON.parse(guest.phones) as Array<{ number: string }>) {
    const digits = phoneDigits(phone.number);
    whole(digits);
    if (digits.length > 4) add(digits.slice(-4), RANK.exact); // the last four digits alone
  }

  if (guest.email) whole(guest.email.toLowerCase());
  return terms;
}
