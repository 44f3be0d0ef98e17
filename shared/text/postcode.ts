import { foldWidth } from './width.ts';

// A Japanese postcode as desks type it: 〒 or not, ASCII or full-width digits, any dash (an IME gives ー, −
// or －, a keyboard -), spaces anywhere. Seven digits once those are gone; anything else is not a postcode.

// Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus sign, the long
// vowel mark (ー, ｰ after folding), small hyphen-minus, and the full-width one (folded to '-' before this).
const DASHES = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70\ufe63]/g;

/** The seven digits of a typed postcode ('〒１００−０００１' → '1000001'), or null when it is not one. */
export function postcodeDigits(typed: string): string | null {
  const digits = foldWidth(typed)
    .replace(/^\s*〒/, '')
    .replace(/\s+/g, '')
    .replace(DASHES, '');
  return /^[0-9]{7}$/.test(digits) ? digits : null;
}

/** '1000001' → '100-0001', as the card and the sheets print it. */
export function formatPostcode(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}
