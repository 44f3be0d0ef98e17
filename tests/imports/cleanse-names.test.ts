// Cleansing a ledger row's names and readings (see cleanse.test.ts for the whole and its properties).

import { describe, expect, it } from 'vitest';
import { ok, row, rules } from './cleanse-rows.ts';

describe('names and readings', () => {
  it('splits one name cell at a space of either width, and its katakana reading the same way', () => {
    const cleaned = ok(
      row([
        ['fullName', '山田　太郎'],
        ['fullReading', 'ヤマダ　タロウ'],
      ]),
    );
    expect(cleaned.guest).toMatchObject({
      familyName: '山田',
      givenName: '太郎',
      familyReading: 'やまだ',
      givenReading: 'たろう',
    });
    expect(cleaned.changes).toEqual([
      { field: 'fullName', column: 0, from: '山田　太郎', to: '山田 太郎', rule: 'width' },
      { field: 'fullReading', column: 1, from: 'ヤマダ　タロウ', to: 'ヤマダ タロウ', rule: 'width' },
      { field: 'fullReading', column: 1, from: 'ヤマダ タロウ', to: 'やまだ たろう', rule: 'reading_katakana' },
      { field: 'familyName', column: 0, from: '山田 太郎', to: '山田', rule: 'name_split' },
      { field: 'givenName', column: 0, from: '山田 太郎', to: '太郎', rule: 'name_split' },
      { field: 'familyReading', column: 1, from: 'やまだ たろう', to: 'やまだ', rule: 'reading_split' },
      { field: 'givenReading', column: 1, from: 'やまだ たろう', to: 'たろう', rule: 'reading_split' },
    ]);
  });

  it('reads half-width katakana (with ﾞ and ﾟ) as the full-width reading, in hiragana', () => {
    const cleaned = ok(
      row([
        ['familyName', '半田'],
        ['familyReading', 'ﾊﾝﾀﾞ'],
        ['givenName', '一平'],
        ['givenReading', 'ｲｯﾍﾟｲ'],
      ]),
    );
    expect(cleaned.guest).toMatchObject({ familyReading: 'はんだ', givenReading: 'いっぺい' });
    expect(cleaned.changes.map((change) => [change.from, change.to, change.rule])).toEqual([
      ['ﾊﾝﾀﾞ', 'ハンダ', 'width'],
      ['ｲｯﾍﾟｲ', 'イッペイ', 'width'],
      ['ハンダ', 'はんだ', 'reading_katakana'],
      ['イッペイ', 'いっぺい', 'reading_katakana'],
    ]);
  });

  it('reads a romaji reading of a Japanese name as hiragana, long vowels spelt out', () => {
    const cleaned = ok(
      row([
        ['fullName', '佐藤 洋子'],
        ['fullReading', 'Satō Yōko'],
      ]),
    );
    expect(cleaned.guest).toMatchObject({ familyReading: 'さとう', givenReading: 'ようこ' });
    expect(
      rules(
        row([
          ['fullName', '佐藤 洋子'],
          ['fullReading', 'SATOU YOUKO'],
        ]),
      ),
    ).toContain('reading_romaji');
  });

  it('keeps a Latin name read in Latin letters, and takes the name itself when no reading is given', () => {
    expect(
      ok(
        row([
          ['familyName', 'Smith'],
          ['givenName', 'John'],
          ['familyReading', 'smith'],
        ]),
      ).guest,
    ).toMatchObject({
      familyName: 'Smith',
      familyReading: 'smith',
      givenReading: 'John',
    });
    // A Latin name in one cell is not split: whether Smith John or John Smith, only the guest knows.
    const whole = ok(
      row([
        ['fullName', 'John Smith'],
        ['fullReading', ''],
      ]),
    );
    expect(whole.guest).toMatchObject({ familyName: 'John Smith', givenName: '', familyReading: 'John Smith' });
    expect(whole.changes.map((change) => change.rule)).toEqual(['reading_from_name']);
  });

  it('takes a name written in kana as its own reading', () => {
    const cleaned = ok(row([['fullName', 'ヤマダ ハナ']]));
    expect(cleaned.guest).toMatchObject({
      familyName: 'ヤマダ',
      givenName: 'ハナ',
      familyReading: 'やまだ',
      givenReading: 'はな',
    });
  });

  it('splits a name without a space only where its kana part matches the reading', () => {
    expect(
      ok(
        row([
          ['fullName', 'やまだ花子'],
          ['fullReading', 'やまだ はなこ'],
        ]),
      ).guest,
    ).toMatchObject({
      familyName: 'やまだ',
      givenName: '花子',
      givenReading: 'はなこ',
    });
    expect(
      ok(
        row([
          ['fullName', '鈴木 はな'],
          ['fullReading', 'スズキハナ'],
        ]),
      ).guest,
    ).toMatchObject({
      familyName: '鈴木',
      givenName: 'はな',
      familyReading: 'すずき',
      givenReading: 'はな',
    });
  });

  it('splits a two-character name read in two parts: there is one place to split it', () => {
    expect(
      ok(
        row([
          ['fullName', '林健'],
          ['fullReading', 'ハヤシ ケン'],
        ]),
      ).guest,
    ).toMatchObject({
      familyName: '林',
      givenName: '健',
      familyReading: 'はやし',
      givenReading: 'けん',
    });
  });

  it('keeps a kanji name whole, with its whole reading, when the split cannot be known', () => {
    // 林真理子 read はやし まりこ: 林|真理子, but a split by proportion would give 林真|理子.
    const unspaced = ok(
      row([
        ['fullName', '林真理子'],
        ['fullReading', 'はやし まりこ'],
      ]),
    );
    expect(unspaced.guest).toMatchObject({ familyName: '林真理子', givenName: '', familyReading: 'はやし まりこ' });
    expect(unspaced.changes).toEqual([]);
    const unsplitReading = ok(
      row([
        ['fullName', '佐藤 花子'],
        ['fullReading', 'サトウハナコ'],
      ]),
    );
    expect(unsplitReading.guest).toMatchObject({
      familyName: '佐藤 花子',
      givenName: '',
      familyReading: 'さとうはなこ',
    });
  });

  it('puts family and given name cells together when their one reading cell cannot be split alike', () => {
    const cleaned = ok(
      row([
        ['familyName', '佐藤'],
        ['givenName', '花子'],
        ['fullReading', 'さとうはなこ'],
      ]),
    );
    expect(cleaned.guest).toMatchObject({ familyName: '佐藤 花子', givenName: '', familyReading: 'さとうはなこ' });
    expect(cleaned.changes.map((change) => [change.field, change.to, change.rule])).toEqual([
      ['familyName', '佐藤 花子', 'name_join'],
      ['givenName', '', 'name_join'],
    ]);
  });

  it('sets aside a kanji name without a reading, and never reads the kanji', () => {
    expect(row([['fullName', '高橋 一郎']])).toEqual({
      ok: false,
      line: 7,
      reason: 'reading_unknown',
      column: 0,
      value: '高橋 一郎',
    });
    expect(
      row([
        ['fullName', '高橋 一郎'],
        ['fullReading', '  '],
      ]).ok,
    ).toBe(false);
    // The given name's reading is needed too.
    expect(
      row([
        ['familyName', '高橋'],
        ['familyReading', 'たかはし'],
        ['givenName', '一郎'],
        ['givenReading', ''],
      ]),
    ).toMatchObject({
      reason: 'reading_unknown',
      column: 2,
      value: '一郎',
    });
  });

  it('sets aside a reading that is neither kana nor romaji, and a row without a name', () => {
    expect(
      row([
        ['fullName', '山田 太郎'],
        ['fullReading', '山田'],
      ]),
    ).toMatchObject({ reason: 'bad_reading', column: 1 });
    expect(
      row([
        ['fullName', '山田 太郎'],
        ['fullReading', 'やまだ 2'],
      ]),
    ).toMatchObject({ reason: 'bad_reading' });
    expect(
      row([
        ['fullName', ''],
        ['phone', '03-1234-5678'],
      ]),
    ).toMatchObject({ reason: 'no_name', column: 0 });
    expect(
      row([
        ['familyName', ''],
        ['givenName', '太郎'],
        ['givenReading', 'たろう'],
      ]),
    ).toMatchObject({ reason: 'no_name' });
  });

  it('sets aside a name longer than the register takes, never cutting it short', () => {
    const long = '山'.repeat(41);
    expect(
      row([
        ['familyName', long],
        ['familyReading', 'やま'],
      ]),
    ).toMatchObject({ reason: 'too_long', value: long });
    expect(
      row([
        ['fullName', '山田 太郎'],
        ['fullReading', `やまだ ${'た'.repeat(61)}`],
      ]),
    ).toMatchObject({ reason: 'too_long' });
  });
});
