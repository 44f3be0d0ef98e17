// A guest's name and its reading, as the register keeps them: family name and given name, each with its kana
// reading (a name in Latin letters may be read in Latin letters: shared/text/latin.ts). Ledgers keep them in one cell
// or two, the reading in katakana, half-width kana, romaji or not at all.
//
// A name is split in two only where the split is certain: at a space, where one side of it is written in kana
// that the reading's own split matches (やまだ花子 read やまだ はなこ), or where two characters leave one place to
// split (林健 read はやし けん). Its reading is split the same way. When the two cannot be split alike, the name
// stays whole in the family name, with the whole reading: a guessed split would put 林真 as the family name of
// 林真理子. A reading is never guessed from kanji: a kanji name without one is set aside.

import { toHiragana as romajiToHiragana } from 'wanakana';
import { readingIssues } from '../../../shared/contract/guests.ts';
import type { ImportField } from '../../../shared/contract/import-codes.ts';
import { isKanaReading, toHiragana } from '../../../shared/text/kana.ts';
import { isLatinReading, mayReadInLatin } from '../../../shared/text/latin.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import { type Cell, type ChangeList, SetAside, withinLimit } from './cleanse-text.ts';

/** The contract's limits (guestFieldShape in shared/contract/guests.ts). */
const NAME_LIMIT = 40;
const READING_LIMIT = 60;

export type Names = { familyName: string; givenName: string; familyReading: string; givenReading: string };

export type NameCells = Partial<
  Record<'fullName' | 'familyName' | 'givenName' | 'fullReading' | 'familyReading' | 'givenReading', Cell>
>;

type Pair = [string, string];

// Long vowels romaji writes with a macron or circumflex (Satō, Ōno, Yûko): spelt out before the kana are made.
const LONG_VOWELS: Record<string, string> = {
  ā: 'aa',
  ī: 'ii',
  ū: 'uu',
  ē: 'ee',
  ō: 'ou',
  â: 'aa',
  î: 'ii',
  û: 'uu',
  ê: 'ee',
  ô: 'ou',
};

/** A reading cell in the register's form: kana as hiragana; romaji as hiragana unless the name is in Latin letters. */
function readingOf(cell: Cell | undefined, name: string, changes: ChangeList): string {
  if (!cell || cell.value === '') return '';
  const value = cell.value;
  if (isKanaReading(value)) {
    const hiragana = toHiragana(value);
    changes.add(cell, value, hiragana, 'reading_katakana');
    return hiragana;
  }
  if (isLatinReading(value)) {
    if (mayReadInLatin(name)) return value;
    const spelt = value.toLowerCase().replace(/[āīūēōâîûêô]/g, (vowel) => LONG_VOWELS[vowel] ?? vowel);
    const kana = romajiToHiragana(spelt);
    if (!isKanaReading(kana)) throw new SetAside('bad_reading', cell);
    changes.add(cell, value, kana, 'reading_romaji');
    return kana;
  }
  throw new SetAside('bad_reading', cell);
}

function atSpace(text: string): Pair | null {
  const at = text.indexOf(' ');
  return at < 0 ? null : [text.slice(0, at), text.slice(at + 1)];
}

const kanaOf = (text: string) => (isKanaReading(text) ? toHiragana(text).replace(/[\s・]/g, '') : null);

/** A reading without a space split where a name part written in kana says: 山田 はな read やまだはな. */
function readingSplitByName(reading: string, [family, given]: Pair): Pair | null {
  const head = kanaOf(family);
  if (head && reading.startsWith(head) && reading.length > head.length) return [head, reading.slice(head.length)];
  const tail = kanaOf(given);
  if (tail && reading.endsWith(tail) && reading.length > tail.length) return [reading.slice(0, -tail.length), tail];
  return null;
}

/**
 * A name without a space split where its kana part matches the reading's split (やまだ花子 read やまだ はなこ), or
 * where there is only one place to split it: a name of two characters read in two parts (林健 read はやし けん).
 */
function nameSplitByReading(name: string, [family, given]: Pair): Pair | null {
  const chars = [...name];
  if (chars.length === 2) return [chars[0] as string, chars[1] as string];
  for (let at = 1; at < chars.length; at++) {
    const [head, tail] = [chars.slice(0, at).join(''), chars.slice(at).join('')];
    if (kanaOf(head) === family || kanaOf(tail) === given) return [head, tail];
  }
  return null;
}

type Parts = { name: Pair; reading: Pair };

