import { guardCell, guardPhone } from '../../../shared/text/formula-guard.ts';
import type { Column, RowCells } from './columns.ts';
import type { TableWriter } from './table-writer.ts';

// A CSV that Excel on a Japanese PC opens as it is: UTF-8 with a byte-order mark (without it Excel reads
// Shift_JIS and the Japanese turns to mojibake), CRLF line ends, a field quoted when it holds a quote, a
// comma, a line break or space at either end. Text that could be read as a formula gets a leading
// apostrophe (shared/text/formula-guard.ts); numbers are written as numbers. The file is built in memory,
// a batch of rows at a time: the file store holds it whole anyway.

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cell(value: RowCells[number], column: Column): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  switch (column.type) {
    case 'phone':
      return field(guardPhone(value));
    default:
      return field(guardCell(value));
  }
}

export function createCsvWriter(): TableWriter {
  const parts: Buffer[] = [BOM];
  let columns: Column[] = [];
  return {
    begin(_title, tableColumns, header) {
      columns = tableColumns;
      parts.push(Buffer.from(`${header.map(field).join(',')}\r\n`, 'utf8'));
    },
    rows(rows) {
      if (rows.length === 0) return;
      let text = '';
      for (const row of rows)
        text += `${row.map((value, index) => cell(value, columns[index] as Column)).join(',')}\r\n`;
      parts.push(Buffer.from(text, 'utf8'));
    },
    end() {},
    backlog: () => 0,
    finish: () => Promise.resolve(Buffer.concat(parts)),
    abort() {
      parts.length = 0;
    },
  };
}
