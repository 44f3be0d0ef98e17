import { toRomaji } from 'wanakana';
import { toHiragana } from './kana.ts';
import { isLatinReading } from './latin.ts';

// Romaji is derived from the kana reading, never typed into the record. Two forms:
// - display romaji, passport style (Sato Taro): what staff read on the card;
// - the romaji search key, which folds every common spelling of the same sound into one string,
//   so Satō, Satou, Sato and Satoh, or Shinichi and Siniti, find the same guest.

/** Passport-style romaji of a kana reading: long vowels dropped, capitalised. A Latin reading is shown as written. */
export function displayRomaji(reading: string): string {
  if (isLatinReading(reading)) return reading.charAt(0).toUpperCase() + reading.slice(1);
  const romaji = toRomaji(toHiragana(reading).replace(/ー/g, ''))
    .replace(/'/g, '')
    .replace(/ou/g, 'o')
    .replace(/oo/g, 'o')
    .replace(/uu/g, 'u');
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}

/** The romaji of a reading exactly as Hepburn writes it, the input to romajiKey. */
export function readingToRomaji(reading: string): string {
  return toRomaji(toHiragana(reading).replace(/[\sー・]/g, ''));
}

/**
 * Folds a romaji spelling to its search key: lowercase letters only, Hepburn and Kunrei spellings merged
 * (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi, sha/sya…), m before b/p/m as n (Homma/Honma), and long vowels
 * dropped (ō, ou, oo, oh before a consonant, uu).
 */
export function romajiKey(text: string): string {
  const letters = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return letters
    .replace(/tch/g, 'tt')
    .replace(/shi/g, 'si')
    .replace(/chi/g, 'ti')
    .replace(/tsu/g, 'tu')
    .replace(/fu/g, 'hu')
    .replace(/ji/g, 'zi')
    .replace(/sh/g, 'sy')
    .replace(/ch/g, 'ty')
    .replace(/jy?/g, 'zy')
    .replace(/di/g, 'zi')
    .replace(/du/g, 'zu')
    .replace(/m(?=[bpm])/g, 'n')
    .replace(/oh(?![aeiouy])/g, 'o')
    .replace(/o[ou]/g, 'o')
    .replace(/o[ou]/g, 'o')
    .replace(/uu/g, 'u');
}

/**
 * The key of a romaji query that may stop mid-syllable: "yamash" must still find Yamashita, whose key is
 * "yamasita". A trailing sh/ch/ts/j is cut back to the letter every spelling of it starts with.
 */
export function romajiQueryKey(text: string): string {
  const key = romajiKey(text);
  const letters = text.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.endsWith('sh')) return key.replace(/sy$/, 's');
  if (letters.endsWith('ch')) return key.replace(/ty$/, 't');
  if (letters.endsWith('ts')) return key.replace(/ts$/, 't');
  if (letters.endsWith('j')) return key.replace(/zy$/, 'z');
  return key;
}
