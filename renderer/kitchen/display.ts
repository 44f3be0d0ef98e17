// How the service floor's screens and sheets show severities, allergens, days and meals. One place, so the
// arrivals page, the stay page and the printed sheets use the same colours and words.

import type { Severity } from '../../shared/contract/allergies.ts';
import { locale } from '../i18n/format.ts';

/** Anaphylaxis is red and loud; a dislike (苦手) is a preference, grey. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  anaphylaxis: 'red',
  allergy: 'orange',
  intolerance: 'yellow',
  dislike: 'gray',
};

/** The tables whose changes can change what the floor sees about a stay (allergies, requests, menus…). */
export const FLOOR_TABLES = [
  'stays',
  'stay_party',
  'guests',
  'allergies',
  'allergens',
  'requests',
  'dishes',
  'courses',
  'served',
  'menu_plans',
  'settings',
  'staff',
] as const;

/** The allergen's name in the UI language (a free allergen has the same text in both). */
export function allergenName(named: { nameJa: string; nameEn: string }, language: string): string {
  return language === 'en' && named.nameEn ? named.nameEn : named.nameJa;
}

function parseDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A day with its weekday: 2026年11月23日(月) in Japanese, Mon, 23 November 2026 in English. */
export function formatDayWeekday(value: string, language: string): string {
  const day = parseDay(value);
  if (!day) return value;
  const text = new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(day);
  // Intl writes 2026年11月23日(月); some ICU versions put a space before the bracket.
  return text.replace(/\s+\(/, '(');
}

/** Yen as staff write it: ¥12,000. */
export function formatYen(amount: number): string {
  return `¥${amount.toLocaleString('ja-JP')}`;
}

/** The days of a stay from arrival to departure, both included (breakfast is served on the departure day). */
export function stayDays(arrivalDate: string, departureDate: string): string[] {
  const days: string[] = [];
  const start = parseDay(arrivalDate);
  const end = parseDay(departureDate);
  if (!start || !end) return days;
  for (const d = start; d <= end && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
