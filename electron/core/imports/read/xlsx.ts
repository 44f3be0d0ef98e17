// Reads an .xlsx with exceljs's streaming parsers, so a 100,000-row sheet never sits whole in memory: each sheet's
// XML is inflated and parsed as it goes, row by row (exceljs is maintained, MIT, and can write the export too).
// Its streaming WorkbookReader is not used as a whole, for three faults that garble Japanese ledgers (4.4.0):
// - it decodes each chunk of XML on its own, so a character split between two chunks of a big sheet comes out as
//   "��" (exceljs issues #2063, #2316): every part is decoded here with a streaming decoder first;
// - its shared-string table takes the text of the last <t> of an entry, which for text typed through a Japanese
//   IME is the furigana Excel keeps beside it (<rPh>): 山田 would read as ヤマダ. The table is read here instead,
//   leaving the phonetic runs out;
// - it reads the zip in order and loses parts after small sheets (see zip.ts): the parts are opened here from
//   the zip's directory, in the order they are needed, and handed to exceljs's sheet, style and workbook parsers.

import WorksheetReader from 'exceljs/lib/stream/xlsx/worksheet-reader.js';
import parseSax from 'exceljs/lib/utils/parse-sax.js';
import excelUtils from 'exceljs/lib/utils/utils.js';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import { LedgerReadError, throwIfAborted } from './errors.ts';
import { type CollectedTable, HEADER_SEARCH_ROWS, type HeaderTest, type LedgerRow, TableCollector } from './table.ts';
import { entryStream, ZipFormatError, zipEntries } from './zip.ts';

type StreamCell = { value: unknown; numFmt?: string };
type StreamRow = { number: number; eachCell(callback: (cell: StreamCell, column: number) => void): void };

/** Chunks of UTF-8 XML as text, a character split between two chunks put back together. */
async function* decodeUtf8(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (a CR as _x000D_); _x005F_ escapes a literal underscore. */
function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** xl/sharedStrings.xml as plain strings: the text runs of each <si>, without its furigana (<rPh>). */
async function readSharedStrings(part: AsyncIterable<string | Uint8Array>): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phoneticDepth = 0;
  for await (const events of parseSax(decodeUtf8(part))) {
    for (const event of events) {
      if (event.eventType === 'opentag') {
        const name = event.value.name;
        if (name === 'si') current = [];
        else if (name === 'rPh') phoneticDepth++;
        else if (name === 't') inText = phoneticDepth === 0;
      } else if (event.eventType === 'closetag') {
        const name = event.value.name;
        if (name === 'si' && current) {
          strings.push(unescapeOoxml(current.join('')));
          current = null;
        } else if (name === 'rPh') phoneticDepth--;
        else if (name === 't') inText = false;
      } else if (inText && current) {
        current.push(event.value);
      }
    }
  }
  return strings;
}

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

function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''; // NaN: an error result
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatExcelDate(value);
  if (typeof value === 'object') {
    const object = value as { richText?: { text?: string }[]; text?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((run) => run.text ?? '').join('');
    if (object.error !== undefined) return ''; // #N/A, #VALUE!, …
    if (object.text !== undefined) return plainText(object.text); // a hyperlink's shown text
  }
  return '';
}

/** One cell as text; `formula` when it came from a formula (its cached result, or '' when never calculated). */
export function cellText(cell: StreamCell, date1904: boolean): { text: string; formula: boolean } {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: unknown }).result;
    // The streaming reader leaves a formula's number as a number even in a date cell; Excel shows a date.
    if (typeof result === 'number' && Number.isFinite(result) && excelUtils.isDateFmt(cell.numFmt)) {
      return { text: formatExcelDate(excelUtils.excelToDate(result, date1904)), formula: true };
    }
    return { text: plainText(result), formula: true };
  }
  return { text: plainText(value), formula: false };
}

