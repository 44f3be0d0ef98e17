import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { guardCell, guardPhone } from '../../../shared/text/formula-guard.ts';
import type { Column, RowCells } from './columns.ts';
import type { TableWriter } from './table-writer.ts';

// An .xlsx written as a stream with exceljs's WorkbookWriter: each row is committed (turned into XML and
// handed to the zip) as soon as it is added, and each sheet is committed before the next begins, so the
// rows are never all in memory; only the finished, compressed file is (the file store keeps it).
//
// The zip compresses asynchronously (zlib, between the job's slices): `backlog` is what the current sheet
// has written that the zip has not yet taken, which the job lets drain before it writes more.
//
// Cells: dates are real date cells (yyyy/mm/dd), yen and counts numbers (#,##0 for yen), text a plain string
// cell, which Excel never evaluates; a text that looks like a formula still gets its apostrophe, since the
// workbook may be saved again as CSV, where it would be evaluated. Phones are left as written (formula-guard.ts).

// One style object per column type, shared by every cell of that type: exceljs looks a cell's style up by
// object identity (a WeakMap) before working it out, so a shared object is worked out once, where a
// style per cell (what a column style gives) is worked out again for every cell: most of the time spent.
const STYLES: Record<Column['type'], Partial<ExcelJS.Style>> = {
  text: {},
  phone: {},
  count: {},
  date: { numFmt: 'yyyy/mm/dd' },
  yen: { numFmt: '#,##0' },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** exceljs's StreamBuf pipes into the zip entry's stream (readable-stream 3, which has no writableLength). */
type StreamBufLike = {
  pipes?: Array<{ _writableState?: { length?: number }; _readableState?: { length?: number } }>;
};

function cellValue(value: RowCells[number], column: Column): ExcelJS.CellValue {
  if (typeof value === 'number') return value;
  switch (column.type) {
    case 'date': {
      const day = DAY.exec(value);
      // Midnight UTC of the day: exceljs writes a Date as its UTC serial number, so the cell shows that day.
      if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      return value === '' ? null : guardCell(value);
    }
    case 'phone':
      return value === '' ? null : guardPhone(value);
    default:
      return value === '' ? null : guardCell(value);
  }
}

/** Bytes per block the finished file is gathered in. */
const BLOCK = 1024 * 1024;

/**
 * The zip's output gathered into 1 MB blocks: the finished file's bytes only, not the buffers zlib's small
 * chunks are views of, and one copy at the end instead of a concat of thousands of chunks.
 */
function createCollector() {
  const blocks: Buffer[] = [];
  let current = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  return {
    add(chunk: Buffer) {
      let offset = 0;
      while (offset < chunk.length) {
        if (used === current.length) {
          blocks.push(current);
          current = Buffer.allocUnsafe(BLOCK);
          used = 0;
        }
        const copied = chunk.copy(current, used, offset);
        used += copied;
        offset += copied;
      }
    },
    bytes: () => Buffer.concat([...blocks, current.subarray(0, used)]),
    clear() {
      blocks.length = 0;
      used = 0;
    },
  };
}

/** Excel's last row is 1,048,576: a sheet holds the header and 1,048,575 rows. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;

/**
 * `maxRowsPerSheet` (tests make it small): a table longer than a sheet goes on in another, named like the
 * first with its number (宿泊 (2)), header repeated, as the stays of a register of a million guests would.
 */
export function createXlsxWriter(options: { maxRowsPerSheet?: number } = {}): TableWriter {
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
  const parts = createCollector();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.add(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Yadocho';
  let sheet: ExcelJS.Worksheet | undefined;
  let columns: Column[] = [];
  let styles: Partial<ExcelJS.Style>[] = [];
  let table: { title: string; header: string[]; sheets: number; rows: number } | undefined;
  let aborted = false;

  /** A sheet for the table under way, its header row bold and frozen. */
  const openSheet = () => {
    const current = table as NonNullable<typeof table>;
    current.sheets++;
    current.rows = 0;
    const name = current.sheets === 1 ? current.title : `${current.title} (${current.sheets})`;
    sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ width: column.width }));
    const head = sheet.addRow(current.header);
    for (let index = 1; index <= current.header.length; index++) head.getCell(index).style = HEADER_STYLE;
    head.commit();
  };

  return {
    begin(title, tableColumns, header) {
      columns = tableColumns;
      styles = tableColumns.map((column) => STYLES[column.type]);
      table = { title, header, sheets: 0, rows: 0 };
      openSheet();
    },
    rows(rows) {
      for (const values of rows) {
        const current = table as NonNullable<typeof table>;
        if (current.rows === maxRows) {
          sheet?.commit();
          openSheet();
        }
        const row = (sheet as ExcelJS.Worksheet).addRow(
          values.map((value, index) => cellValue(value, columns[index] as Column)),
        );
        for (let index = 0; index < styles.length; index++) {
          row.getCell(index + 1).style = styles[index] as Partial<ExcelJS.Style>;
        }
        row.commit();
        current.rows++;
      }
    },
    end() {
      sheet?.commit();
      sheet = undefined;
    },
    backlog() {
      // The sheet's stream (exceljs's StreamBuf) pushes into the zip entry's stream; what waits there is backlog.
      const stream = (sheet as unknown as { stream?: StreamBufLike } | undefined)?.stream;
      let waiting = 0;
      for (const pipe of stream?.pipes ?? []) {
        waiting += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
      }
      return waiting;
    },
    async finish() {
      await workbook.commit();
      const bytes = parts.bytes();
      parts.clear();
      return bytes;
    },
    abort() {
      if (aborted) return;
      aborted = true;
      parts.clear();
      // Stop the zip; what it was compressing is dropped with the writer.
      (workbook as unknown as { zip?: { abort?: () => void } }).zip?.abort?.();
    },
  };
}
