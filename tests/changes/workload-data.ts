import { addDays } from '../../shared/text/dates.ts';
import { toHalfWidthKatakana } from '../support/half-width.ts';

// The names, the seeded random numbers and the ledgers the workload (workload.ts) draws its calls from.

export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

export const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '山本', '中村', '小林', '加藤'];
export const READING = [
  'さとう',
  'すずき',
  'たかはし',
  'たなか',
  'わたなべ',
  'いとう',
  'やまもと',
  'なかむら',
  'こばやし',
  'かとう',
];
export const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太'];
export const GIVEN_READING = ['たろう', 'はなこ', 'いちろう', 'みさき', 'けんた'];
export const NOTES = ['', '窓側希望', '静かな部屋', 'アレルギー要確認', '常連', '記念日'];

/** A ledger of a few visit rows, in half-width kana now and then, as an inn's Excel would hold it. */
export function ledgerCsv(r: Random, today: string): string {
  const lines = ['姓,名,セイ,メイ,電話,来館日,泊数,部屋,アレルギー'];
  for (let row = r.int(1, 3); row > 0; row--) {
    const f = r.int(0, FAMILY.length - 1);
    const g = r.int(0, GIVEN.length - 1);
    const reading = r.chance(0.5) ? (READING[f] as string) : toHalfWidthKatakana(READING[f] as string);
    lines.push(
      [
        FAMILY[f],
        GIVEN[g],
        reading,
        GIVEN_READING[g],
        r.chance(0.7) ? `090-${r.int(1000, 1009)}-${r.int(1000, 1003)}` : '',
        addDays(today, r.int(-400, -1)).replaceAll('-', '/'),
        String(r.int(1, 3)),
        String(r.int(101, 105)),
        r.pick(['', '', 'えび', '卵（アナフィラキシー）', 'そば・かに']),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
