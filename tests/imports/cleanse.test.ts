// Cleansing a ledger row: what staff will find recorded from each kind of cell their old ledger holds, the change
// listed for the import's report, and the rows kept aside (with the reason) instead of guessed into a wrong field.
// The properties check the whole: an already clean row goes through unchanged, any way of writing a phone number
// or an era date gives one value, and whatever a row holds, what is recorded passes the register's own contract.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CleanResult,
  type CleanRow,
  cleanseChangeKinds,
  cleanseRow,
  setAsideCounts,
} from '../../electron/core/imports/cleanse.ts';
import { excelSerialDay, readDate } from '../../electron/core/imports/cleanse-dates.ts';
import type { ImportField } from '../../electron/core/imports/mapping.ts';
import { guestCreateFieldsSchema } from '../../shared/contract/guests.ts';
import { SET_ASIDE_REASONS } from '../../shared/contract/import-codes.ts';
import { stayCreateSchema } from '../../shared/contract/stays.ts';
import { addDays, FIRST_DAY, LAST_DAY } from '../../shared/text/dates.ts';
import { ERAS, eraOf } from '../../shared/text/eras.ts';

const TODAY = '2026-12-03';

/** One row of the cells given, each under its field, in the order given (a field may come twice). */
function row(cells: Array<[ImportField, string]>, formulaColumns?: number[]): CleanResult {
  return cleanseRow(
    { line: 7, cells: cells.map(([, value]) => value), formulaColumns },
    cells.map(([field]) => field),
    { today: TODAY },
  );
}

function ok(result: CleanResult): CleanRow {
  if (!result.ok) throw new Error(`set aside: ${JSON.stringify(result)}`);
  return result.row;
}

/** A row of a guest whose name is already clean (columns 0 and 1), and the cells given from column 2 on. */
const named = (...cells: Array<[ImportField, string]>) =>
  row([['familyName', '山田'], ['familyReading', 'やまだ'], ...cells]);
const rules = (result: CleanResult) => ok(result).changes.map((change) => change.rule);

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

describe('phone numbers', () => {
  it.each([
    ['03-1234-5678', '03-1234-5678'],
    ['０３－１２３４－５６７８', '03-1234-5678'],
    ['03ー1234ー5678', '03-1234-5678'],
    ['03―1234―5678', '03-1234-5678'],
    ['03−1234−5678', '03-1234-5678'],
    ['(03)1234-5678', '03-1234-5678'],
    ['03(1234)5678', '03-1234-5678'],
    ['03 1234 5678', '03-1234-5678'],
    ['+81 3-1234-5678', '03-1234-5678'],
    ['+81 (0)3 1234 5678', '03-1234-5678'],
    ['81-3-1234-5678', '03-1234-5678'],
    ['0312345678', '03-1234-5678'],
    ['09011112222', '090-1111-2222'],
    ['TEL:045-123-4567', '045-123-4567'],
    ['携帯 090-1111-2222', '090-1111-2222'],
    ['0555-12-3456（自宅）', '0555-12-3456'],
    ['0451234567', '0451234567'],
    ['+1 212 555 1234', '+1-212-555-1234'],
  ])('%s is recorded as %s', (cell, number) => {
    expect(ok(named(['phone', cell])).guest.phones).toEqual([number]);
  });

  it('puts back the 0 that Excel dropped from a number stored as a number, and says so', () => {
    const cleaned = ok(named(['phone', '9011112222']));
    expect(cleaned.guest.phones).toEqual(['090-1111-2222']);
    expect(cleaned.changes.at(-1)).toMatchObject({ from: '9011112222', to: '090-1111-2222', rule: 'phone_zero' });
  });

  it('keeps several numbers in one cell as several, and a number given twice once', () => {
    const cleaned = ok(named(['phone', '03-1234-5678／090-1111-2222'], ['phone', '090 1111 2222']));
    expect(cleaned.guest.phones).toEqual(['03-1234-5678', '090-1111-2222']);
    expect(cleaned.changes.filter((c) => c.field === 'phone').map((c) => c.rule)).toEqual([
      'width',
      'phone_split',
      'phone',
      'phone_duplicate',
    ]);
    expect(ok(named(['phone', '03 1234 5678 090 1111 2222'])).guest.phones).toEqual(['03-1234-5678', '090-1111-2222']);
    expect(ok(named(['phone', '03-1234-5678\n090-1111-2222'])).guest.phones).toHaveLength(2);
  });

  it.each(['1234', '03-1234-567', 'なし', '03-1234-5678 内線12', 'abc'])('sets aside %s as no phone number', (cell) => {
    expect(named(['phone', cell])).toMatchObject({ ok: false, reason: 'bad_phone', column: 2 });
  });

  it('sets aside more numbers than a guest card holds', () => {
    const six = ['03-1111-1111', '03-2222-2222', '03-3333-3333', '03-4444-4444', '03-5555-5555', '03-6666-6666'];
    expect(named(['phone', six.join('、')])).toMatchObject({ reason: 'too_many_phones' });
  });
});

