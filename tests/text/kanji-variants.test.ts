import { describe, expect, it } from 'vitest';
import { foldKanjiVariants, KANJI_VARIANT_PAIRS } from '../../shared/text/kanji-variants.ts';

describe('variant kanji', () => {
  it('folds the variants a register really contains to the common form', () => {
    expect(foldKanjiVariants('髙橋')).toBe('高橋');
    expect(foldKanjiVariants('山﨑')).toBe('山崎');
    expect(foldKanjiVariants('齋藤')).toBe(foldKanjiVariants('斉藤'));
    expect(foldKanjiVariants('齊藤')).toBe(foldKanjiVariants('斎藤'));
    expect(foldKanjiVariants('渡邊')).toBe('渡辺');
    expect(foldKanjiVariants('渡邉')).toBe('渡辺');
  });

  it('maps every variant to a form that is not itself a variant (folding once is enough)', () => {
    for (const [, common] of KANJI_VARIANT_PAIRS) expect(foldKanjiVariants(common)).toBe(common);
  });
});
