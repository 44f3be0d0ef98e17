import { describe, expect, it } from 'vitest';
import { displayRomaji, readingToRomaji, romajiKey, romajiQueryKey } from '../../shared/text/romaji.ts';

const keyOfReading = (reading: string) => romajiKey(readingToRomaji(reading));

describe('romaji keys', () => {
  it('treats Satō, Satou, Sato and Satoh as one name', () => {
    const key = keyOfReading('さとう');
    for (const typed of ['Satō', 'Satou', 'Sato', 'Satoh', 'SATO', 'satoo']) expect(romajiKey(typed)).toBe(key);
  });

  it('merges Hepburn and Kunrei spellings', () => {
    expect(romajiKey('Shinichi')).toBe(keyOfReading('しんいち'));
    expect(romajiKey('Siniti')).toBe(keyOfReading('しんいち'));
    expect(romajiKey('Tsuchiya')).toBe(keyOfReading('つちや'));
    expect(romajiKey('Tutiya')).toBe(keyOfReading('つちや'));
    expect(romajiKey('Fujita')).toBe(keyOfReading('ふじた'));
    expect(romajiKey('Huzita')).toBe(keyOfReading('ふじた'));
    expect(romajiKey('Homma')).toBe(keyOfReading('ほんま'));
    expect(romajiKey('Ohno')).toBe(keyOfReading('おおの'));
    expect(romajiKey('Kyoko')).toBe(keyOfReading('きょうこ'));
  });

  it('keeps a query that stops mid-syllable a prefix of the name', () => {
    expect(keyOfReading('やました').startsWith(romajiQueryKey('yamash'))).toBe(true);
    expect(keyOfReading('たけうち').startsWith(romajiQueryKey('takeuch'))).toBe(true);
    expect(keyOfReading('まつもと').startsWith(romajiQueryKey('mats'))).toBe(true);
    expect(keyOfReading('じゅんいち').startsWith(romajiQueryKey('j'))).toBe(true);
    expect(keyOfReading('たなか').startsWith(romajiQueryKey('tanak'))).toBe(true);
  });

  it('shows passport-style romaji on the card', () => {
    expect(displayRomaji('さとう')).toBe('Sato');
    expect(displayRomaji('タロウ')).toBe('Taro');
    expect(displayRomaji('しんいち')).toBe('Shinichi');
  });
});