function rowOf(row: StreamRow, date1904: boolean): LedgerRow {
  const cells: string[] = [];
  const formulaColumns: number[] = [];
  row.eachCell((cell, column) => {
    const { text, formula } = cellText(cell, date1904);
    cells[column - 1] = text;
    if (formula) formulaColumns.push(column - 1);
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  while (cells.length > 0 && cells[cells.length - 1] === '' && !formulaColumns.includes(cells.length - 1)) {
    cells.pop();
  }
  return formulaColumns.length > 0 ? { line: row.number, cells, formulaColumns } : { line: row.number, cells };
}

export type XlsxOptions = {
  isHeader: HeaderTest;
  maxRows: number;
  signal?: AbortSignal;
  onBytes?: (done: number, total: number) => void;
};

type Sheet = { name: string; state?: string; path: string };

/** A part's path inside the zip from a relationship's target (relative to xl/, or absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
}

async function openWorkbook(bytes: Buffer) {
  const entries = zipEntries(bytes);
  const part = (path: string) => {
    const entry = entries.get(path);
    return entry ? decodeUtf8(entryStream(bytes, entry)) : null;
  };
  const workbookPart = part('xl/workbook.xml');
  const relsPart = part('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relsPart) throw new ZipFormatError('no workbook part');
  const workbook = new WorkbookXform();
  await workbook.parseStream(workbookPart);
  const rels = await new RelationshipsXform().parseStream(relsPart);
  const target = (type: string, fallback: string) => {
    const rel = rels.find((r) => r.Type.endsWith(`/${type}`));
    return rel ? partPath(rel.Target) : fallback;
  };
  const styles = new StylesXform();
  styles.init();
  const stylesPart = part(target('styles', 'xl/styles.xml'));
  if (stylesPart) await styles.parseStream(stylesPart);
  const stringsPart = part(target('sharedStrings', 'xl/sharedStrings.xml'));
  const sharedStrings = stringsPart ? await readSharedStrings(stringsPart) : [];
  const sheets: Sheet[] = [];
  for (const sheet of workbook.model?.sheets ?? []) {
    const rel = rels.find((r) => r.Id === sheet.rId);
    if (rel)
      sheets.push({ name: sheet.name, ...(sheet.state ? { state: sheet.state } : {}), path: partPath(rel.Target) });
  }
  const date1904 = workbook.model?.properties?.date1904 === true;
  return { entries, sheets, date1904, lookups: { sharedStrings, styles, properties: { model: { date1904 } } } };
}

/**
 * The first visible worksheet (in tab order) that has data, read to a table. A sheet whose first rows hold no
 * header is passed over for the next; when none has one, `no_header`; when none has data, `empty`.
 */
export async function readXlsx(bytes: Buffer, options: XlsxOptions): Promise<CollectedTable & { sheetName: string }> {
  const { signal, onBytes } = options;
  let missing: 'empty' | 'no_header' = 'empty';
  try {
    const { entries, sheets, date1904, lookups } = await openWorkbook(bytes);
    for (const [index, sheet] of sheets.entries()) {
      throwIfAborted(signal);
      const entry = entries.get(sheet.path);
      if (!entry || sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
      const reader = new WorksheetReader({
        workbook: lookups,
        id: index + 1,
        iterator: decodeUtf8(entryStream(bytes, entry, (offset) => onBytes?.(offset, bytes.length))),
        options: { worksheets: 'emit', hyperlinks: 'ignore' }, // a hyperlink cell then holds its shown text
      });
      const collector = new TableCollector(options.isHeader, options.maxRows);
      for await (const row of reader) {
        throwIfAborted(signal);
        collector.add(rowOf(row, date1904));
        if (collector.gaveUp) break;
      }
      if (!collector.hasData) continue;
      try {
        return { sheetName: sheet.name, ...collector.finish() };
      } catch (error) {
        if (!(error instanceof LedgerReadError)) throw error;
        if (error.code === 'no_header') missing = 'no_header';
      }
    }
  } catch (error) {
    if (error instanceof LedgerReadError) throw error;
    throw new LedgerReadError('unreadable_workbook');
  }
  throw new LedgerReadError(missing, missing === 'no_header' ? { rows: HEADER_SEARCH_ROWS } : undefined);
}
