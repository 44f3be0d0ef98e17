import { guardCell } from './formula-guard.ts';

// CSV that Excel on a Japanese PC opens as it is: UTF-8 with a byte-order mark (without it Excel reads Shift_JIS
// and the Japanese turns to mojibake), CRLF line ends, a field quoted when it holds a quote, a comma, a line
// break or a space at either end. Text Excel could run as a formula gets a leading apostrophe
// (formula-guard.ts); numbers are written as numbers. One writer for every CSV the app makes: reports,
// exports, the rows an import set aside.

export type CsvCell = string | number | null;

/** The byte-order mark Excel looks for to read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Quotes a field that needs it; the text is taken as it is (guard it first). */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell: a number as a number, text guarded against formulas (or by `guard`) and quoted when needed. */
export function csvCell(value: CsvCell, guard: (text: string) => string = guardCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteField(guard(value));
}

/** Rows as one CSV text, BOM first, each line ended by CRLF. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return `${CSV_BOM}${rows.map((row) => row.map((value) => csvCell(value)).join(',')).join('\r\n')}\r\n`;
}
