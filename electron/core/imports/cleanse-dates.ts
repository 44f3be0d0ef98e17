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
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const WESTERN = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const pad = (n: string) => n.padStart(2, '0');

/** What a date written in digits says ('YYYY-MM-DD', unchecked) and the rule that read it; null when it is not one. */
function readDigits(text: string): { date: string; rule: CleanseRule } | null {
  const serial = SERIAL.exec(text);
  if (serial) {
    const day = excelSerialDay(Number(serial[1]));
    return day === null ? null : { date: day, rule: 'date_serial' };
  }
  const western = WESTERN.exec(text) ?? COMPACT.exec(text);
  if (!western) return null;
  const [, year, month, day] = western as unknown as [string, string, string, string];
  return { date: `${year}-${pad(month)}-${pad(day)}`, rule: 'date_format' };
}

/**
 * The day a (tidied: ASCII digits) date cell says, as 'YYYY-MM-DD', and the rule that read it (null when it was
 * written so already); '' for an empty cell. Called for every date cell of every row, so the common forms are
 * tried first and the era reading only for text that starts with an era sign.
 */
export function readDate(cell: Pick<Cell, 'column' | 'value'>): { date: string; rule: CleanseRule | null } {
  const text = cell.value.replace(WEEKDAY, '').replace(TIME, '').trim();
  if (text === '') return { date: '', rule: null };
  let found: { date: string; rule: CleanseRule | null } | null;
  if (ISO.test(text)) {
    found = { date: text, rule: null };
  } else if (/^\d/.test(text)) {
    found = readDigits(text);
  } else {
    const era = readEraDate(text);
    if (era?.kind === 'outside') throw new SetAside('date_outside_era', cell);
    found = era?.kind === 'day' ? { date: era.iso, rule: 'date_era' } : null;
  }
  if (!found || !isCalendarDate(found.date)) throw new SetAside('bad_date', cell);
  if (!isWithinRange(found.date)) throw new SetAside('date_out_of_range', cell);
  return found;
}

/** A date cell read and its change listed (the rule that read it, when the cell was not already 'YYYY-MM-DD'). */
export function cleanseDate(cell: Cell, changes: ChangeList): string {
  const { date, rule } = readDate(cell);
  changes.add(cell, cell.value, date, rule ?? 'date_format');
  return date;
}
