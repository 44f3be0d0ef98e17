// Dates as ledgers hold them: 2024/4/1, 2024-04-01, 2024.4.1, 2024年4月1日(月), 20240401, 2024/04/01 0:00:00 from a
// date-time cell, in an era (昭和55年5月5日, S55.5.5, R6/4/1, 令和元年5月1日), or an Excel serial day number (45383)
// where a date cell lost its format. A two-digit year (24/4/1, 55.5.5) is refused: 1924 or 2024, 1955 or 昭和55年,
// only a person can tell.

import type { CleanseRule } from '../../../shared/contract/import-codes.ts';
import { addDays, isCalendarDate, isWithinRange } from '../../../shared/text/dates.ts';
import { readEraDate } from '../../../shared/text/eras.ts';
import { type Cell, type ChangeList, SetAside } from './cleanse-text.ts';

/**
 * The day of an Excel serial number in the 1900 date system, the one Excel for Windows writes: day 1 is
 * 1900-01-01, and day 60 is 1900-02-29, a day that never was (Lotus 1-2-3 took 1900 for a leap year and Excel kept
 * it), so from day 61 on the count runs one ahead of the calendar. Null for day 60 and for anything not a day.
 */
export function excelSerialDay(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60) return null;
  return addDays('1899-12-31', serial < 60 ? serial : serial - 1);
}

/**
 * Serial numbers read in a date column: five digits (10000 is 1927-05-18) up to the app's last day. Shorter
 * numbers are far likelier to be something else (a room, a count) than a day before 1927 written as a serial.
 */
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const WEEKDAY = /\s*[(（][月火水木金土日](?:曜日?)?[)）]$/;
const TIME = /\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const WESTERN = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const pad = (n: string) => n.padStart(2, '0');

/** The day a (tidied) date cell says, as 'YYYY-MM-DD', and the rule that read it; '' for an empty cell. */
export function readDate(cell: Pick<Cell, 'column' | 'value'>): { date: string; rule: CleanseRule | null } {
  const text = cell.value.replace(WEEKDAY, '').replace(TIME, '').trim();
  if (text === '') return { date: '', rule: null };
  let date: string;
  let rule: CleanseRule;
  const era = readEraDate(text);
  const serial = SERIAL.exec(text);
  const western = WESTERN.exec(text) ?? COMPACT.exec(text);
  if (era) {
    if (era.kind === 'outside') throw new SetAside('date_outside_era', cell);
    if (era.kind === 'invalid') throw new SetAside('bad_date', cell);
    [date, rule] = [era.iso, 'date_era'];
  } else if (serial) {
    const day = excelSerialDay(Number(serial[1]));
    if (day === null) throw new SetAside('bad_date', cell);
    [date, rule] = [day, 'date_serial'];
  } else if (western) {
    const [, year, month, day] = western as unknown as [string, string, string, string];
    [date, rule] = [`${year}-${pad(month)}-${pad(day)}`, 'date_format'];
  } else {
    throw new SetAside('bad_date', cell);
  }
  if (!isCalendarDate(date)) throw new SetAside('bad_date', cell);
  if (!isWithinRange(date)) throw new SetAside('date_out_of_range', cell);
  return { date, rule };
}

/** A date cell read and its change listed (the rule that read it, when the cell was not already 'YYYY-MM-DD'). */
export function cleanseDate(cell: Cell, changes: ChangeList): string {
  const { date, rule } = readDate(cell);
  if (rule) changes.add(cell, cell.value, date, rule);
  return date;
}
