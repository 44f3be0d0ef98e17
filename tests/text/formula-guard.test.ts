import { describe, expect, it } from 'vitest';
import { guardCell, guardPhone, looksLikeFormula } from '../../shared/text/formula-guard.ts';

// What an export writes for text a spreadsheet could run. The exports tests check the files; these check the
// rule on the starts a guest's record cannot hold any more (its fields are trimmed and width-folded on input)
// but an older record, a synced one or an import may.

describe('formula guard', () => {
  it('prefixes an apostrophe to text starting like a formula, after spaces and in full width too', () => {
    for (const text of ['=1+2', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '  =1', '\u3000＝1', '＋1', '－1', '＠x']) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
      expect(guardCell(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text alone, a formula sign inside it too', () => {
    for (const text of ['山田 太郎', 'a=b', '090-1234-5678', '', '5000円 (-10%)']) expect(guardCell(text)).toBe(text);
  });

  it('keeps a phone number starting with + as written, but not a formula dressed as one', () => {
    expect(guardPhone('+81 90-1234-5678')).toBe('+81 90-1234-5678');
    expect(guardPhone('+1 (212) 555-0100')).toBe('+1 (212) 555-0100');
    expect(guardPhone("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(guardPhone('+1+SUM(A1)')).toBe("'+1+SUM(A1)");
    expect(guardPhone('=1')).toBe("'=1");
  });
});