describe('postcodes, emails and other guest text', () => {
  it.each([
    ['〒100-0001', '100-0001'],
    ['〒１００－０００１', '100-0001'],
    ['1000001', '100-0001'],
    ['100 0001', '100-0001'],
    ['100ー0001', '100-0001'],
  ])('postcode %s is recorded as %s', (cell, postcode) => {
    expect(ok(named(['postcode', cell])).guest.postalCode).toBe(postcode);
  });

  it('puts back the 0 Excel dropped from a Hokkaido postcode, and says so', () => {
    const cleaned = ok(named(['postcode', '600001']));
    expect(cleaned.guest.postalCode).toBe('060-0001');
    expect(rules(named(['postcode', '600001']))).toEqual(['postcode_zero']);
  });

  it.each(['100-001', '12345678', '東京都'])('sets aside postcode %s', (cell) => {
    expect(named(['postcode', cell])).toMatchObject({ reason: 'bad_postcode', value: cell });
  });

  it('joins the address columns, and lower-cases only the domain of an email', () => {
    const cleaned = ok(named(['address', '東京都千代田区'], ['address', ''], ['address', '千代田１－１']));
    expect(cleaned.guest.address).toBe('東京都千代田区 千代田1-1');
    const email = ok(named(['email', ' Taro.Yamada@Example.CO.JP ']));
    expect(email.guest.email).toBe('Taro.Yamada@example.co.jp');
    expect(email.changes.map((change) => change.rule)).toEqual(['spaces', 'email']);
    expect(ok(named(['email', 'mailto:hanako@Example.jp'])).guest.email).toBe('hanako@example.jp');
  });

  it.each(['taro@', 'taro.example.com', 'a@b@c', '山田@例え'])('sets aside email %s', (cell) => {
    expect(named(['email', cell])).toMatchObject({ reason: 'bad_email' });
  });

  it('sets aside an address longer than the register takes', () => {
    expect(named(['address', '東'.repeat(150)], ['address', '京'.repeat(51)])).toMatchObject({
      reason: 'too_long',
      column: 2,
    });
  });

  it('removes characters that print nothing, and tidies spaces but keeps a note’s lines', () => {
    const cleaned = ok(named(['organization', '株式会社\u0000 山田\u202e商事 '], ['note', ' 窓側希望 \r\n  記念日 ']));
    expect(cleaned.guest.organization).toBe('株式会社 山田商事');
    expect(cleaned.guest.note).toBe('窓側希望\n記念日');
    expect(cleaned.changes.map((change) => change.rule)).toEqual(['control_characters', 'spaces', 'spaces']);
  });
});

