// The words and dates of the printed sheets, in the sheet's language. The labels themselves live in
// shared/i18n/service-labels.ts so the screen and the paper say the same thing.

import type { Severity } from '../../shared/contract/allergies.ts';
import { fill, fillCount, SERVICE_LABELS, type ServiceLabels } from '../../shared/i18n/service-labels.ts';
import { familyFirst, withSama } from '../../shared/text/person-name.ts';
import { dateInZone, timeInZone } from '../../shared/text/time-zone.ts';

export type SheetLanguage = 'ja' | 'en';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type Words = {
  lang: SheetLanguage;
  labels: ServiceLabels;
  fill: typeof fill;
  /** A counted sheet message in the form the count takes: 1 night, 2 nights / 1泊. */
  count(key: 'nights' | 'adults' | 'children' | 'moreDishes' | 'parties', count: number): string;
  /** 2 adults, 1 child / 大人2名・子ども1名. */
  party(adults: number, children: number): string;
  /** The sheet's day with its weekday: 2026年11月23日(月) / Mon 23 Nov 2026. */
  day(date: string): string;
  /** A day without the weekday: 2025年3月1日 / 1 Mar 2025. */
  shortDay(date: string): string;
  /** The moment the sheet was made, on the inn's clock (its zone setting), not the process's zone. */
  printedAt(now: Date, timeZone: string): string;
  severity(severity: Severity): string;
  /** A person on paper: family name first; 様 in Japanese, set apart as on screen (withSama says why). */
  guest(name: string): string;
  allergen(allergy: { nameJa: string; nameEn: string }): string;
  /** Joins the parts of one line: 、 in Japanese, a comma in English. */
  list(parts: string[]): string;
  /** An aside after a phrase: （…） in Japanese, ( … ) in English. */
  paren(text: string): string;
};

function parts(date: string): { year: number; month: number; day: number; weekday: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

export function sheetWords(lang: SheetLanguage): Words {
  const ja = lang === 'ja';
  const shortDay = (date: string) => {
    const d = parts(date);
    if (!d) return date;
    return ja ? `${d.year}年${d.month}月${d.day}日` : `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
  };
  const day = (date: string) => {
    const d = parts(date);
    if (!d) return date;
    return ja ? `${shortDay(date)}(${WEEKDAYS_JA[d.weekday]})` : `${WEEKDAYS_EN[d.weekday]} ${shortDay(date)}`;
  };
  const labels = SERVICE_LABELS[lang];
  const count = (key: string, n: number) => fillCount(labels.sheet, key, n, lang);
  return {
    lang,
    labels,
    fill,
    count,
    party: (adults, children) =>
      fill(labels.sheet.party, { adults: count('adults', adults), children: count('children', children) }),
    day,
    shortDay,
    printedAt: (now, timeZone) => `${day(dateInZone(now.getTime(), timeZone))} ${timeInZone(now.getTime(), timeZone)}`,
    severity: (severity) => labels.codes.severity[severity],
    guest: (name) => (ja ? withSama(name) : name),
    allergen: (allergy) => (ja ? allergy.nameJa : allergy.nameEn || allergy.nameJa),
    list: (items) => items.filter(Boolean).join(ja ? '、' : ', '),
    paren: (text) => (ja ? `（${text}）` : ` (${text})`),
  };
}

/** Family name first, as the inn writes it. */
export function personName(person: { familyName: string; givenName: string }): string {
  return familyFirst(person.familyName, person.givenName);
}

export function personReading(person: { familyReading: string; givenReading: string }): string {
  return familyFirst(person.familyReading, person.givenReading);
}