/** Splits a whole-name cell, with its reading as one text (or empty). */
function splitWholeName(name: string, reading: string, latin: boolean): Parts {
  const whole: Parts = { name: [name, ''], reading: [reading, ''] };
  const spaced = latin ? null : atSpace(name);
  if (spaced) {
    if (reading === '') return { name: spaced, reading: ['', ''] };
    const split = atSpace(reading) ?? readingSplitByName(reading, spaced);
    return split ? { name: spaced, reading: split } : whole;
  }
  const readingSpaced = latin ? null : atSpace(reading);
  const split = readingSpaced && nameSplitByReading(name, readingSpaced);
  return split && readingSpaced ? { name: split, reading: readingSpaced } : whole;
}

/** The reading a name part written in kana or Latin letters has by itself; a kanji name has none to take. */
function readingFromName(part: string, latin: boolean): string | null {
  if (isKanaReading(part)) return toHiragana(part);
  return latin ? part : null;
}

const at = (cell: Cell | undefined, field: ImportField) => ({ field, column: cell?.column ?? -1 });

/** The name and reading of one row, every split, join and conversion listed. */
export function cleanseNames(cells: NameCells, changes: ChangeList): Names {
  const fullCell = cells.fullName?.value ? cells.fullName : undefined;
  const nameCell = fullCell ?? cells.fullName ?? cells.familyName ?? cells.givenName;
  const twoCells: Pair = [cells.familyName?.value ?? '', cells.givenName?.value ?? ''];
  const wholeName = fullCell ? fullCell.value : familyFirst(...twoCells);
  if (wholeName === '' || (!fullCell && twoCells[0] === '')) throw new SetAside('no_name', nameCell);
  const latin = mayReadInLatin(wholeName);

  const readingCell = cells.fullReading ?? cells.familyReading ?? cells.givenReading;
  const oneReading = readingOf(cells.fullReading, wholeName, changes);
  const twoReadings: Pair = [
    readingOf(cells.familyReading, wholeName, changes),
    readingOf(cells.givenReading, wholeName, changes),
  ];
  const readingInTwo = cells.familyReading !== undefined || cells.givenReading !== undefined;

  let parts: Parts;
  if (fullCell) {
    parts = splitWholeName(wholeName, readingInTwo ? familyFirst(...twoReadings) : oneReading, latin);
    if (readingInTwo && parts.name[1] !== '' && twoReadings[1] !== '') parts.reading = twoReadings;
    if (parts.name[1] !== '') {
      changes.add(at(fullCell, 'familyName'), wholeName, parts.name[0], 'name_split');
      changes.add(at(fullCell, 'givenName'), wholeName, parts.name[1], 'name_split');
    }
  } else if (readingInTwo || twoCells[1] === '' || oneReading === '') {
    parts = { name: twoCells, reading: readingInTwo ? twoReadings : [oneReading, ''] };
  } else {
    const split = atSpace(oneReading) ?? readingSplitByName(oneReading, twoCells);
    if (split) {
      parts = { name: twoCells, reading: split };
    } else {
      // The reading has no split to match the two name cells: the name is put together rather than read wrongly.
      parts = { name: [wholeName, ''], reading: [oneReading, ''] };
      changes.add(at(cells.familyName, 'familyName'), twoCells[0], wholeName, 'name_join');
      changes.add(at(cells.givenName, 'givenName'), twoCells[1], '', 'name_join');
    }
  }
  if (cells.fullReading && parts.reading[1] !== '' && !readingInTwo) {
    changes.add(at(cells.fullReading, 'familyReading'), oneReading, parts.reading[0], 'reading_split');
    changes.add(at(cells.fullReading, 'givenReading'), oneReading, parts.reading[1], 'reading_split');
  }

  const readings = parts.name.map((part, index) => {
    const reading = parts.reading[index] as string;
    if (part === '' || reading !== '') return reading;
    // The cell the part came from: its own column, or the one whole-name cell.
    const partCell = (index === 0 ? cells.familyName : cells.givenName) ?? nameCell;
    const own = readingFromName(part, latin);
    if (own === null) throw new SetAside('reading_unknown', partCell);
    changes.add(at(partCell, index === 0 ? 'familyReading' : 'givenReading'), '', own, 'reading_from_name');
    return own;
  }) as Pair;

  const names: Names = {
    familyName: withinLimit(nameCell ?? { column: -1, value: '' }, parts.name[0], NAME_LIMIT),
    givenName: withinLimit(nameCell ?? { column: -1, value: '' }, parts.name[1], NAME_LIMIT),
    familyReading: withinLimit(readingCell ?? { column: -1, value: '' }, readings[0], READING_LIMIT),
    givenReading: withinLimit(readingCell ?? { column: -1, value: '' }, readings[1], READING_LIMIT),
  };
  if (readingIssues(names).length > 0) throw new SetAside('bad_reading', readingCell);
  return names;
}