describe('dates', () => {
  it.each([
    ['2024/4/1', '2024-04-01', 'date_format'],
    ['2024-04-01', '2024-04-01', null],
    ['2024.4.1', '2024-04-01', 'date_format'],
    ['2024年4月1日', '2024-04-01', 'date_format'],
    ['２０２４年４月１日（月）', '2024-04-01', 'date_format'],
    ['2024/04/01 0:00:00', '2024-04-01', 'date_format'],
    ['20240401', '2024-04-01', 'date_format'],
    ['R6/4/1', '2024-04-01', 'date_era'],
    ['令和6年4月1日', '2024-04-01', 'date_era'],
    ['45383', '2024-04-01', 'date_serial'],
  ])('arrival %s is %s', (cell, date, rule) => {
    const cleaned = ok(named(['arrival', cell]));
    expect(cleaned.stay?.arrivalDate).toBe(date);
    expect(cleaned.changes.find((change) => change.field === 'arrival' && change.to === date)?.rule ?? null).toBe(rule);
  });

  it.each([
    ['S55.5.5', '1980-05-05'],
    ['S.55.5.5', '1980-05-05'],
    ['昭和55年5月5日', '1980-05-05'],
    ['H1.1.8', '1989-01-08'],
    ['令和元年5月1日', '2019-05-01'],
    ['M33.1.1', '1900-01-01'],
  ])('birthday %s is %s', (cell, date) => {
    expect(ok(named(['birthday', cell])).guest.birthday).toBe(date);
  });

  it('reads Excel serial days in the 1900 system, with its 29 February 1900 that never was', () => {
    expect(excelSerialDay(1)).toBe('1900-01-01');
    expect(excelSerialDay(59)).toBe('1900-02-28');
    expect(excelSerialDay(60)).toBeNull();
    expect(excelSerialDay(61)).toBe('1900-03-01');
    expect(excelSerialDay(29316)).toBe('1980-04-05');
    expect(excelSerialDay(45383)).toBe('2024-04-01');
    expect(excelSerialDay(73415)).toBe('2100-12-31');
    expect(ok(named(['birthday', '29316'])).guest.birthday).toBe('1980-04-05');
  });

  it.each([
    ['24/4/1', 'bad_date'], // 1924 or 2024?
    ['55.5.5', 'bad_date'], // 1955 or 昭和55年?
    ['4月1日', 'bad_date'],
    ['2024/2/30', 'bad_date'],
    ['S55.2.30', 'bad_date'],
    ['来週', 'bad_date'],
    ['2024', 'bad_date'],
    ['1234', 'bad_date'], // four digits are not read as a serial day
    ['平成31年5月1日', 'date_outside_era'],
    ['1899/12/31', 'date_out_of_range'],
    ['2101-01-01', 'date_out_of_range'],
    ['99999', 'date_out_of_range'],
  ])('sets aside the date %s as %s', (cell, reason) => {
    expect(named(['arrival', cell])).toMatchObject({ ok: false, reason, column: 2, value: cell });
    expect(named(['birthday', cell])).toMatchObject({ ok: false, reason });
  });

  it('sets aside a birthday after the inn’s today, and takes one of today', () => {
    expect(named(['birthday', '2026-12-04'])).toMatchObject({ reason: 'birthday_in_future' });
    expect(ok(named(['birthday', TODAY])).guest.birthday).toBe(TODAY);
  });

  it('reads an era date and its Western form as the same day, for every day 1900–2100', () => {
    let checked = 0;
    const differing: string[] = [];
    for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
      const found = eraOf(day);
      if (!found) continue;
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      const eraYear = found.year === 1 ? '元' : String(found.year);
      const forms = [
        `${found.era.name}${eraYear}年${month}月${date}日`,
        `${found.era.letter}${found.year}.${month}.${date}`,
        `${found.era.short}${found.year}/${String(month).padStart(2, '0')}/${date}`,
      ];
      const western = readDate({ column: 0, value: `${year}/${month}/${date}` }).date;
      for (const form of forms) if (readDate({ column: 0, value: form }).date !== western) differing.push(form);
      if (western !== day) differing.push(day);
      checked += 1;
    }
    expect(differing).toEqual([]);
    // 1900-01-01 to 2100-12-31: Excel's serial 73415, less its 29 February 1900 that never was.
    expect(checked).toBe(73_414);
  });
});

