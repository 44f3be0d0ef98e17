// Counted words in English follow the count: "1 night", "2 nights", never "1 nights" or "2 visit(s)". A message
// that puts a number before a word is a plural message (i18next's suffixes: x_one and x_other in English, x_other
// alone in Japanese, whose counts have one form), interpolates it as {{count}}, and the renderer passes count.
// The sheets' words (sheet.*) follow the same rule, and the PDF maker picks the form the same way.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sheetWords } from '../../electron/sheets/words.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { flatten, type Tree } from '../support/locale-tree.ts';

const locales = { ja: flatten(ja as Tree), en: flatten(en as Tree) };

/** Japanese counters: a variable written before one of these holds a number ({{nights}}泊, {{minutes}}分; 行目 is a line number). */
const COUNTER = /\{\{(\w+)\}\}(?:名|泊|回|件|品|分|歳|か月|人|組|室|個|枚|杯|行(?!目)|年)/g;

/** Every variable some message uses as a number: count, and whatever Japanese puts a counter after. */
const numeric = new Set([
  'count',
  ...[...locales.ja.values()].flatMap((text) => [...text.matchAll(COUNTER)].map((m) => m[1] as string)),
]);

// English needs one and other, Japanese other (errors.field.too_many is an error code, not a plural form).
const pluralBase = (key: string) => /^(.*)_(?:one|other)$/.exec(key)?.[1];

describe('English plurals', () => {
  it('never writes a plural with "(s)"', () => {
    expect([...locales.en].filter(([, text]) => /\w\(s\)/.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual(
      [],
    );
  });

  it('puts a number before a word only as {{count}} in a message with _one and _other forms', () => {
    const counted = /\{\{(\w+)\}\} [A-Za-z]/g;
    const wrong = [...locales.en].flatMap(([key, text]) =>
      [...text.matchAll(counted)]
        .map((match) => match[1] as string)
        .filter((name) => numeric.has(name))
        .filter((name) => {
          const base = pluralBase(key);
          return name !== 'count' || !base || !locales.en.has(`${base}_one`) || !locales.en.has(`${base}_other`);
        })
        .map((name) => `${key}: {{${name}}} in "${text}"`),
    );
    expect(numeric).toContain('capacity'); // {{capacity}}名: a number, standing alone in English ("(60)")
    expect(wrong).toEqual([]);
  });

  it('gives every English plural message both forms, different, and Japanese the one form it has', () => {
    const bases = (keys: Iterable<string>) => new Set([...keys].map(pluralBase).filter((base) => base !== undefined));
    for (const base of bases(locales.en.keys())) {
      const [one, other] = [locales.en.get(`${base}_one`), locales.en.get(`${base}_other`)];
      expect(one, `${base}_one`).toBeDefined();
      expect(other, `${base}_other`).toBeDefined();
      expect(one, base).not.toEqual(other);
      expect(locales.ja.get(`${base}_other`), `ja ${base}_other`).toBeDefined();
    }
    expect([...locales.ja.keys()].filter((key) => pluralBase(key) !== undefined && !key.endsWith('_other'))).toEqual(
      [],
    );
    expect(bases(locales.en.keys()).size).toBeGreaterThan(10);
  });

  it('is asked for with a count wherever the renderer names a plural message', () => {
    const root = path.resolve(import.meta.dirname, '..', '..', 'renderer');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) return files(file);
        return /\.tsx?$/.test(name) ? [file] : [];
      });
    /** The arguments of the call whose key ends at `from`, up to its closing parenthesis. */
    const argumentsOf = (source: string, from: number) => {
      let depth = 1;
      for (let i = from; i < source.length; i++) {
        if (source[i] === '(') depth++;
        if (source[i] === ')' && --depth === 0) return source.slice(from, i);
      }
      return source.slice(from);
    };
    const plural = new Set([...locales.ja.keys()].map(pluralBase).filter((base) => base !== undefined));
    const missing: string[] = [];
    for (const file of files(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        const key = match[1] as string;
        const args = argumentsOf(source, (match.index ?? 0) + match[0].length);
        if (plural.has(key) && !/\bcount\b/.test(args)) missing.push(`${path.basename(file)}: ${key}`);
      }
    }
    expect(plural.size).toBeGreaterThan(10);
    // sheet.party is put together from its two counted parts, by formatParty alone.
    const party = files(root).filter((file) => /\bt\(\s*'sheet\.party'/.test(readFileSync(file, 'utf8')));
    expect(party.map((file) => path.relative(root, file))).toEqual([path.join('service', 'format.ts')]);
    expect(missing).toEqual([]);
  });
});

describe('counted words as staff read them', () => {
  async function translator(lng: 'ja' | 'en') {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { ja: { translation: ja }, en: { translation: en } } });
    return instance;
  }

  it('reads "1 visit", "1 night", "1 adult, 0 children" and "Allergens in 1 dish" in English', async () => {
    const t = (await translator('en')).t;
    expect(t('service.visits.count', { count: 1 })).toBe('1 visit');
    expect(t('service.visits.count', { count: 2 })).toBe('2 visits');
    expect(t('sheet.nights', { count: 1 })).toBe('1 night');
    expect(t('sheet.nights', { count: 3 })).toBe('3 nights');
    const party = (adults: number, children: number) =>
      t('sheet.party', {
        adults: t('sheet.adults', { count: adults }),
        children: t('sheet.children', { count: children }),
      });
    expect(party(1, 0)).toBe('1 adult, 0 children');
    expect(party(2, 1)).toBe('2 adults, 1 child');
    expect(t('kitchen.menu.allergenCount', { count: 1 })).toBe('Allergens in 1 dish');
    expect(t('kitchen.menu.allergenCount', { count: 4 })).toBe('Allergens in 4 dishes');
    expect(t('service.alerts.openRequests', { count: 1 })).toBe('1 open request');
    expect(t('banquet.common.persons', { count: 1 })).toBe('1 guest');
    expect(t('conflicts.held.ahead', { count: 1 })).toBe('About 1 minute ahead of this PC');
  });

  it('keeps one form in Japanese', async () => {
    const t = (await translator('ja')).t;
    expect(t('service.visits.count', { count: 1 })).toBe('来館1回');
    expect(t('sheet.nights', { count: 1 })).toBe('1泊');
    expect(
      t('sheet.party', { adults: t('sheet.adults', { count: 1 }), children: t('sheet.children', { count: 0 }) }),
    ).toBe('大人1名・子ども0名');
    expect(t('kitchen.menu.allergenCount', { count: 1 })).toBe('アレルゲン 1品');
  });

  it('the printed sheets count the same way', () => {
    const english = sheetWords('en');
    expect(english.count('nights', 1)).toBe('1 night');
    expect(english.party(1, 0)).toBe('1 adult, 0 children');
    expect(english.count('moreDishes', 1)).toMatch(/^and 1 more dish /);
    const japanese = sheetWords('ja');
    expect(japanese.count('nights', 1)).toBe('1泊');
    expect(japanese.party(2, 1)).toBe('大人2名・子ども1名');
  });
});
