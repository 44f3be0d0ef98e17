// Width folding that leaves the characters of a name alone. Full NFKC would also rewrite CJK
// compatibility ideographs (e.g. U+FA19 神 → U+795E 神), changing a kanji the guest chose; only the
// half-width and full-width forms block (ｱｲｳ, ＡＢＣ, １２３) and the ideographic space are folded here.
const HALF_AND_FULL_WIDTH_FORMS = /[\uFF01-\uFFEF]+/g;

export function foldWidth(text: string): string {
  return text.replace(HALF_AND_FULL_WIDTH_FORMS, (run) => run.normalize('NFKC')).replace(/\u3000/g, ' ');
}