describe('visit rows', () => {
  it('makes a stay of a row with an arrival: departure from nights, rooms, people, amount', () => {
    const cleaned = ok(
      named(
        ['arrival', '2024/4/1'],
        ['nights', '２泊'],
        ['rooms', '201・202'],
        ['people', '3名'],
        ['amount', '¥48,000'],
        ['reservationNo', 'A-1024'],
        ['note', '結婚記念日'],
      ),
    );
    expect(cleaned.stay).toEqual({
      arrivalDate: '2024-04-01',
      departureDate: '2024-04-03',
      rooms: ['201', '202'],
      adults: 3,
      children: 0,
      amountYen: 48000,
      reservationNo: 'A-1024',
      note: '結婚記念日',
    });
    // A visit row's note is the stay's; the guest's own note stays as it was.
    expect(cleaned.guest.note).toBe('');
    expect(cleaned.changes.map((change) => change.rule)).toEqual([
      'width',
      'date_format',
      'number',
      'departure_from_nights',
      'rooms_split',
      'number',
      'amount',
    ]);
  });

  it('takes one night when there is no nights column, and the departure column when there is one', () => {
    expect(ok(named(['arrival', '2024/4/1'])).stay).toMatchObject({
      departureDate: '2024-04-02',
      rooms: [],
      adults: 0,
    });
    expect(ok(named(['arrival', '2024/4/1'], ['departure', '2024/4/4'])).stay?.departureDate).toBe('2024-04-04');
    expect(ok(named(['arrival', '2024/4/1'], ['nights', '0'])).stay?.departureDate).toBe('2024-04-01');
  });

  it('reads adults and children from their columns, or from a people column that says both', () => {
    expect(ok(named(['arrival', '2024/4/1'], ['adults', '2'], ['children', '1'], ['people', '3'])).stay).toMatchObject({
      adults: 2,
      children: 1,
    });
    expect(ok(named(['arrival', '2024/4/1'], ['people', '4'], ['children', '1'])).stay).toMatchObject({
      adults: 3,
      children: 1,
    });
    expect(ok(named(['arrival', '2024/4/1'], ['people', '大人2名 子供1名'])).stay).toMatchObject({
      adults: 2,
      children: 1,
    });
  });

  it.each([
    ['¥12,000', 12000],
    ['￥１２，０００', 12000],
    ['12,000円', 12000],
    ['\\12,000', 12000],
    ['12000.0', 12000],
    ['-', 0],
    ['', 0],
  ])('amount %s is %d yen', (cell, yen) => {
    expect(ok(named(['arrival', '2024/4/1'], ['amount', cell])).stay?.amountYen).toBe(yen);
  });

  it.each(['-5000', '△5000', '1234.5', '一万円', '2000000000'])('sets aside amount %s', (cell) => {
    expect(named(['arrival', '2024/4/1'], ['amount', cell])).toMatchObject({ reason: 'bad_amount', column: 3 });
  });

  it.each([
    ['nights', '-1'],
    ['nights', '2.5'],
    ['nights', '400'],
    ['people', '数名'],
    ['adults', '100'],
  ])('sets aside %s %s as no count', (field, cell) => {
    expect(named(['arrival', '2024/4/1'], [field as ImportField, cell])).toMatchObject({ reason: 'bad_number' });
  });

  it('sets aside a departure before the arrival, and nights that disagree with the departure', () => {
    expect(named(['arrival', '2024/4/3'], ['departure', '2024/4/1'])).toMatchObject({
      reason: 'departure_before_arrival',
      column: 3,
    });
    expect(named(['arrival', '2024/4/1'], ['departure', '2024/4/3'], ['nights', '1'])).toMatchObject({
      reason: 'nights_mismatch',
      column: 4,
    });
  });

  it('sets aside stay cells on a row without an arrival, rather than dropping them', () => {
    expect(named(['arrival', ''], ['rooms', '201'])).toMatchObject({
      reason: 'stay_without_arrival',
      column: 3,
      value: '201',
    });
    expect(ok(named(['arrival', ''], ['rooms', ''])).stay).toBeNull();
  });

  it('sets aside more rooms than a stay takes, and a room name longer than the register takes', () => {
    const rooms = Array.from({ length: 11 }, (_, n) => String(101 + n)).join(',');
    expect(named(['arrival', '2024/4/1'], ['rooms', rooms])).toMatchObject({ reason: 'too_many_rooms' });
    expect(named(['arrival', '2024/4/1'], ['rooms', '離れ'.repeat(11)])).toMatchObject({ reason: 'too_long' });
  });
});

describe('allergies', () => {
  it.each([
    ['えび・かに', ['えび', 'かに']],
    ['卵、乳', ['卵', '乳']],
    ['そば/落花生', ['そば', '落花生']],
    ['ｴﾋﾞ', ['エビ']],
    ['小麦\n大豆', ['小麦', '大豆']],
    ['なし', []],
    ['特になし', []],
    ['-', []],
  ])('%s is %j', (cell, items) => {
    expect(ok(named(['allergies', cell])).allergies).toEqual(items);
  });

  it('sets aside an item longer than an allergy record takes', () => {
    expect(named(['allergies', `${'甲殻類'.repeat(14)}`])).toMatchObject({ reason: 'too_long' });
  });
});

