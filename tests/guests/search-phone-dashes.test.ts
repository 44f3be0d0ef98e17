import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStaffedCore } from '../support/core.ts';

// A phone number's dashes come from whatever the keyboard, the IME or a pasted e-mail gave: the minus sign
// (U+2212) of an IME's conversion list, an en dash from a PDF, a long vowel mark typed for a hyphen, a wave
// dash between the parts. Every one of them is the same number to the front desk, typed or stored.

/** Characters staff type, paste or get from an IME where a phone number has its hyphens. */
const DASHES = [
  '-', // hyphen-minus
  '\u2010', // ‐ hyphen
  '\u2011', // non-breaking hyphen
  '\u2012', // ‒ figure dash
  '\u2013', // – en dash
  '\u2014', // — em dash
  '\u2015', // ― horizontal bar (an IME's ダッシュ)
  '\u2212', // − minus sign (an IME's マイナス)
  '\uFF0D', // － full-width hyphen-minus
  '\uFE63', // ﹣ small hyphen-minus
  '\u2043', // ⁃ hyphen bullet
  '\u30FC', // ー long vowel mark, typed in kana mode
  '\uFF70', // ｰ half-width long vowel mark
  '\u2500', // ─ box drawing, an IME's ケイセン
  '\u301C', // 〜 wave dash
  '\uFF5E', // ～ full-width tilde (the wave dash of Windows)
];

const fullWidthDigits = (text: string) =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));

async function deskWith(number: string) {
  const test = await makeStaffedCore();
  const guest = await test.call('guests.create', {
    fields: { familyName: '髙橋', familyReading: 'たかはし', phones: [{ number, label: 'mobile' }] },
  });
  const ids = async (q: string) => (await test.call('guests.search', { q })).hits.map((h: { id: string }) => h.id);
  return { ...test, guest, ids };
}

describe('phone numbers typed with any dash', () => {
  it('finds 090-1234-5678 from ０９０−１２３４−５６７８ (full-width digits, minus signs)', async () => {
    const { guest, ids } = await deskWith('090-1234-5678');
    expect(await ids('０９０−１２３４−５６７８')).toEqual([guest.id]);
    expect(await ids('090−1234−5678')).toEqual([guest.id]);
    expect(await ids('090−1234')).toEqual([guest.id]); // the start of it, as it is typed
  });

  it('finds the guest whatever dash the number was stored with and whatever dash the query has', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DASHES),
        fc.constantFrom(...DASHES),
        fc.boolean(),
        fc.constantFrom('', ' '),
        async (stored, typed, wide, space) => {
          const { guest, ids } = await deskWith(`090${stored}1234${stored}5678`);
          const query = `090${space}${typed}${space}1234${space}${typed}${space}5678`;
          expect(await ids(wide ? fullWidthDigits(query) : query), query).toEqual([guest.id]);
          expect(await ids(`090${typed}1234`), `090${typed}1234`).toEqual([guest.id]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stores the number with plain hyphens, so the card and the sheets show one way of writing it', async () => {
    for (const dash of DASHES) {
      const { call, guest } = await deskWith(`０９０${dash}１２３４${dash}５６７８`);
      const card = await call('guests.get', { id: guest.id });
      expect(card.phones, `stored with ${dash}`).toEqual([{ number: '090-1234-5678', label: 'mobile' }]);
    }
  });
});
