// Old and variant kanji that a searcher treats as the same character. Names are written with them
// (髙橋, 山﨑, 齋藤, 渡邊) but typed with the common form, or the other way round.
// Each entry maps a variant to the form it is searched as. NFKC does not fold these.
const VARIANTS: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  櫻: '桜',
  廣: '広',
  國: '国',
  峯: '峰',
  嶋: '島',
  嶌: '島',
  淵: '渕',
  冨: '富',
  德: '徳',
  惠: '恵',
  眞: '真',
  實: '実',
  藏: '蔵',
  龍: '竜',
  瀧: '滝',
  槇: '槙',
  檜: '桧',
  增: '増',
  曾: '曽',
  萬: '万',
  舘: '館',
  薗: '園',
  禮: '礼',
  傳: '伝',
  巖: '巌',
  髮: '髪',
  壽: '寿',
  榮: '栄',
  戶: '戸',
  靜: '静',
  莊: '荘',
  蘆: '芦',
  籠: '篭',
  條: '条',
  與: '与',
  黑: '黒',
  圓: '円',
  邨: '村',
  杦: '杉',
  𠮷: '吉',
  恆: '恒',
  爲: '為',
  壹: '壱',
};

export function foldKanjiVariants(text: string): string {
  let out = '';
  for (const ch of text) out += VARIANTS[ch] ?? ch;
  return out;
}

export const KANJI_VARIANT_PAIRS: ReadonlyArray<readonly [string, string]> = Object.entries(VARIANTS).filter(
  ([variant, common]) => variant !== common,
);
