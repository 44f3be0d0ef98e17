import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKanaReading, kanaKey, toHiragana } from '../../shared/text/kana.ts';

const hiragana = fc.string({
  unit: fc.constantFrom(
    ...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽゃゅょっ',
  ),
  minLength: 1,
  maxLength: 8,
});
const toKatakana = (text: string) =>
  text.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
const toHalfWidth = (text: string) => {
  // the few half-width forms we need for the property: build from NFKC's inverse via a lookup
  const table: Record<string, string> = {};
  for (let code = 0xff66; code <= 0xff9d; code++)
    table[String.fromCharCode(code).normalize('NFKC')] = String.fromCharCode(code);
  return [...text].map((ch) => table[ch] ?? ch).join('');
};

describe('kana folding', () => {
  it('gives hiragana, katakana and half-width katakana of a reading the same key', () => {
    fc.assert(
      fc.property(hiragana, (reading) => {
        const key = kanaKey(reading);
        expect(kanaKey(toKatakana(reading))).toBe(key);
        expect(kanaKey(toHalfWidth(toKatakana(reading)))).toBe(key);
      }),
    );
  });

  it('folds long vowels so サトー, さとう and ｻﾄｳ meet', () => {
    expect(kanaKey('さとう')).toBe('さと');
    expect(kanaKey('サトー')).toBe('さと');
    expect(kanaKey('ｻﾄｳ')).toBe('さと');
    expect(kanaKey('おおの')).toBe(kanaKey('おの'));
    expect(kanaKey('ゆうこ')).toBe('ゆこ');
    expect(kanaKey('しゅうじ')).toBe('しゅじ');
    expect(kanaKey('たなか')).toBe('たなか');
  });

  it('turns half-width katakana with voicing marks into one hiragana', () => {
    expect(toHiragana('ｶﾞｯｺｳ')).toBe('がっこう');
  });

  it('accepts readings in any kana and refuses kanji or latin letters', () => {
    expect(isKanaReading('たなか')).toBe(true);
    expect(isKanaReading('タナカ')).toBe(true);
    expect(isKanaReading('ﾀﾅｶ')).toBe(true);
    expect(isKanaReading('スミス・ジョン')).toBe(true);
    expect(isKanaReading('田中')).toBe(false);
    expect(isKanaReading('tanaka')).toBe(false);
  });
});
