import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guestTerms, nameKey, SHORT_KEY_LENGTH } from '../../electron/core/guests/search-keys.ts';

// The terms a guest is indexed by are cut by characters, not UTF-16 code units: a kanji outside the BMP (𠮷, 𩸽)
// is two code units, and a term holding half of one would be junk in the index while the prefixes it displaced
// (the short-key length counts characters) would be missing.

const character = fc.constantFrom('𠮷', '𩸽', '田', '山', '子', '髙', 'や', 'ま', 'a', 'B', 'ー');
const name = fc.array(character, { minLength: 1, maxLength: 9 }).map((cs) => cs.join(''));
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('search terms', () => {
  it('are whole characters, and hold every prefix of a name up to the short length', () => {
    fc.assert(
      fc.property(name, name, (family, given) => {
        const terms = guestTerms({
          family_name: family,
          given_name: given,
          family_reading: 'やまだ',
          given_reading: 'はなこ',
          phones: '[]',
          email: '',
        });
        for (const term of terms.keys()) expect(LONE_SURROGATE.test(term), term).toBe(false);
        const key = Array.from(nameKey(family));
        const limit = Math.min(
          /^[\x20-\x7e]*$/.test(key.join('')) ? SHORT_KEY_LENGTH.ascii : SHORT_KEY_LENGTH.japanese,
          key.length,
        );
        for (let n = 1; n <= limit; n++)
          expect(terms.has(key.slice(0, n).join('')), key.slice(0, n).join('')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
