// Phone numbers, postcodes and email addresses as ledgers hold them: typed over years by different hands, pasted
// from web forms, or turned into numbers by Excel (which drops a leading 0).

import { z } from 'zod';
import { foldPhoneText, hyphenatePhoneDigits, isPhoneNumber } from '../../../shared/text/phone.ts';
import { formatPostcode, postcodeDigits } from '../../../shared/text/postcode.ts';
import { type Cell, type ChangeList, SetAside, withinLimit } from './cleanse-text.ts';

/** The contract's own limits (shared/contract/guests.ts): five numbers of up to 30 characters, 254 for an email. */
export const MAX_PHONES = 5;
const PHONE_LIMIT = 30;
const EMAIL_LIMIT = 254;

// Several numbers in one cell: 03-1234-5678／090-1111-2222, 03-1234-5678、090-…, one per line, or "or".
const NUMBER_SEPARATORS = /[/,、;・\n]|\s+(?:or|または|又は|及び)\s+/i;
// A word before a number saying whose it is (TEL:, 携帯 090-…, 自宅）03-…): not part of the number.
const LEADING_LABEL =
  /^(?:tel|phone|mobile|cell|home|work|fax|携帯電話|携帯|自宅|電話|会社|勤務先|連絡先|緊急連絡先)\.?\s*[:：)）]?\s*/i;
// …and after it: 090-1111-2222(携帯), 03-1234-5678（自宅）.
const TRAILING_LABEL = /\s*[(（][^\d()（）]*[)）]$/;

/**
 * One number in its stored form, or null when it is not one: every dash a plain hyphen, parentheses and spaces
 * between groups made hyphens, +81 (or 81, 0081, +81 (0)) made 0 with the groups as written; bare digits hyphenated
 * where their first digits say how (hyphenatePhoneDigits). `zero` says a leading 0 was put back: a 9- or 10-digit
 * number starting 1–9 can only be a Japanese number Excel stored as a number.
 */
export function normalizePhone(text: string): { number: string; zero: boolean } | null {
  let rest = foldPhoneText(text).replace(LEADING_LABEL, '').replace(TRAILING_LABEL, '').trim();
  let international = false;
  const prefix = /^(?:\+\s*|00)81|^81(?=[\s\-(]*[1-9][\d\s\-()]{8,}$)/.exec(rest);
  if (prefix) {
    international = true;
    rest = rest.slice(prefix[0].length).replace(/^[\s-]*\(0\)/, '');
  }
  const foreign = !international && rest.startsWith('+');
  if (foreign) rest = rest.slice(1);
  if (!/^[\d\s\-().]+$/.test(rest)) return null;
  const groups = rest.split(/[\s\-().]+/).filter(Boolean);
  if (groups.length === 0) return null;
  let zero = false;
  if (international && !groups[0]?.startsWith('0')) groups[0] = `0${groups[0]}`;
  const digits = groups.join('');
  if (!foreign && !international && groups.length === 1 && /^[1-9]\d{8,9}$/.test(digits)) {
    groups[0] = `0${digits}`;
    zero = true;
  }
  const joined = groups.join('');
  const number = foreign
    ? `+${groups.join('-')}`
    : groups.length === 1
      ? (hyphenatePhoneDigits(joined) ?? joined)
      : groups.join('-');
  return isPhoneNumber(number) ? { number, zero } : null;
}

/** A cell of several numbers split at spaces: "03 1234 5678 090 1111 2222" is two numbers, read greedily. */
function numbersBetweenSpaces(piece: string): string[] | null {
  const words = piece.split(' ').filter(Boolean);
  const found: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    while (end <= words.length && !normalizePhone(words.slice(start, end).join(' '))) end++;
    if (end > words.length) return null;
    found.push(words.slice(start, end).join(' '));
    start = end;
  }
  return found;
}

/** The numbers of one phone cell (tidied), each listed as changed where its stored form differs from the cell. */
export function cleansePhones(cell: Cell, changes: ChangeList): string[] {
  if (cell.value === '') return [];
  let pieces = cell.value
    .split(NUMBER_SEPARATORS)
    .map((piece) => piece.trim())
    .filter(Boolean);
  pieces = pieces.flatMap((piece) => (normalizePhone(piece) ? [piece] : (numbersBetweenSpaces(piece) ?? [piece])));
  const numbers = pieces.map((piece) => {
    const found = normalizePhone(piece);
    if (!found) throw new SetAside('bad_phone', cell);
    if (found.zero) changes.add(cell, piece, found.number, 'phone_zero');
    else if (pieces.length === 1) changes.add(cell, piece, found.number, 'phone');
    return withinLimit(cell, found.number, PHONE_LIMIT);
  });
  if (numbers.length > 1) changes.add(cell, cell.value, numbers.join(', '), 'phone_split');
  return numbers;
}

/** The numbers of every phone column together, a number repeated in a later column dropped (listed). */
export function uniquePhones(found: Array<{ cell: Cell; numbers: string[] }>, changes: ChangeList): string[] {
  const seen = new Set<string>();
  const phones: string[] = [];
  for (const { cell, numbers } of found) {
    for (const number of numbers) {
      const digits = number.replace(/\D/g, '');
      if (seen.has(digits)) {
        changes.add(cell, number, '', 'phone_duplicate');
        continue;
      }
      seen.add(digits);
      phones.push(number);
    }
  }
  if (phones.length > MAX_PHONES) throw new SetAside('too_many_phones', found.at(-1)?.cell);
  return phones;
}

/**
 * 〒100-0001, １００－０００１, 1000001 → 100-0001. Six bare digits are a number cell that lost its leading 0
 * (Hokkaido's 0xx-xxxx in Excel): the 0 is put back and listed; any other length is not a postcode.
 */
export function cleansePostcode(cell: Cell, changes: ChangeList): string {
  if (cell.value === '') return '';
  if (/^[1-9]\d{5}$/.test(cell.value)) {
    const padded = formatPostcode(`0${cell.value}`);
    changes.add(cell, cell.value, padded, 'postcode_zero');
    return padded;
  }
  const digits = postcodeDigits(cell.value);
  if (digits === null) throw new SetAside('bad_postcode', cell);
  const postcode = formatPostcode(digits);
  changes.add(cell, cell.value, postcode, 'postcode');
  return postcode;
}

// The contract's own check (z.email()), built once: building it costs far more than using it, once per row adds up.
const EMAIL = z.email();
const isEmail = (value: string) => EMAIL.safeParse(value).success;

/** An address as the contract takes it, its domain in lower case (the part before @ is the owner's to spell). */
export function cleanseEmail(cell: Cell, changes: ChangeList): string {
  if (cell.value === '') return '';
  const value = cell.value.replace(/^mailto:/i, '');
  const at = value.lastIndexOf('@');
  const email = at < 0 ? value : `${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`;
  if (!isEmail(email)) throw new SetAside('bad_email', cell);
  changes.add(cell, cell.value, email, 'email');
  return withinLimit(cell, email, EMAIL_LIMIT);
}
