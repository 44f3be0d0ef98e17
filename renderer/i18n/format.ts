import type { Language } from './index.ts';

const LOCALE: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

export function locale(language: string): string {
  return LOCALE[language as Language] ?? 'ja-JP';
}

/**
 * A moment on the inn's clock (its time zone, a setting), whatever zone the browser or PC is in:
 * 2025/11/23 14:05 in Japanese, 23 Nov 2025, 14:05 in English.
 */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

function parseDay(value: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** A calendar day (YYYY-MM-DD): 1980年4月1日 in Japanese, 1 April 1980 in English. */
export function formatDay(value: string, language: string): string {
  const day = parseDay(value);
  if (!day) return value;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(day.year, day.month - 1, day.day)),
  );
}

/** Age in whole years on `today` (the inn's calendar day, 'YYYY-MM-DD'). */
export function ageOn(birthday: string, today: string): number | undefined {
  const day = parseDay(birthday);
  const now = parseDay(today);
  if (!day || !now) return undefined;
  let age = now.year - day.year;
  const beforeBirthday = now.month < day.month || (now.month === day.month && now.day < day.day);
  if (beforeBirthday) age--;
  return age >= 0 ? age : undefined;
}
