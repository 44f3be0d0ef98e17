import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPhoneText, hyphenatePhoneDigits, isPhoneNumber, phoneDigits } from '../../shared/text/phone.ts';

const fullWidth = (text: string) => text.replace(/[0-9-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

describe('phone numbers', () => {
  it('reduces every way of typing a Japanese number to its national digits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('090', '080', '070', '03'),
        fc.stringMatching(/^\d{4}$/),
        fc.stringMatching(/^\d{4}$/),
        (area, mid, last) => {
          const national = `${area}${mid}${last}`;
          const variants = [
            `${area}-${mid}-${last}`,
            `${area} ${mid} ${last}`,
            national,
            fullWidth(`${area}-${mid}-${last}`),
            `+81 ${area.slice(1)}-${mid}-${last}`,
            `+81-${area.slice(1)}${mid}${last}`,
            `+81 (0)${area.slice(1)} ${mid} ${last}`,
          ];
          for (const typed of variants) expect(phoneDigits(typed)).toBe(national);
        },
      ),
    );
  });

  it('accepts real numbers and refuses what is not one', () => {
    expect(isPhoneNumber('090-1234-5678')).toBe(true);
    expect(isPhoneNumber('03-1234-5678')).toBe(true);
    expect(isPhoneNumber('０７５－１２３－４５６７')).toBe(true);
    expect(isPhoneNumber('+81 90 1234 5678')).toBe(true);
    expect(isPhoneNumber('+1 415 555 0100')).toBe(true);
    expect(isPhoneNumber('1234')).toBe(false);
    expect(isPhoneNumber('090-1234-567a')).toBe(false);
    expect(isPhoneNumber('たなか')).toBe(false);
  });

  it('reads a long vowel mark as a hyphen only after a digit', () => {
    expect(foldPhoneText('090ー1234ー5678')).toBe('090-1234-5678');
    expect(foldPhoneText('090 ー ')).toBe('090 - '); // the rest not typed yet
    expect(foldPhoneText('ｽｰﾊﾟｰ 090')).toBe('スーパー 090');
    expect(foldPhoneText('０９０−１２３４〜５６７８')).toBe('090-1234-5678');
  });

  it('hyphenates bare digits only where the first digits say how the number is grouped', () => {
    expect(hyphenatePhoneDigits('09012345678')).toBe('090-1234-5678');
    expect(hyphenatePhoneDigits('05012345678')).toBe('050-1234-5678');
    expect(hyphenatePhoneDigits('0312345678')).toBe('03-1234-5678');
    expect(hyphenatePhoneDigits('0612345678')).toBe('06-1234-5678');
    expect(hyphenatePhoneDigits('0120123456')).toBe('0120-123-456');
    expect(hyphenatePhoneDigits('0570123456')).toBe('0570-123-456');
    expect(hyphenatePhoneDigits('08001234567')).toBe('0800-123-4567');
    // 045-123-4567 or 0455-12-3456: only a table of area codes could tell, so the digits stay as they are.
    expect(hyphenatePhoneDigits('0451234567')).toBeNull();
    expect(hyphenatePhoneDigits('0901234567')).toBeNull();
    expect(hyphenatePhoneDigits('031234567')).toBeNull();
  });
});
