import { foldWidth } from '../../../shared/text/width.ts';

// A kaiseki kitchen makes many dishes in a version per season, and names them so: 鯛の酒蒸し（冬）, 【春】筍ご飯,
// 鰆の西京焼き・春 (the sample catalogue writes 茶碗蒸し（冬）). The catalogue has no season field, so the name is
// where the season is read from: a season word in brackets, or set apart by a space or ・, at either end. What
// is left is the dish itself, the same in every season.

/** 0 spring (3–5月), 1 summer (6–8月), 2 autumn (9–11月), 3 winter (12–2月): the order the seasons come in. */
export type Season = 0 | 1 | 2 | 3;

/** A dish as one version of a dish made through the year: what it is, and its season if its name has one. */
export type DishVersion = { base: string; season: Season | null };

const WORD = '(?<season>春|夏|秋|冬|spring|summer|autumn|fall|winter)(?:季|期|限定)?';
const OPEN = '[(\\[【〔「『〈《<]';
const CLOSE = '[)\\]】〕」』〉》>]';
const APART = '[\\s・･/_-]+';
const MARKED = [
  new RegExp(`^(?<base>.+?)\\s*${OPEN}\\s*${WORD}\\s*${CLOSE}$`, 'iu'),
  new RegExp(`^${OPEN}\\s*${WORD}\\s*${CLOSE}\\s*(?<base>.+)$`, 'iu'),
  new RegExp(`^(?<base>.+?)${APART}${WORD}$`, 'iu'),
  new RegExp(`^${WORD}${APART}(?<base>.+)$`, 'iu'),
];
const SEASON_OF_WORD: Record<string, Season> = {
  春: 0,
  spring: 0,
  夏: 1,
  summer: 1,
  秋: 2,
  autumn: 2,
  fall: 2,
  冬: 3,
  winter: 3,
};

/** The same dish whatever the width, spacing or case it is written in. */
function baseKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

export function dishVersion(name: string): DishVersion {
  const text = foldWidth(name).trim();
  for (const pattern of MARKED) {
    const found = pattern.exec(text);
    const base = found?.groups?.base;
    const word = found?.groups?.season;
    const season = word ? SEASON_OF_WORD[word.toLowerCase()] : undefined;
    if (base && season !== undefined) return { base: baseKey(base), season };
  }
  return { base: baseKey(text), season: null };
}

/** The season a 'YYYY-MM-DD' date falls in, as a Japanese kitchen counts them. */
export function seasonOfDate(date: string): Season {
  const monthIndex = Number(date.slice(5, 7)) - 1;
  return Math.floor(((monthIndex + 10) % 12) / 3) as Season;
}

/** How many seasons apart two are, round the year: 0, 1 or 2. */
export function seasonsApart(a: Season, b: Season): number {
  const apart = Math.abs(a - b);
  return Math.min(apart, 4 - apart);
}

/** Months from a date to the middle of a season (4, 7, 10 and 1月), round the year: what "nearer" means. */
export function monthsToSeason(date: string, season: Season): number {
  const apart = Math.abs(Number(date.slice(5, 7)) - (((season * 3 + 3) % 12) + 1));
  return Math.min(apart, 12 - apart);
}

/**
 * The season a meal is cooked in: the one most of its dishes are marked with (a 冬の会席 is winter whenever it
 * is served; its dishes say so), the nearer one to the date on a tie, and the date's own when no dish says.
 */
export function mealSeason(versions: readonly DishVersion[], date: string): Season {
  const counts = new Map<Season, number>();
  for (const { season } of versions) if (season !== null) counts.set(season, (counts.get(season) ?? 0) + 1);
  let best: Season = seasonOfDate(date);
  let bestCount = 0;
  for (const [season, count] of counts) {
    const nearer = count === bestCount && monthsToSeason(date, season) < monthsToSeason(date, best);
    if (count > bestCount || nearer) {
      best = season;
      bestCount = count;
    }
  }
  return best;
}

// Listing names with seasons in them (茶碗蒸し(夏), 春の会席 梅): Japanese collation orders the four kanji by their
// readings, 夏 (か) 秋 (しゅう) 春 (しゅん) 冬 (とう), so a catalogue listed 夏・秋・春・冬. A kitchen lists them the
// way the year goes, 春夏秋冬. Where a name marks its season (as dishVersion reads it, or at the start before の
// as a course is named: 春の会席), it sorts as if the word were 春, then by the season, then by what follows:
// the seasons of one dish or course stay together, in the year's order, where 春 would put them.

const IN_ORDER = [
  new RegExp(`^(?<before>.*?${OPEN}\\s*)${WORD}(?=\\s*${CLOSE}$)`, 'iu'),
  new RegExp(`^(?<before>${OPEN}\\s*)${WORD}(?=\\s*${CLOSE})`, 'iu'),
  new RegExp(`^(?<before>.+?${APART})${WORD}$`, 'iu'),
  new RegExp(`^(?<before>)${WORD}(?=${APART}|の)`, 'iu'),
];
const collator = new Intl.Collator('ja');

/** A name as it sorts in season order: [text up to the season word, season (-1 for none), the rest, name]. */
export type SeasonOrderKey = readonly [head: string, season: number, tail: string, name: string];

export function seasonOrderKey(name: string): SeasonOrderKey {
  const text = foldWidth(name).trim();
  for (const pattern of IN_ORDER) {
    const found = pattern.exec(text);
    const word = found?.groups?.season;
    const season = word ? SEASON_OF_WORD[word.toLowerCase()] : undefined;
    if (found && word && season !== undefined) {
      const spring = /^[a-z]/i.test(word) ? 'spring' : '春';
      return [`${found.groups?.before ?? ''}${spring}`, season, text.slice(found[0].length), name];
    }
  }
  return [text, -1, '', name];
}

/** Compares two keys field by field: a consistent order whatever mix of names is sorted. */
export function compareSeasonOrder(a: SeasonOrderKey, b: SeasonOrderKey): number {
  return collator.compare(a[0], b[0]) || a[1] - b[1] || collator.compare(a[2], b[2]) || collator.compare(a[3], b[3]);
}

/** Names in collation order, their seasons 春夏秋冬. To sort many, make each key once (seasonOrderKey). */
export function byNameInSeasonOrder(a: string, b: string): number {
  return compareSeasonOrder(seasonOrderKey(a), seasonOrderKey(b));
}
