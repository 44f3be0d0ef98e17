import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guestPatchSchema } from '../../shared/contract/guests.ts';
import { stayPatchSchema } from '../../shared/contract/stays.ts';
import { addDays, daysBetween, FIRST_DAY, LAST_DAY, localDate, normalizeDateInput } from '../../shared/text/dates.ts';
import { eraOf, formatEraYear, readEraDate } from '../../shared/text/eras.ts';

// Birthdays come in era form (昭和55年5月5日, S55.5.5, R6.4.1): on paper registration cards, from guests on the
// phone, in files from other software. Every date field reads them as it reads 1980/5/5, and refuses a day
// that is not inside the era it was written in instead of guessing.

const birthday = (typed: string) => guestPatchSchema.safeParse({ birthday: typed });
const arrival = (typed: string) => stayPatchSchema.safeParse({ arrivalDate: typed });
const codes = (result: { error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues.map((issue) => issue.message);

describe('an era date as staff type it', () => {
  it.each([
    ['昭和55年5月5日', '1980-05-05'],
    ['S55.5.5', '1980-05-05'],
    ['s55/5/5', '1980-05-05'],
    ['S55-05-05', '1980-05-05'],
    ['S.55.5.5', '1980-05-05'], // a dot after the era letter, as some office forms print it
    ['昭55.5.5', '1980-05-05'],
    ['Ｓ５５．５．５', '1980-05-05'],
    ['昭和５５年５月５日', '1980-05-05'],
    ['㍼55年5月5日', '1980-05-05'],
    ['昭和 55年 5月 5日', '1980-05-05'],
    ['R6.4.1', '2024-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R元.5.1', '2019-05-01'],
    ['H1.1.8', '1989-01-08'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['T15.12.25', '1926-12-25'],
    ['昭和元年12月25日', '1926-12-25'],
    ['明治45年7月30日', '1912-07-30'],
    ['大正元年7月30日', '1912-07-30'],
    ['M33.1.1', '1900-01-01'],
  ])('reads %s as %s, in a birthday and in a stay', (typed, iso) => {
    expect(normalizeDateInput(typed)).toBe(iso);
    expect(birthday(typed).data?.birthday).toBe(iso);
    expect(arrival(typed).data?.arrivalDate).toBe(iso);
  });

  it.each([
    '平成31年5月1日', // 令和元年5月1日
    '平成32年1月1日', // printed ahead of the change; a person decides whether it meant 令和2年
    '令和元年4月30日', // still 平成
    '昭和64年1月8日', // already 平成
    '昭和元年1月1日', // 昭和 began on 12月25日 of its first year
    '大正16年1月1日',
  ])('refuses %s as a day outside its era, with its own message', (typed) => {
    expect(codes(birthday(typed))).toEqual(['date_outside_era']);
    expect(codes(arrival(typed))).toEqual(['date_outside_era']);
  });

  it('refuses an era day that does not exist as any impossible day, and one outside 1900–2100 by range', () => {
    expect(codes(arrival('S55.2.30'))).toEqual(['date_invalid']);
    expect(codes(arrival('S0.1.1'))).toEqual(['date_invalid']);
    expect(codes(birthday('S55.2.30'))).toEqual(['birthday_invalid']);
    expect(codes(arrival('M32.12.31'))).toEqual(['date_out_of_range']);
    expect(codes(arrival('R83.1.1'))).toEqual(['date_out_of_range']);
  });

  it('leaves text that is not written as an era date to the other forms', () => {
    expect(readEraDate('1980/5/5')).toBeNull();
    expect(readEraDate('昭和の終わり')).toBeNull();
    expect(readEraDate('X55.5.5')).toBeNull();
  });
});

describe('the era of a day, as the card shows it', () => {
  it('names the era year, 元年 for the first, the new era on a changeover day', () => {
    expect(formatEraYear('1980-05-05', 'ja')).toBe('昭和55年');
    expect(formatEraYear('1980-05-05', 'en')).toBe('Shōwa 55');
    expect(formatEraYear('2019-05-01', 'ja')).toBe('令和元年');
    expect(formatEraYear('2019-04-30', 'ja')).toBe('平成31年');
    expect(formatEraYear('1989-01-07', 'ja')).toBe('昭和64年');
    expect(formatEraYear('1926-12-25', 'ja')).toBe('昭和元年');
    expect(formatEraYear('1900-01-01', 'ja')).toBe('明治33年');
  });
});

/** Every way of writing the era and its separators that the desk uses. */
const eraForm = fc.record({
  mark: fc.constantFrom('name', 'short', 'letter', 'lowerLetter'),
  separators: fc.constantFrom(['年', '月', '日'], ['.', '.', ''], ['/', '/', ''], ['-', '-', '']),
  firstYear: fc.constantFrom('元', '1', '01'),
  wide: fc.boolean(),
  pad: fc.boolean(),
});

function writeInEra(iso: string, form: typeof eraForm extends fc.Arbitrary<infer F> ? F : never): string {
  const found = eraOf(iso);
  if (!found) throw new Error(`no era for ${iso}`);
  const { era, year } = found;
  const mark = { name: era.name, short: era.short, letter: era.letter, lowerLetter: era.letter.toLowerCase() }[
    form.mark
  ];
  const two = (n: number) => (form.pad ? String(n).padStart(2, '0') : String(n));
  const [a, b, c] = form.separators as [string, string, string];
  const eraYear = year === 1 ? form.firstYear : two(year);
  const text = `${mark}${eraYear}${a}${two(Number(iso.slice(5, 7)))}${b}${two(Number(iso.slice(8, 10)))}${c}`;
  return form.wide ? text.replace(/[0-9A-Za-z./-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) : text;
}

describe('any day written in its era', () => {
  it('reads back as the same day, in every date field, from 1900 to 2100', () => {
    const day = fc.integer({ min: 0, max: daysBetween(FIRST_DAY, LAST_DAY) }).map((n) => addDays(FIRST_DAY, n));
    const today = localDate(Date.now(), 'Asia/Tokyo');
    fc.assert(
      fc.property(day, eraForm, (iso, form) => {
        const typed = writeInEra(iso, form);
        expect(arrival(typed).data?.arrivalDate, typed).toBe(iso);
        if (iso <= today) expect(birthday(typed).data?.birthday, typed).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the changeover days in either era', () => {
    for (const [iso, older, newer] of [
      ['1912-07-30', '明治45年7月30日', '大正元年7月30日'],
      ['1926-12-25', '大正15年12月25日', '昭和元年12月25日'],
    ] as const) {
      expect(normalizeDateInput(older)).toBe(iso);
      expect(normalizeDateInput(newer)).toBe(iso);
    }
  });
});
