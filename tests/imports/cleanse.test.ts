// Cleansing a ledger row: what staff will find recorded from each kind of cell their old ledger holds, the change
// listed for the import's report, and the rows kept aside (with the reason) instead of guessed into a wrong field.
// The properties check the whole: an already clean row goes through unchanged, any way of writing a phone number
// or an era date gives one value, and whatever a row holds, what is recorded passes the register's own contract.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CleanRow, cleanseChangeKinds, cleanseRow, setAsideCounts } from '../../electron/core/imports/cleanse.ts';
import type { ImportField } from '../../electron/core/imports/mapping.ts';
import { guestCreateFieldsSchema } from '../../shared/contract/guests.ts';
import { SET_ASIDE_REASONS } from '../../shared/contract/import-codes.ts';
import { stayCreateSchema } from '../../shared/contract/stays.ts';
import { addDays, FIRST_DAY } from '../../shared/text/dates.ts';
import { ERAS, eraOf } from '../../shared/text/eras.ts';
import { named, ok, row, TODAY } from './cleanse-rows.ts';

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
    // Two reasons come after cleansing, from the import's plan: those are tested with the core (import-core); the
    // sales file's own two (no date, no amount) with the sales import.
    const source = [
      'cleanse.test.ts',
      'cleanse-names.test.ts',
      'cleanse-contacts.test.ts',
      'cleanse-dates.test.ts',
      'cleanse-stays.test.ts',
      'import-core.test.ts',
      'sales-import.test.ts',
    ]
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
