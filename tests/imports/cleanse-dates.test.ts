// Cleansing a ledger row's dates: Western, era and Excel serial forms (see cleanse.test.ts).

import { describe, expect, it } from 'vitest';
import { excelSerialDay, readDate } from '../../electron/core/imports/cleanse-dates.ts';
import { addDays, FIRST_DAY, LAST_DAY } from '../../shared/text/dates.ts';
import { eraOf } from '../../shared/text/eras.ts';
import { named, ok, TODAY } from './cleanse-rows.ts';

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
