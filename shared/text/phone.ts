// Phone numbers are typed with and without hyphens, with spaces, in full-width digits, and with +81
// in place of the leading 0. They are stored as typed (for display) and searched by their digits.

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

const PHONE_CHARACTERS = /^[+0-9\s\-().ー－‐]+$/;

/** A Japanese number has 10 or 11 digits starting with 0; a foreign one + and 7 to 15 digits. */
export function isPhoneNumber(text: string): boolean {
  const ascii = text.normalize('NFKC').trim();
  if (!PHONE_CHARACTERS.test(ascii)) return false;
  const digits = phoneDigits(ascii);
  return /^0\d{9,10}$/.test(digits) || /^\+[1-9]\d{6,14}$/.test(digits);
}

/** True when a query is meant as a phone number: digits with only phone punctuation around them. */
export function looksLikePhoneQuery(text: string): boolean {
  const ascii = text.normalize('NFKC').trim();
  return PHONE_CHARACTERS.test(ascii) && /\d/.test(ascii);
}
