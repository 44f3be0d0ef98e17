// The columns of a ledger as inns keep them, guessed from the header row for the person to confirm: the headers
// below are the kinds found in hand-kept Excel ledgers, CSVs from booking and accounting systems, and English
// exports, with full-width letters, brackets and numbered columns.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ColumnMapping,
  guessField,
  guessMapping,
  HEADER_WORDS,
  IMPORT_FIELDS,
  looksLikeHeader,
  mappingIssues,
  sourceKey,
} from '../../electron/core/imports/mapping.ts';

describe('guessing the columns of a ledger from its header', () => {
  it('reads a hand-kept Japanese ledger, full width, bracketed notes and numbered address columns included', () => {
    const header = [
      'No.',
      'お名前',
      'フリガナ',
      '電話番号（自宅）',
      'ＴＥＬ（携帯）',
      '〒',
      '住所1',
      '住所２',
      '生年月日',
      'E-mail',
      '会社名',
      '来館日',
      '泊数',
      '部屋',
      '人数',
      '金額',
      '備考',
      '食物アレルギー',
      'FAX',
    ];
    expect(guessMapping(header)).toEqual([
      null,
      'fullName',
      'fullReading',
      'phone',
      'phone',
      'postcode',
      'address',
      'address',
      'birthday',
      'email',
      'organization',
      'arrival',
      'nights',
      'rooms',
      'people',
      'amount',
      'note',
      'allergies',
      null,
    ]);
  });

  it('reads a booking system export with family and given names, their readings and adults/children', () => {
    const header = [
      '予約番号',
      '姓',
      '名',
      'セイ',
      'メイ',
      'チェックイン',
      'チェックアウト',
      '客室',
      '大人',
      '子供',
      '合計',
    ];
    expect(guessMapping(header)).toEqual([
      'reservationNo',
      'familyName',
      'givenName',
      'familyReading',
      'givenReading',
      'arrival',
      'departure',
      'rooms',
      'adults',
      'children',
      'amount',
    ]);
  });

  it('reads English headers in any case and spelling', () => {
    const header = ['Guest Name', 'Kana', 'Phone No.', 'E-Mail', 'Zip Code', 'Address', 'Check-in', 'Check-out'];
    expect(guessMapping(header)).toEqual([
      'fullName',
      'fullReading',
      'phone',
      'email',
      'postcode',
      'address',
      'arrival',
      'departure',
    ]);
    expect(guessMapping(['Last Name', 'First Name', 'DOB', 'Notes', 'Allergies', 'Room #', 'Total'])).toEqual([
      'familyName',
      'givenName',
      'birthday',
      'note',
      'allergies',
      'rooms',
      'amount',
    ]);
  });

  it.each([
    ['氏名', 'fullName'],
    ['顧客名', 'fullName'],
    ['　氏　名　', 'fullName'],
    ['※お名前', 'fullName'],
    ['氏名【必須】', 'fullName'],
    ['氏名（カナ）', 'fullReading'],
    ['お名前(フリガナ)', 'fullReading'],
    ['氏名カナ', 'fullReading'],
    ['ﾌﾘｶﾞﾅ', 'fullReading'],
    ['よみ', 'fullReading'],
    ['姓（フリガナ）', 'familyReading'],
    ['名カナ', 'givenReading'],
    ['携帯', 'phone'],
    ['連絡先', 'phone'],
    ['郵便番号', 'postcode'],
    ['ご住所', 'address'],
    ['誕生日', 'birthday'],
    ['メールアドレス', 'email'],
    ['勤務先', 'organization'],
    ['宿泊日', 'arrival'],
    ['利用日', 'arrival'],
    ['到着日', 'arrival'],
    ['出発日', 'departure'],
    ['部屋番号', 'rooms'],
    ['売上', 'amount'],
    ['利用金額', 'amount'],
    ['メモ', 'note'],
    ['特記事項', 'note'],
    ['苦手', 'allergies'],
    ['TEL', 'phone'],
    ['ｔｅｌ', 'phone'],
    ['C/I', 'arrival'],
    ['姓名', 'fullName'],
    ['チェックイン日時', 'arrival'],
    ['人数（大人）', 'adults'],
    ['人数(小人)', 'children'],
    ['人数(合計)', 'people'],
    ['生年月日(西暦)', 'birthday'],
    ['Ｃ／Ｏ', 'departure'],
    ['予約No.', 'reservationNo'],
    ['電話番号2', 'phone'],
  ])('reads %s as %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it.each(['', 'No.', 'FAX', '担当', '区分', '日付', '性別', '部屋タイプ', 'プラン'])(
    'maps %s to nothing rather than guess',
    (header) => {
      expect(guessField(header)).toBeNull();
    },
  );

  it('gives a field to its first column only, except phone, address and note, which take several', () => {
    expect(guessMapping(['氏名', 'お名前', '電話', '携帯', '住所1', '住所2', '備考', 'メモ', '金額', '売上'])).toEqual([
      'fullName',
      null,
      'phone',
      'phone',
      'address',
      'address',
      'note',
      'note',
      'amount',
      null,
    ]);
  });
});

