// Other ways of writing the seeded allergens (db/migrations/0002-service.ts, by code), beyond the catalogue's own
// Japanese and English names. One table for the two places that read a person's words for an allergen:
// - a ledger's allergy column on import (electron/core/imports/allergens.ts) takes `writtenAs` only, as exact
//   items: 「海老」「玉子」 are an allergen, whatever else the column says is kept as free text;
// - the allergen picker (renderer/service/allergen-options.ts) also finds by `typedAs`: readings of the kanji
//   names and romaji a desk types (こむぎ, ぎゅうにゅう, soba), which a ledger is not trusted to mean
//   (「さけ」 in a ledger could be salmon or sake, so salmon has no romaji here).

export type AllergenWords = { writtenAs: readonly string[]; typedAs?: readonly string[] };

export const ALLERGEN_WORDS: Readonly<Record<string, AllergenWords>> = {
  shrimp: { writtenAs: ['海老', 'エビ', '蝦'], typedAs: ['ebi', 'prawn'] },
  crab: { writtenAs: ['蟹', 'カニ'], typedAs: ['kani'] },
  walnut: { writtenAs: ['胡桃', 'クルミ'], typedAs: ['kurumi'] },
  wheat: { writtenAs: ['麦', 'こむぎ', 'コムギ'], typedAs: ['komugi', 'flour'] },
  buckwheat: { writtenAs: ['蕎麦', 'ソバ'], typedAs: ['soba'] },
  egg: { writtenAs: ['玉子', 'たまご', 'タマゴ', '鶏卵'], typedAs: ['tamago'] },
  milk: { writtenAs: ['牛乳', '乳製品', 'ミルク'], typedAs: ['ぎゅうにゅう', 'にゅう', 'にゅうせいひん', 'dairy'] },
  peanut: { writtenAs: ['ピーナッツ', 'ピーナツ', 'らっかせい'], typedAs: ['rakkasei'] },
  almond: { writtenAs: [], typedAs: ['あーもんど'] },
  abalone: { writtenAs: ['鮑', 'アワビ'], typedAs: ['awabi'] },
  squid: { writtenAs: ['烏賊', 'イカ'], typedAs: ['ika'] },
  salmon_roe: { writtenAs: ['イクラ'], typedAs: ['ikura'] },
  beef: { writtenAs: ['牛'], typedAs: ['ぎゅうにく', 'gyuniku'] },
  sesame: { writtenAs: ['胡麻', 'ゴマ'], typedAs: ['goma'] },
  salmon: { writtenAs: ['鮭', 'サケ', 'サーモン', 'しゃけ'] },
  mackerel: { writtenAs: ['鯖', 'サバ'], typedAs: ['saba'] },
  soybean: { writtenAs: ['大豆', 'だいず'], typedAs: ['daizu', 'soy'] },
  chicken: { writtenAs: ['鶏', 'とりにく'], typedAs: ['けいにく', 'toriniku'] },
  pork: { writtenAs: ['豚', 'ぶたにく'], typedAs: ['butaniku'] },
  peach: { writtenAs: ['桃', 'モモ'], typedAs: ['momo'] },
  yam: { writtenAs: ['山芋', '長芋', 'やまいも', 'ながいも', '山いも'], typedAs: ['yamaimo', 'nagaimo'] },
  apple: { writtenAs: ['林檎', 'リンゴ'], typedAs: ['ringo'] },
};

/** Every word the picker finds the allergen of `code` by, beyond its names. */
export function allergenSearchWords(code: string): readonly string[] {
  const words = ALLERGEN_WORDS[code];
  return words ? [...words.writtenAs, ...(words.typedAs ?? [])] : [];
}
