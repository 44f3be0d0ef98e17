// How the service side shows its values: days with the weekday (2026年11月23日(月)), yen (¥12,000), stays'
// date ranges, allergen names in the UI language, and the colour of each severity.

import i18next from 'i18next';
import type { Severity } from '../../shared/contract/allergies.ts';
import { locale } from '../i18n/format.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day with its weekday: 2026年11月23日(月) in Japanese, Mon 23 Nov 2026 in English. */
export function formatDayWithWeekday(value: string, language: string): string {
  const match = DAY.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  })
    .format(date)
    .replace(/\s+\(/, '('); // some ICU versions write 2026年11月23日 (月)
}

/** A calendar day in little room (a table's label): 2026/11/23(月), Mon 23/11/2026. */
export function formatDayShort(value: string, language: string): string {
  const match = DAY.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** ¥12,000 */
export function formatYen(amount: number): string {
  return i18next.t('service.yen', { amount: new Intl.NumberFormat('ja-JP').format(amount) });
}

/** 2泊 / 2 nights, 1 night: the sheets' words, so the screen and the paper count alike. */
export function formatNights(nights: number): string {
  return i18next.t('sheet.nights', { count: nights });
}

/** 大人2名・子ども1名 / 2 adults, 1 child: each number with its own plural form. */
export function formatParty(party: { adults: number; children: number }): string {
  return i18next.t('sheet.party', {
    adults: i18next.t('sheet.adults', { count: party.adults }),
    children: i18next.t('sheet.children', { count: party.children }),
  });
}

/** 2026年11月23日(月)〜2026年11月24日(火) */
export function formatStayDates(stay: { arrivalDate: string; departureDate: string }, language: string): string {
  return i18next.t('service.stays.dates', {
    from: formatDayWithWeekday(stay.arrivalDate, language),
    to: formatDayWithWeekday(stay.departureDate, language),
  });
}

/** An allergen's name in the UI language (English falls back to Japanese when the catalogue has none). */
export function allergenName(named: { nameJa: string; nameEn: string }, language: string): string {
  return language === 'en' && named.nameEn ? named.nameEn : named.nameJa;
}

/** Anaphylaxis must be impossible to miss; a dislike is a preference, not a safety item. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  anaphylaxis: 'red',
  allergy: 'orange',
  intolerance: 'yellow',
  dislike: 'gray',
};
