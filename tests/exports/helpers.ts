import ExcelJS from 'exceljs';
import type { TestCore } from '../support/core.ts';

// Reading an export back as the person would get it: the file fetched through files.download in chunks,
// then opened with exceljs (.xlsx) or split as Excel splits a CSV.

export async function downloaded(test: TestCore, file: string): Promise<{ name: string; type: string; bytes: Buffer }> {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  let name = '';
  let type = '';
  while (offset !== null) {
    const answer = await test.call('files.download', { file, offset });
    parts.push(Buffer.from(answer.chunk, 'base64'));
    name = answer.name;
    type = answer.type;
    offset = answer.nextOffset;
  }
  return { name, type, bytes: Buffer.concat(parts) };
}

export async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's rows as arrays of cell values (header first), without exceljs's empty slot 0. */
export function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

/** RFC 4180 as Excel reads it: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
