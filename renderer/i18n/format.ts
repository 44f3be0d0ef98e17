import type { Language } from './index.ts';

const LOCALE: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

export function locale(language: string): string {
  return LOCALE[language as Language] ?? 'ja-JP';
}

/** A moment: 2025/11/23 14:05 in Japanese, 23 Nov 2025, 14:05 in English. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
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

/** Age in whole years on `today` (a local date). */
export function ageOn(birthday: string, today: Date = new Date()): number | undefined {
  const day = parseDay(birthday);
  if (!day) return undefined;
  let age = today.getFullYear() - day.year;
  const beforeBirthday =
    today.getMonth() + 1 < day.month || (today.getMonth() + 1 === day.month && today.getDate() < day.day);
  if (beforeBirthday) age--;
  return age >= 0 ? age : undefined;
}