describe('formulas, blank rows, the report', () => {
  it('takes the computed value of a formula cell, listed, and sets aside one the file kept no value for', () => {
    const cleaned = ok(
      row(
        [
          ['fullName', '山田 太郎'],
          ['fullReading', 'やまだ たろう'],
          ['arrival', '2024/4/1'],
          ['amount', '36000'],
        ],
        [3],
      ),
    );
    expect(cleaned.stay?.amountYen).toBe(36000);
    expect(cleaned.changes[0]).toEqual({ field: 'amount', column: 3, from: '=', to: '36000', rule: 'formula_result' });
    expect(
      row(
        [
          ['fullName', '山田 太郎'],
          ['fullReading', 'やまだ たろう'],
          ['amount', ''],
        ],
        [2],
      ),
    ).toEqual({
      ok: false,
      line: 7,
      reason: 'formula_without_value',
      column: 2,
      value: '',
    });
    // A blank line whose formula column computed nothing is a blank line.
    expect(
      row(
        [
          ['fullName', ''],
          ['amount', ''],
        ],
        [1],
      ),
    ).toEqual({ ok: false, line: 7, reason: 'empty' });
    // A formula in a column that is not imported does not matter.
    expect(
      cleanseRow(
        { line: 1, cells: ['山田', 'やまだ', ''], formulaColumns: [2] },
        ['familyName', 'familyReading', null],
        { today: TODAY },
      ).ok,
    ).toBe(true);
  });

  it('answers a row whose imported cells are all empty as empty, whatever the other cells hold', () => {
    expect(
      cleanseRow({ line: 9, cells: [' ', '　\u0000', 'メモ'] }, ['fullName', 'phone', null], { today: TODAY }),
    ).toEqual({
      ok: false,
      line: 9,
      reason: 'empty',
    });
  });

  it('counts the changes by rule and the rows set aside by reason, blank rows not among them', () => {
    const results = [
      named(['phone', '０３１２３４５６７８']),
      named(['phone', 'x']),
      row([['fullName', '']]),
      row([
        ['fullName', '山田 太郎'],
        ['fullReading', 'やまだ たろう'],
      ]),
    ];
    const kinds = cleanseChangeKinds(results.flatMap((result) => (result.ok ? [result.row] : [])));
    expect(kinds).toMatchObject({ width: 1, phone: 1, name_split: 2, reading_split: 2, amount: 0 });
    expect(setAsideCounts(results)).toMatchObject({ bad_phone: 1, empty: 0, no_name: 0 });
  });

  it('has a test in this file for every reason a row is set aside (a new reason needs one)', () => {
    // Two reasons come after cleansing, from the import's plan: those are tested with the core (import-core).
    const source = ['cleanse.test.ts', 'import-core.test.ts']
      .map((file) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const tested = (reason: string) => source.includes(`reason: '${reason}'`) || source.includes(`', '${reason}'],`);
    expect(SET_ASIDE_REASONS.filter((reason) => !tested(reason))).toEqual([]);
  });
});

// ---- properties ----

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** A name and its reading, written the ways ledgers write them. */
const nameCells = fc.oneof(
  fc
    .tuple(
      pick('山田 太郎', '山田　太郎', '佐藤 花子', 'やまだ 花子', 'ﾔﾏﾀﾞ ﾊﾅ', '林真理子', '高橋'),
      pick('ヤマダ タロウ', 'やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'Yamada Taro', 'やまだたろう', '', '山田'),
    )
    .map(
      ([name, reading]) =>
        [
          ['fullName', name],
          ['fullReading', reading],
        ] as Array<[ImportField, string]>,
    ),
  fc
    .tuple(
      pick('鈴木', 'Smith', 'すずき', '鈴木'),
      pick('一郎', '', 'John'),
      pick('スズキ', 'ｽｽﾞｷ', 'suzuki', ''),
      pick('イチロウ', '', 'john'),
    )
    .map(
      ([family, given, familyReading, givenReading]) =>
        [
          ['familyName', family],
          ['givenName', given],
          ['familyReading', familyReading],
          ['givenReading', givenReading],
        ] as Array<[ImportField, string]>,
    ),
);

/** Guest cells as ledgers write them, each readable (or empty). */
const guestCells = fc.record({
  phone: pick(
    '',
    '03-1234-5678',
    '０９０ー１１１１ー２２２２',
    '+81 45 123 4567',
    '9011112222',
    '03-1234-5678／090-1111-2222',
  ),
  postcode: pick('', '〒１００－０００１', '1000001', '600001'),
  address: pick('', '東京都千代田区　千代田１－１', ' 大阪府 '),
  birthday: pick('', 'S55.5.5', '昭和55年5月5日', '1980/5/5', '29316', 'H1.1.8'),
  email: pick('', 'Taro@Example.COM', ' a@b.jp '),
  organization: pick('', '株式会社　山田商事', 'Ｙ社'),
  note: pick('', '窓側希望', ' 記念日 \r\n 花束 '),
  allergies: pick('', 'えび・かに', 'なし', '卵、乳', 'ｴﾋﾞ'),
});

/** Stay cells of a visit row, each readable and agreeing with the others; or none (a guest row). */
const stayCells = fc.oneof(
  fc.constant({}),
  fc.record({
    arrival: pick('2024/4/1', 'R6.4.1', '45383', '２０２４年４月１日'),
    nights: pick('', '2', '２泊'),
    departure: pick('', '2024/4/3'),
    rooms: pick('', '201', '201・202', '201, 202'),
    people: pick('', '2名', '大人2名 子供1名'),
    amount: pick('', '¥12,000', '12,000円', '-'),
    reservationNo: pick('', 'A-1', 'ＲＶ－２'),
  }),
);

/** At times one cell that cannot be read, put in place of a readable one. */
const unreadable = fc
  .option(
    pick<[ImportField, string]>(
      ['phone', '12-34'],
      ['phone', 'なし'],
      ['postcode', '100-001'],
      ['birthday', '55.5.5'],
      ['birthday', '2030-01-01'],
      ['birthday', '平成31年5月1日'],
      ['email', 'taro@'],
      ['arrival', '24/4/1'],
      ['arrival', '1899/1/1'],
      ['nights', '-1'],
      ['departure', '2024/3/30'],
      ['rooms', '201'],
      ['people', '数名'],
      ['amount', '-100'],
      ['amount', 'x'],
    ),
    { freq: 2 }, // half the rows
  )
  .map((cell): Record<string, string> => (cell ? { [cell[0]]: cell[1] } : {}));

const cellsOf = (record: Record<string, string>) => Object.entries(record) as Array<[ImportField, string]>;

/** A row every cell of which is readable; only its name may still be set aside (a kanji name without reading). */
const readableRow = fc
  .tuple(nameCells, guestCells, stayCells)
  .map(([names, guest, stay]) => [...names, ...cellsOf(guest), ...cellsOf(stay)]);

/** A row with some unreadable cells in it, or none. */
const anyRow = fc
  .tuple(nameCells, guestCells, stayCells, unreadable)
  .map(([names, guest, stay, bad]) => [...names, ...cellsOf({ ...guest, ...stay, ...bad })]);

/** A clean row written back as cells, the way a tidy ledger would hold it. */
function asCells(cleaned: CleanRow): Array<[ImportField, string]> {
  const { guest, stay } = cleaned;
  return [
    ['familyName', guest.familyName],
    ['givenName', guest.givenName],
    ['familyReading', guest.familyReading],
    ['givenReading', guest.givenReading],
    ['phone', guest.phones.join(', ')],
    ['postcode', guest.postalCode],
    ['address', guest.address],
    ['birthday', guest.birthday],
    ['email', guest.email],
    ['organization', guest.organization],
    ['note', stay ? stay.note : guest.note],
    ['allergies', cleaned.allergies.join(', ')],
    ['arrival', stay?.arrivalDate ?? ''],
    ['departure', stay?.departureDate ?? ''],
    ['rooms', stay?.rooms.join(', ') ?? ''],
    ['adults', stay ? String(stay.adults) : ''],
    ['children', stay ? String(stay.children) : ''],
    ['amount', stay ? String(stay.amountYen) : ''],
    ['reservationNo', stay?.reservationNo ?? ''],
  ];
}

describe('properties', () => {
  it('cleansing an already clean row changes nothing and lists no change', () => {
    let cleansed = 0;
    fc.assert(
      fc.property(readableRow, (cells) => {
        const first = row(cells);
        if (!first.ok) {
          expect(['reading_unknown', 'bad_reading']).toContain(first.reason);
          return;
        }
        cleansed += 1;
        const again = ok(row(asCells(first.row)));
        expect(again.changes).toEqual([]);
        expect({ ...again, changes: [] }).toEqual({ ...first.row, changes: [] });
      }),
      { numRuns: 400 },
    );
    expect(cleansed).toBeGreaterThan(200);
  });

  it('a set-aside row yields no guest at all; a cleansed one is a guest (and stay) the contract accepts', () => {
    const seen = { cleansed: 0, setAside: 0 };
    fc.assert(
      fc.property(anyRow, (cells) => {
        const result = row(cells);
        seen[result.ok ? 'cleansed' : 'setAside'] += 1;
        if (!result.ok) {
          expect(Object.keys(result).every((key) => ['ok', 'line', 'reason', 'column', 'value'].includes(key))).toBe(
            true,
          );
          expect(SET_ASIDE_REASONS).toContain(result.reason);
          return;
        }
        const { guest, stay } = result.row;
        const fields = { ...guest, phones: guest.phones.map((number) => ({ number, label: 'other' as const })) };
        const parsed = guestCreateFieldsSchema.safeParse(fields);
        expect(parsed.error?.issues ?? []).toEqual([]);
        // The stored reading is the one checked: the contract takes it as it is.
        expect(parsed.data).toMatchObject({ familyReading: guest.familyReading, givenReading: guest.givenReading });
        if (stay) {
          const rooms = stay.rooms.length > 0 ? stay.rooms : ['101'];
          const guestId = '0190a000-0000-7000-8000-000000000000';
          const stayParsed = stayCreateSchema.safeParse({ ...stay, rooms, guestId });
          expect(stayParsed.error?.issues ?? []).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
    expect(seen.cleansed).toBeGreaterThan(80);
    expect(seen.setAside).toBeGreaterThan(80);
  });

  const dashes = ['-', '‐', '–', '—', '―', '−', 'ｰ', 'ー', '－', ' ', '　'];
  const wide = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

  it('a phone number written any of the ways ledgers write it cleanses to one value', () => {
    const numbers = fc.oneof(
      fc.tuple(pick('090', '080', '070', '050'), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/)),
      fc.tuple(pick('03', '06'), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/)),
      fc.tuple(pick('045', '052', '011', '092'), fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{4}$/)),
      fc.tuple(pick('0555', '0263'), fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{4}$/)),
    );
    const writings = fc.record({
      dash: fc.constantFrom(...dashes),
      width: fc.boolean(),
      form: pick('plain', 'parenArea', 'parenMiddle', 'plus81', 'plus81zero', 'bare81'),
    });
    fc.assert(
      fc.property(numbers, writings, ([area, middle, last], { dash, width, form }) => {
        const expected = ok(named(['phone', `${area}-${middle}-${last}`])).guest.phones;
        const national = area.slice(1);
        const written =
          {
            plain: `${area}${dash}${middle}${dash}${last}`,
            parenArea: `(${area})${middle}${dash}${last}`,
            parenMiddle: `${area}(${middle})${last}`,
            plus81: `+81${dash}${national}${dash}${middle}${dash}${last}`,
            plus81zero: `+81 (0)${national} ${middle} ${last}`,
            bare81: `81${dash}${national}${dash}${middle}${dash}${last}`,
          }[form] ?? '';
        const cell = width ? wide(written) : written;
        expect(ok(named(['phone', cell])).guest.phones, cell).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('an era date and its Western form give the same date, however the era is written', () => {
    const days = fc.integer({ min: 0, max: 73_413 }).map((n) => addDays(FIRST_DAY, n));
    fc.assert(
      fc.property(
        days,
        fc.constantFrom('name', 'short', 'letter'),
        fc.boolean(),
        fc.constantFrom('.', '/', '-'),
        (day, mark, width, separator) => {
          const found = eraOf(day);
          if (!found) return;
          const [year, month, date] = day.split('-').map(Number) as [number, number, number];
          const era = ERAS.find((e) => e.name === found.era.name);
          const sign = era?.[mark] ?? '';
          const text = `${sign}${found.year}${separator}${month}${separator}${date}`;
          const cell = width ? wide(text) : text;
          const result = named(['birthday', cell]);
          if (day > TODAY) {
            expect(result).toMatchObject({ reason: 'birthday_in_future' });
            return;
          }
          const western = ok(named(['birthday', `${year}/${month}/${date}`])).guest.birthday;
          expect(ok(result).guest.birthday, cell).toBe(western);
        },
      ),
      { numRuns: 500 },
    );
  });
});
