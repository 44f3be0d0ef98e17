// Calendar dates as the app stores them: 'YYYY-MM-DD' strings, local to the inn (no time zone).
// Stays, meals and confirmations are days, not instants, so they never shift when a PC's zone differs.

import { readEraDate } from './eras.ts';
import { dateInZone } from './time-zone.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar date in 'YYYY-MM-DD' form (no 2月30日). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The days the app accepts in any date field. A birthday before 1900 or a booking after 2100 is a typo
 * (19800 for 1980, 9999 for "some day"), and days outside this range break the arithmetic of what follows
 * from them (next year's call about a party in 9999 falls in year 10000, which no 'YYYY-MM-DD' can hold).
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2100-12-31';

/** Whether a 'YYYY-MM-DD' day lies within FIRST_DAY..LAST_DAY. */
export function isWithinRange(date: string): boolean {
  return date >= FIRST_DAY && date <= LAST_DAY;
}

/**
 * Typed dates arrive as 2026/4/1, ２０２６-０４-０１, 2026年4月1日 or in an era (昭和55年5月5日, S55.5.5, R元.5.1):
 * one form, zero-padded. Text that is none of these, or an era date that is no day of its era, stays as typed
 * (trimmed), for the field's own rule to refuse; typedDay (contract/common.ts) names the era mistake.
 */
export function normalizeDateInput(value: string): string {
  const era = readEraDate(value);
  if (era) return era.kind === 'day' ? era.iso : value.trim();
  const parts = value
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[／/.．年月]/g, '-')
    .replace(/日$/, '')
    .split('-');
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return value.trim();
  const [year, month, day] = parts as [string, string, string];
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function toUtc(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds months, clamping to the month's last day (3月31日 + 1 month = 4月30日). */
/** The last day of the month `date` is in ('2026-02-10' → '2026-02-28'). */
export function lastDayOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return fromUtc(d);
}

/**
 * Adds whole years: the same day and month, 2月29日 falling on 2月28日 in a common year (as addMonths clamps).
 * Worked on the text for four-digit years: a day's first arrivals read asks this a few hundred times, and a
 * Date for each was a tenth of its date arithmetic.
 */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  if (!ISO_DATE.test(date) || !Number.isInteger(year) || year < 1000 || year > 9999) {
    return addMonths(date, years * 12);
  }
  const monthAndDay = date.slice(4);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return monthAndDay === '-02-29' && !leap ? `${year}-02-28` : `${year}${monthAndDay}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Calendar months from `from`'s month to `to`'s (2016-01-31 to 2016-02-01 is 1), whatever the days. */
export function monthsApart(from: string, to: string): number {
  const month = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return month(to) - month(from);
}

/** The inn's calendar day of an instant, in the inn's time zone (the setting), whatever the process's zone. */
export function localDate(instant: number, timeZone: string): string {
  return dateInZone(instant, timeZone);
}

/**
 * The date a yearly day (a birthday 'YYYY-MM-DD', year ignored) falls on within [from, to], if it does.
 * 2月29日 birthdays are celebrated on 2月28日 in other years.
 */
export function anniversaryWithin(day: string, from: string, to: string): string | null {
  const [, month, date] = day.split('-');
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    let candidate = `${year}-${month}-${date}`;
    if (!isCalendarDate(candidate)) candidate = `${year}-${month}-28`;
    if (candidate >= from && candidate <= to) return candidate;
  }
  return null;
}
