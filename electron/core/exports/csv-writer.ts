import { CSV_BOM, csvCell, quoteField } from '../../../shared/text/csv.ts';
import { guardPhone } from '../../../shared/text/formula-guard.ts';
import type { Column, RowCells } from './columns.ts';
import type { TableWriter } from './table-writer.ts';

// A CSV that Excel on a Japanese PC opens as it is: UTF-8 with a byte-order mark (without it Excel reads
// Shift_JIS and the Japanese turns to mojibake), CRLF line ends, a field quoted when it holds a quote, a
// comma, a line break or space at either end. Text that could be read as a formula gets a leading
// apostrophe (shared/text/formula-guard.ts); numbers are written as numbers. The file is built in memory,
// a batch of rows at a time: the file store holds it whole anyway.

const BOM = Buffer.from(CSV_BOM, 'utf8');

function cell(value: RowCells[number], column: Column): string {
  return column.type === 'phone' ? csvCell(value, guardPhone) : csvCell(value);
}

export function createCsvWriter(): TableWriter {
  const parts: Buffer[] = [BOM];
  let columns: Column[] = [];
  return {
    begin(_title, tableColumns, header) {
      columns = tableColumns;
      parts.push(Buffer.from(`${header.map(quoteField).join(',')}\r\n`, 'utf8'));
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
