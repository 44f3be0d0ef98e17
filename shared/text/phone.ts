// Phone numbers are typed with and without hyphens, with spaces, in full-width digits, and with +81
// in place of the leading 0. They are stored as typed (for display, with their dashes made plain hyphens)
// and searched by their digits.

// What stands for a hyphen in a number as typed, converted by an IME or pasted: every dash punctuation
// (‐ ‒ – — ― ﹣ － 〜 ⸺…), the minus sign − (the IME's マイナス) and its modifier, superscript and heavy forms,
// the hyphen bullet ⁃, the soft hyphen, the box-drawing ─ ━ (the IME's ケイセン), and the tildes ～ ~ ∼ ⁓ that
// stand in for the wave dash. Matched after NFKC, which already turns － and ﹣ into '-' and ～ into '~'.
const DASHES = /[\p{Pd}\u00AD\u02D7\u2043\u2053\u2212\u223C\u2500\u2501\u2796~]/gu;
// The long vowel mark ー is a hyphen typed in kana mode, but only after a digit (090ー1234, or 090ー while the
// rest is being typed): elsewhere it belongs to a word.
const LONG_VOWEL_AFTER_DIGIT = /(?<=\d\s*)ー(?=\s*(?:\d|$))/g;

/** The number with full-width characters folded (NFKC) and every dash-like character made a plain '-'. */
export function foldPhoneText(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-').replace(LONG_VOWEL_AFTER_DIGIT, '-');
}

/**
 * The digits a phone number is searched by: national form for Japan (+81 3-1234-5678 → 0312345678),
 * '+' and digits for other countries. Returns '' when there are no digits.
 */
export function phoneDigits(text: string): string {
  const ascii = text.normalize('NFKC').trim();
  const international = ascii.startsWith('+') || ascii.startsWith('00');
  let digits = ascii.replace(/\D/g, '');
  if (international) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    if (digits.startsWith('81')) {
      const rest = digits.slice(2);
      return rest.startsWith('0') ? rest : `0${rest}`;
    }
    return digits ? `+${digits}` : '';
  }
  return digits;
}

// A long vowel mark that is not after a digit stays accepted, as it always was; it is no digit either way.
const PHONE_CHARACTERS = /^[+0-9\s\-().ー]+$/;

/** A Japanese number has 10 or 11 digits starting with 0; a foreign one + and 7 to 15 digits. */
export function isPhoneNumber(text: string): boolean {
  const ascii = foldPhoneText(text).trim();
  if (!PHONE_CHARACTERS.test(ascii)) return false;
  const digits = phoneDigits(ascii);
  return /^0\d{9,10}$/.test(digits) || /^\+[1-9]\d{6,14}$/.test(digits);
}

/** True when a query is meant as a phone number: digits with only phone punctuation around them. */
export function looksLikePhoneQuery(text: string): boolean {
  const ascii = foldPhoneText(text).trim();
  return PHONE_CHARACTERS.test(ascii) && /\d/.test(ascii);
}

/**
 * A Japanese number given as bare digits, hyphenated where its grouping follows from its first digits alone:
 * mobiles and IP phones (090-1234-5678, 050-…), free dial and navi dial (0120-123-456, 0800-123-4567,
 * 0570-123-456), Tokyo and Osaka (03-1234-5678, 06-…), the only two-digit area codes. Other landlines' area codes
 * run from two to five digits and need a table to split, so they stay as digits (null here).
 */
export function hyphenatePhoneDigits(digits: string): string | null {
  const groups = (...sizes: number[]) => {
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) {
      parts.push(digits.slice(at, at + size));
      at += size;
    }
    return parts.join('-');
  };
  // 0800 before the mobiles: 0800-123-4567 also reads as 080 and eight digits.
  if (/^0800\d{7}$/.test(digits)) return groups(4, 3, 4);
  if (/^0[5789]0\d{8}$/.test(digits)) return groups(3, 4, 4);
  if (/^0120\d{6}$/.test(digits) || /^0570\d{6}$/.test(digits)) return groups(4, 3, 3);
  if (/^0[36]\d{8}$/.test(digits)) return groups(2, 4, 4);
  return null;
}
