// Foreign guests: a name written in Latin letters (Smith, Müller, O'Brien) is read as it is written, so its
// reading may be Latin letters too. A name with any Japanese script in it still needs a kana reading: that is
// what the desk sorts by and what the kitchen reads aloud.

const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/** Letters of the Latin script (with their accents), and what names written in them contain: spaces, - ' ’ . */
const LATIN_READING = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;

/** A reading in Latin letters: at least one letter, nothing but Latin letters and the marks names use. */
export function isLatinReading(text: string): boolean {
  const folded = text.normalize('NFKC');
  return LATIN_LETTER.test(folded) && LATIN_READING.test(folded);
}

/** Whether a name may be read in Latin letters: it has no kanji or kana (an empty name has none). */
export function mayReadInLatin(name: string): boolean {
  return !JAPANESE_SCRIPT.test(name.normalize('NFKC'));
}
