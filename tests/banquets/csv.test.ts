// The reports' CSV: Excel on a Japanese PC must open it as UTF-8 (BOM), keep commas, quotes and line breaks
// inside a cell, and never run a competitor's name as a formula.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../renderer/banquets/csv.ts';
import { looksLikeFormula } from '../../shared/text/formula-guard.ts';

/** A minimal RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('toCsv', () => {
  it('starts with the BOM, ends lines with CRLF and keeps Japanese as is', () => {
    const csv = toCsv(['理由', '件数', '金額（円）'], [['価格', 3, 450000]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}理由,件数,金額（円）\r\n価格,3,450000\r\n`);
  });

  it('quotes commas, quotes and line breaks, and writes null as empty', () => {
    const csv = toCsv(['a', 'b', 'c'], [['ホテル "花月", 本館', 'line\nbreak', null]]);
    expect(csv.slice(BOM.length)).toBe('a,b,c\r\n"ホテル ""花月"", 本館","line\nbreak",\r\n');
  });

  it('keeps a cell that looks like a formula as text', () => {
    const csv = toCsv(['競合先'], [['=HYPERLINK("x")'], ['+81'], ['@sum'], ['-1']]);
    expect(parse(csv.slice(BOM.length)).slice(1)).toEqual([['\'=HYPERLINK("x")'], ["'+81"], ["'@sum"], ["'-1"]]);
  });

  it('writes negative and decimal numbers as numbers', () => {
    expect(toCsv(['n'], [[-5], [12.5]]).slice(BOM.length)).toBe('n\r\n-5\r\n12.5\r\n');
  });

  it('reads back cell for cell whatever the text', () => {
    // Text the formula guard leaves alone (its own tests cover the guarded: full-width ＝＋－＠ too).
    const safeText = fc.string({ unit: 'grapheme' }).filter((s) => !looksLikeFormula(s));
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const csv = toCsv(['a', 'b', 'c'], rows);
        expect(parse(csv.slice(BOM.length))).toEqual([['a', 'b', 'c'], ...rows]);
      }),
    );
  });
});