describe('telling a header row from a data row', () => {
  it('takes a row naming two fields or more as a header', () => {
    expect(looksLikeHeader(['氏名', 'フリガナ', '電話'])).toBe(true);
    expect(looksLikeHeader(['No', 'Name', 'Tel'])).toBe(true);
  });

  it('takes a row of guest data, or a title row, as not a header', () => {
    expect(looksLikeHeader(['山田 太郎', 'ヤマダ タロウ', '03-1234-5678', '2024/4/1'])).toBe(false);
    expect(looksLikeHeader(['顧客台帳 2024年度', '', ''])).toBe(false);
    expect(looksLikeHeader([])).toBe(false);
  });
});

describe('what keeps a mapping from being used', () => {
  const codes = (mapping: ColumnMapping) => mappingIssues(mapping).map((issue) => issue.code);

  it('accepts a ledger with a name, and no reading column at all (a reading is looked for per row)', () => {
    expect(mappingIssues(['fullName', 'phone', null])).toEqual([]);
    expect(mappingIssues(['familyName', 'givenName', 'familyReading', 'givenReading', 'arrival', 'rooms'])).toEqual([]);
  });

  it('asks for a name column', () => {
    expect(mappingIssues(['phone', 'address'])).toEqual([{ code: 'needs_name', columns: [] }]);
    expect(mappingIssues([null, 'givenName'])).toEqual([{ code: 'given_without_family', columns: [1] }]);
  });

  it('refuses a name or a reading mapped both whole and in parts', () => {
    expect(mappingIssues(['fullName', 'familyName'])).toEqual([{ code: 'name_twice', columns: [0, 1] }]);
    expect(codes(['fullName', 'fullReading', 'givenReading'])).toEqual(['reading_twice']);
  });

  it('refuses a field that takes one column mapped to two, naming the field and its columns', () => {
    expect(mappingIssues(['fullName', 'email', null, 'email'])).toEqual([
      { code: 'field_twice', field: 'email', columns: [1, 3] },
    ]);
    expect(mappingIssues(['fullName', 'phone', 'phone', 'note', 'note'])).toEqual([]);
  });

  it('refuses stay columns without an arrival column: their cells would have no stay to go to', () => {
    expect(mappingIssues(['fullName', 'rooms', 'amount'])).toEqual([{ code: 'stay_without_arrival', columns: [1, 2] }]);
    expect(mappingIssues(['fullName', 'arrival', 'rooms', 'amount'])).toEqual([]);
  });
});

describe('the key a mapping is remembered by', () => {
  it('is the same for the same header however it was typed or saved', () => {
    const key = sourceKey(['氏名', 'TEL', '住所']);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(sourceKey(['\ufeff氏名', 'ＴＥＬ', '住所 '])).toBe(key);
    expect(sourceKey(['氏名', 'TEL', '住所', '', ''])).toBe(key);
  });

  it('differs for another header, or the same words in another order', () => {
    const key = sourceKey(['氏名', 'TEL', '住所']);
    expect(sourceKey(['氏名', '住所', 'TEL'])).not.toBe(key);
    expect(sourceKey(['氏名', 'TEL'])).not.toBe(key);
    expect(sourceKey(['氏名TEL', '住所'])).not.toBe(key);
  });
});

describe('properties of the guess', () => {
  const words = IMPORT_FIELDS.flatMap((field) => HEADER_WORDS[field].map((word) => [word, field] as const));
  const wide = (text: string) =>
    text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).toUpperCase();

  it('finds every word of the table however the header writes it: width, case, spaces, a note, a number', () => {
    const writings = fc.record({
      width: fc.boolean(),
      upper: fc.boolean(),
      pad: fc.constantFrom('', ' ', '　'),
      note: fc.constantFrom('', '(自宅)', '（※必須）', '[1]', '【任意】'),
      number: fc.constantFrom('', '1', '２'),
    });
    fc.assert(
      fc.property(fc.constantFrom(...words), writings, ([word, field], { width, upper, pad, note, number }) => {
        const written = `${pad}${width ? wide(word) : upper ? word.toUpperCase() : word}${number}${note}${pad}`;
        expect(guessField(written), written).toBe(field);
      }),
      { numRuns: 1000 },
    );
  });

  it('guesses a mapping with no issue but the ones the columns themselves bring (a missing name, stays without arrival)', () => {
    const header = fc.array(fc.oneof(fc.constantFrom(...words.map(([word]) => word)), fc.string()), { maxLength: 30 });
    fc.assert(
      fc.property(header, (cells) => {
        const mapping = guessMapping(cells);
        expect(mapping).toHaveLength(cells.length);
        const allowed = ['needs_name', 'given_without_family', 'name_twice', 'reading_twice', 'stay_without_arrival'];
        expect(mappingIssues(mapping).filter((issue) => !allowed.includes(issue.code))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
