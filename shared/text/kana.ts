// Kana folding: one form for every way a reading can be typed.
// Half-width katakana, full-width katakana and hiragana all become hiragana, and
// long vowels are folded so that さとう, サトー and ｻﾄｳ share one search key.

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_SHIFT = 0x60; // distance from katakana to hiragana

/** NFKC first: it turns half-width katakana (ｻﾄｳ) into full-width and full-width ASCII into ASCII. */
export function toHiragana(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_SHIFT) : ch;
  }
  return out;
}

const KANA_READING = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+$/u;

/** A reading is kana only: hiragana, katakana (any width), the long-vowel mark, spaces and the middle dot. */
export function isKanaReading(text: string): boolean {
  return KANA_READING.test(text.normalize('NFKC'));
}

export function hasKana(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
}

// The vowel each hiragana ends in, for folding long vowels. Small ゃゅょ carry the vowel of the mora they end.
const VOWEL_OF: Record<string, 'a' | 'i' | 'u' | 'e' | 'o'> = {};
const ROWS: Array<[string, 'a' | 'i' | 'u' | 'e' | 'o']> = [
  ['あかさたなはまやらわがざだばぱぁゃゎ', 'a'],
  ['いきしちにひみりぎじぢびぴぃ', 'i'],
  ['うくすつぬふむゆるぐずづぶぷぅゅゔ', 'u'],
  ['えけせてねへめれげぜでべぺぇ', 'e'],
  ['おこそとのほもよろをごぞどぼぽぉょ', 'o'],
];
for (const [chars, vowel] of ROWS) for (const ch of chars) VOWEL_OF[ch] = vowel;

// Old or ambiguous kana that people type either way.
const KANA_EQUIVALENTS: Record<string, string> = { ぢ: 'じ', づ: 'ず', ゐ: 'い', ゑ: 'え', を: 'お' };

/**
 * The search key of a reading: hiragana, no spaces or dots, ぢ/づ folded to じ/ず,
 * and a long vowel (ー, or う/お after an o-sound, う after a u-sound) dropped.
 * Both the stored reading and the typed query go through this, so they always agree.
 */
export function kanaKey(text: string): string {
  const hira = toHiragana(text).replace(/[\s・.\-‐]/g, '');
  let out = '';
  let previousVowel: string | undefined; // the vowel the last kana ended in
  for (const raw of hira) {
    const ch = KANA_EQUIVALENTS[raw] ?? raw;
    if (ch === 'ー') continue;
    if (previousVowel === 'o' && (ch === 'う' || ch === 'お')) continue;
    if (previousVowel === 'u' && ch === 'う') continue;
    out += ch;
    previousVowel = VOWEL_OF[ch];
  }
  return out;
}
