// Turns the rows a reader gives, in order, into a header and data rows: the header is the first of the first ten
// non-empty rows that looks like one (a title such as 「顧客台帳 2024年」 or a blank line may come before it);
// rows before it and completely empty rows are left out, and each row keeps the number Excel shows it on.

import { LedgerReadError } from './errors.ts';

export type LedgerRow = {
  /** 1-based row number in the sheet or file, as the person sees it in Excel (a CSV record with a line break
   * inside quotes is still one row). */
  line: number;
  cells: string[];
  /** Columns (0-based, as in `cells`) whose value is a formula's cached result, or '' for a formula never
   * calculated. */
  formulaColumns?: number[];
};

export type HeaderTest = (cells: string[]) => boolean;

/** How many non-empty rows may come before the header. */
export const HEADER_SEARCH_ROWS = 10;

const NUMBER = /^[-+]?[\d,]*\.?\d+(e[-+]?\d+)?$/i;
const DATE = /^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;

/** The default header test: at least two cells with text that is neither a number nor a date. */
export function looksLikeHeader(cells: string[]): boolean {
  let words = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '' && !NUMBER.test(text) && !DATE.test(text)) words++;
  }
  return words >= 2;
}

/**
 * The text as a string of its own. A parser's text is often a V8 "sliced string": a view into the chunk it was
 * read from, which keeps the whole chunk alive as long as the cell lives. Held for a 100,000-row ledger, the
 * cells kept every chunk of the sheet, and everything cleansed from them (a trimmed name is a slice again)
 * kept the cells: 74 MB of a plan's 228. Concatenation then slice makes V8 copy the text out (flattening).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1); // V8 copies slices under 13 characters itself
}

function isEmptyRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export type CollectedTable = { headerLine: number; header: string[]; rows: LedgerRow[] };

export class TableCollector {
  private readonly isHeader: HeaderTest;
  private readonly maxRows: number;
  private nonEmptyRows = 0;
  private header: { line: number; cells: string[] } | null = null;
  readonly rows: LedgerRow[] = [];

  constructor(isHeader: HeaderTest, maxRows: number) {
    this.isHeader = isHeader;
    this.maxRows = maxRows;
  }

  /** True once the first rows held no header: the rest of the sheet or file need not be read. */
  get gaveUp(): boolean {
    return this.header === null && this.nonEmptyRows >= HEADER_SEARCH_ROWS;
  }

  get hasData(): boolean {
    return this.nonEmptyRows > 0;
  }

  /** Takes the next row. Throws `too_many_rows` as soon as the data rows pass the limit. */
  add(row: LedgerRow): void {
    if (isEmptyRow(row.cells) || this.gaveUp) return;
    this.nonEmptyRows++;
    if (this.header === null) {
      if (this.isHeader(row.cells)) this.header = { line: row.line, cells: row.cells };
      return;
    }
    for (let i = 0; i < row.cells.length; i++) row.cells[i] = detached(row.cells[i] as string);
    this.rows.push(row);
    if (this.rows.length > this.maxRows) throw new LedgerReadError('too_many_rows', { maxRows: this.maxRows });
  }

  /** The table, or why there is none: `empty` (nothing, or a header alone) or `no_header`. */
  finish(): CollectedTable {
    if (!this.hasData) throw new LedgerReadError('empty');
    if (this.header === null) throw new LedgerReadError('no_header', { rows: HEADER_SEARCH_ROWS });
    if (this.rows.length === 0) throw new LedgerReadError('empty');
    return { headerLine: this.header.line, header: this.header.cells, rows: this.rows };
  }
}
