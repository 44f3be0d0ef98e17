// One worksheet's XML (xl/worksheets/sheetN.xml) as rows of text, parsed as a stream of SAX events so a
// 100,000-row sheet never sits whole in memory. Written here rather than taken from exceljs's WorksheetReader,
// which builds a Row and Cell object (with styles) per cell only for them to be thrown away, needs the optional
// `r` attributes (rows and cells without them, as some exporters write, made it throw), keeps only the last run
// of an inline rich string, and reads a formula's TRUE as 1.

import parseSax from 'exceljs/lib/utils/parse-sax.js';
import excelUtils from 'exceljs/lib/utils/utils.js';
import type { LedgerRow } from './table.ts';

/** What a sheet's cells are looked up in: the shared strings, and whether a cell style shows a date. */
export type SheetLookups = {
  sharedStrings: string[];
  isDateStyle: (styleIndex: number) => boolean;
  date1904: boolean;
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A date Excel shows: YYYY-MM-DD, with HH:mm when it has a time, and HH:mm alone for a time of day. */
export function formatExcelDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000); // 10:29:59.999 is 10:30
  const day = `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}`;
  if (day === '1899-12-30') return time; // serial 0.x: a time with no date (チェックイン 15:00)
  return time === '00:00' ? day : `${day} ${time}`;
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (a CR as _x000D_). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The element's name without a namespace prefix (<x:row> from the Open XML SDK is <row>). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The 1-based column of a cell reference (AB12 → 28), or 0 when there is none. */
function columnOf(ref: string | undefined): number {
  let column = 0;
  for (const ch of ref ?? '') {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

type OpenCell = {
  column: number;
  type: string;
  style: number;
  formula: boolean;
  value: string | null; // <v>
  inline: string[] | null; // <is>
};

function cellText(cell: OpenCell, lookups: SheetLookups): string {
  const value = cell.value;
  switch (cell.type) {
    case 's':
      return value === null ? '' : (lookups.sharedStrings[Number.parseInt(value, 10)] ?? '');
    case 'inlineStr':
      return unescapeOoxml(cell.inline ? cell.inline.join('') : (value ?? ''));
    case 'str': // a formula's text result
      return unescapeOoxml(value ?? '');
    case 'b':
      return value === null ? '' : value.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e': // #N/A, #VALUE!, …
      return '';
    case 'd': // an ISO 8601 date (rare; Excel writes serial numbers)
      return value ? formatExcelDate(new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`)) : '';
    default: {
      if (value === null || value.trim() === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return '';
      if (lookups.isDateStyle(cell.style)) return formatExcelDate(excelUtils.excelToDate(number, lookups.date1904));
      return String(number);
    }
  }
}

function finishRow(line: number, cells: string[], formulaColumns: number[]): LedgerRow {
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  while (cells.length > 0 && cells[cells.length - 1] === '' && !formulaColumns.includes(cells.length - 1)) {
    cells.pop();
  }
  return formulaColumns.length > 0 ? { line, cells, formulaColumns } : { line, cells };
}

/** The sheet's rows in order, each with the row number Excel shows and its cells as text. */
export async function* sheetRows(xml: AsyncIterable<string>, lookups: SheetLookups): AsyncGenerator<LedgerRow> {
  let line = 0;
  let cells: string[] | null = null;
  let formulaColumns: number[] = [];
  let lastColumn = 0;
  let cell: OpenCell | null = null;
  let capture: 'v' | 't' | null = null;
  let phoneticDepth = 0;
  for await (const events of parseSax(xml)) {
    const rows: LedgerRow[] = [];
    for (const event of events) {
      if (event.eventType === 'opentag') {
        const { attributes } = event.value;
        switch (localName(event.value.name)) {
          case 'row':
            line = attributes.r ? Number.parseInt(attributes.r, 10) : line + 1;
            cells = [];
            formulaColumns = [];
            lastColumn = 0;
            break;
          case 'c':
            if (!cells) break;
            lastColumn = columnOf(attributes.r) || lastColumn + 1;
            cell = {
              column: lastColumn,
              type: attributes.t ?? 'n',
              style: attributes.s ? Number.parseInt(attributes.s, 10) : 0,
              formula: false,
              value: null,
              inline: null,
            };
            break;
          case 'f':
            if (cell) cell.formula = true;
            break;
          case 'v':
            if (cell) {
              cell.value = '';
              capture = 'v';
            }
            break;
          case 'is':
            if (cell) cell.inline = [];
            break;
          case 'rPh': // furigana of an inline string: not part of its text
            phoneticDepth++;
            break;
          case 't':
            if (cell?.inline && phoneticDepth === 0) capture = 't';
            break;
        }
      } else if (event.eventType === 'text') {
        if (capture === 'v' && cell) cell.value += event.value;
        else if (capture === 't' && cell?.inline) cell.inline.push(event.value);
      } else {
        switch (localName(event.value.name)) {
          case 'v':
          case 't':
            capture = null;
            break;
          case 'rPh':
            phoneticDepth--;
            break;
          case 'c':
            if (cell && cells) {
              cells[cell.column - 1] = cellText(cell, lookups);
              if (cell.formula) formulaColumns.push(cell.column - 1);
            }
            cell = null;
            break;
          case 'row':
            if (cells) rows.push(finishRow(line, cells, formulaColumns));
            cells = null;
            break;
        }
      }
    }
    yield* rows;
  }
}

/** Whether a cell style's number format shows a date or a time (yyyy/m/d, h:mm, [$-ja-JP]ggge年…). */
export function dateStyleTest(
  getStyleModel: (index: number) => { numFmt?: string } | null,
): (index: number) => boolean {
  const known = new Map<number, boolean>();
  return (index) => {
    let isDate = known.get(index);
    if (isDate === undefined) {
      let format: string | undefined;
      try {
        format = getStyleModel(index)?.numFmt;
      } catch {
        format = undefined; // a workbook without styles
      }
      isDate = excelUtils.isDateFmt(format);
      known.set(index, isDate);
    }
    return isDate;
  };
}
