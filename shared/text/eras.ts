// Japanese era (元号) dates: how staff and guests write a birthday (昭和55年5月5日, S55.5.5, R6.4.1) and how
// the card shows the era beside the Western year. An era began on the day an emperor's reign did; on the
// changeover days of 明治→大正 (1912-07-30) and 大正→昭和 (1926-12-25) both names were in use, so both are
// read; 昭和64年1月7日 and 平成元年1月8日, 平成31年4月30日 and 令和元年5月1日 are each era's last and first days.
// A day written in an era it is not inside (平成31年5月1日, 平成32年) is refused rather than guessed: an office
// form that printed 平成 ahead of the change means 令和, but a typo means something else, and only a person
// can tell which.

export type Era = {
  /** 昭和 */
  name: string;
  /** 昭 (as in 昭55.5.5) */
  short: string;
  /** S */
  letter: string;
  /** Shōwa, for the English screens */
  romaji: string;
  /** Western year of the era's year 1 (元年). */
  startYear: number;
  first: string;
  /** null while the era lasts. */
  last: string | null;
};

export const ERAS: readonly Era[] = [
  { name: '明治', short: '明', letter: 'M', romaji: 'Meiji', startYear: 1868, first: '1868-10-23', last: '1912-07-30' },
  {
    name: '大正',
    short: '大',
    letter: 'T',
    romaji: 'Taishō',
    startYear: 1912,
    first: '1912-07-30',
    last: '1926-12-25',
  },
  { name: '昭和', short: '昭', letter: 'S', romaji: 'Shōwa', startYear: 1926, first: '1926-12-25', last: '1989-01-07' },
  {
    name: '平成',
    short: '平',
    letter: 'H',
    romaji: 'Heisei',
    startYear: 1989,
    first: '1989-01-08',
    last: '2019-04-30',
  },
  { name: '令和', short: '令', letter: 'R', romaji: 'Reiwa', startYear: 2019, first: '2019-05-01', last: null },
];

/** The one-character era signs some fonts and IMEs produce (㍼ is 昭和). */
const LIGATURES: Record<string, string> = { '㍾': '明治', '㍽': '大正', '㍼': '昭和', '㍻': '平成', '㋿': '令和' };

const ERA_BY_MARK = new Map<string, Era>(ERAS.flatMap((era) => [era.name, era.short, era.letter].map((m) => [m, era])));

const ERA_DATE =
  /^(明治|大正|昭和|平成|令和|[明大昭平令MTSHR])\.?(元|\d{1,2})(?:年|[./-])(\d{1,2})(?:月|[./-])(\d{1,2})日?$/;

/** Full-width digits, letters and punctuation as ASCII, the era signs spelt out, no spaces, upper case. */
function fold(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[㍾㍽㍼㍻㋿]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\s\u3000]/g, '')
    .replace(/[ー‐−–]/g, '-')
    .toUpperCase();
}

export type EraReading =
  /** A real day inside the era written. */
  | { kind: 'day'; iso: string }
  /** A real day, but not inside the era it was written in (平成31年5月1日). */
  | { kind: 'outside'; era: Era }
  /** Written as an era date, but no such day (昭和55年2月30日, 昭和0年). */
  | { kind: 'invalid' };

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads an era date in any of its written forms (昭和55年5月5日, 昭55.5.5, S55.5.5, S.55.5.5 as some office forms print
 * it, R元/5/1, full width or not); null when the text is not written as an era date at all.
 */
export function readEraDate(value: string): EraReading | null {
  const match = ERA_DATE.exec(fold(value));
  if (!match) return null;
  const era = ERA_BY_MARK.get(match[1] as string);
  if (!era) return null;
  const eraYear = match[2] === '元' ? 1 : Number(match[2]);
  const [month, day] = [Number(match[3]), Number(match[4])];
  const year = era.startYear + eraYear - 1;
  if (eraYear < 1 || !isRealDay(year, month, day)) return { kind: 'invalid' };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (iso < era.first || (era.last !== null && iso > era.last)) return { kind: 'outside', era };
  return { kind: 'day', iso };
}

/** The era a day ('YYYY-MM-DD') is in, with its year of that era; the new era on a changeover day. */
export function eraOf(iso: string): { era: Era; year: number } | null {
  for (let n = ERAS.length - 1; n >= 0; n--) {
    const era = ERAS[n] as Era;
    if (iso >= era.first) return { era, year: Number(iso.slice(0, 4)) - era.startYear + 1 };
  }
  return null;
}

/** 昭和55年 / 令和元年, or Shōwa 55 in English; '' before the eras' table begins. */
export function formatEraYear(iso: string, language: string): string {
  const found = eraOf(iso);
  if (!found) return '';
  if (language === 'en') return `${found.era.romaji} ${found.year}`;
  return `${found.era.name}${found.year === 1 ? '元' : found.year}年`;
}
