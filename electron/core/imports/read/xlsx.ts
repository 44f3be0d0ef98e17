// Reads an .xlsx as a stream, so a 100,000-row sheet never sits whole in memory: the parts are opened from the
// zip's directory (zip.ts) in the order they are needed (workbook, styles, shared strings, then each sheet
// inflated as it is parsed, sheet.ts). exceljs (pinned) parses the workbook, its relationships and its styles.
// Its streaming WorkbookReader is not used, for faults that garble Japanese ledgers (exceljs 4.4.0):
// - it decodes each chunk of XML on its own, so a character split between two chunks of a big sheet comes out as
//   "��" (exceljs issues #2063, #2316): every part is decoded here with a streaming decoder;
// - its shared-string table takes the text of the last <t> of an entry, which for text typed through a Japanese
//   IME is the furigana Excel keeps beside it (<rPh>): 山田 would read as ヤマダ. The table is read here,
//   leaving the phonetic runs out;
// - it reads the zip in order and loses the parts after a few small sheets (see zip.ts).

import parseSax from 'exceljs/lib/utils/parse-sax.js';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import { LedgerReadError, throwIfAborted } from './errors.ts';
import { dateStyleTest, localName, sheetRows, unescapeOoxml } from './sheet.ts';
import { type CollectedTable, detached, HEADER_SEARCH_ROWS, type HeaderTest, TableCollector } from './table.ts';
import { entryStream, type ZipEntry, ZipFormatError, zipEntries } from './zip.ts';

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

/** xl/sharedStrings.xml as plain strings: the text runs of each <si>, without its furigana (<rPh>). */
async function readSharedStrings(part: AsyncIterable<string | Uint8Array>): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phoneticDepth = 0;
  for await (const events of parseSax(decodeUtf8(part))) {
    for (const event of events) {
      if (event.eventType === 'opentag') {
        const name = localName(event.value.name);
        if (name === 'si') current = [];
        else if (name === 'rPh') phoneticDepth++;
        else if (name === 't') inText = phoneticDepth === 0;
      } else if (event.eventType === 'closetag') {
        const name = localName(event.value.name);
        if (name === 'si' && current) {
          strings.push(detached(unescapeOoxml(current.join(''))));
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

export type XlsxOptions = {
  isHeader: HeaderTest;
  maxRows: number;
  signal?: AbortSignal;
  onBytes?: (done: number, total: number) => void;
};

/** Built-in number formats that Japanese Excel shows as dates or times (27-36, 50-58: 和暦, 年月日, 時分). */
const JAPANESE_DATE_FORMAT_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

type Sheet = { name: string; entry: ZipEntry };

/** A part's path inside the zip from a relationship's target (relative to xl/, or absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
}

/**
 * Progress over the parts that take the time: the shared strings and the visible sheets, in compressed bytes
 * (the rest of a workbook is a few kilobytes).
 */
class PartProgress {
  private readonly onBytes: ((done: number, total: number) => void) | undefined;
  private finished = 0;
  readonly total: number;

  constructor(total: number, onBytes: ((done: number, total: number) => void) | undefined) {
    this.total = Math.max(total, 1);
    this.onBytes = onBytes;
  }

  /** The reporter for one part's bytes; the next part counts on from where this one ends. */
  part(entry: ZipEntry): (done: number) => void {
    const before = this.finished;
    this.finished += entry.compressedSize;
    return (done) => this.onBytes?.(Math.min(this.total, before + done), this.total);
  }

  end(): void {
    this.onBytes?.(this.total, this.total);
  }
}

async function openWorkbook(bytes: Buffer, onBytes: XlsxOptions['onBytes']) {
  const entries = zipEntries(bytes);
  const part = (path: string, onRead?: (done: number) => void) => {
    const entry = entries.get(path);
    return entry ? decodeUtf8(entryStream(bytes, entry, onRead)) : null;
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
  const sheets: Sheet[] = [];
  for (const sheet of workbook.model?.sheets ?? []) {
    const rel = rels.find((r) => r.Id === sheet.rId);
    const entry = rel && entries.get(partPath(rel.Target));
    if (entry && sheet.state !== 'hidden' && sheet.state !== 'veryHidden') sheets.push({ name: sheet.name, entry });
  }
  const stringsEntry = entries.get(target('sharedStrings', 'xl/sharedStrings.xml'));
  const progress = new PartProgress(
    (stringsEntry?.compressedSize ?? 0) + sheets.reduce((sum, sheet) => sum + sheet.entry.compressedSize, 0),
    onBytes,
  );
  const sharedStrings = stringsEntry
    ? await readSharedStrings(decodeUtf8(entryStream(bytes, stringsEntry, progress.part(stringsEntry))))
    : [];
  const date1904 = workbook.model?.properties?.date1904 === true;
  const isDateStyle = dateStyleTest((index) => {
    // Japanese Excel's built-in date formats (和暦, 年月日) have ids of their own and no format code in the file.
    if (JAPANESE_DATE_FORMAT_IDS.has(Number(styles.model?.styles?.[index]?.numFmtId))) return { numFmt: 'yyyy/m/d' };
    return styles.getStyleModel(index);
  });
  return { sheets, progress, lookups: { sharedStrings, isDateStyle, date1904 } };
}

/**
 * The first visible worksheet (in tab order) that has data, read to a table. Progress counts the compressed
 * bytes of the shared strings and the visible sheets. A sheet whose first rows hold no
 * header is passed over for the next; when none has one, `no_header`; when none has data, `empty`.
 */
export async function readXlsx(bytes: Buffer, options: XlsxOptions): Promise<CollectedTable & { sheetName: string }> {
  const { signal } = options;
  let missing: 'empty' | 'no_header' = 'empty';
  try {
    const { sheets, progress, lookups } = await openWorkbook(bytes, options.onBytes);
    for (const sheet of sheets) {
      throwIfAborted(signal);
      const xml = decodeUtf8(entryStream(bytes, sheet.entry, progress.part(sheet.entry)));
      const collector = new TableCollector(options.isHeader, options.maxRows);
      for await (const row of sheetRows(xml, lookups)) {
        throwIfAborted(signal);
        collector.add(row);
        if (collector.gaveUp) break;
      }
      if (!collector.hasData) continue;
      try {
        const table = { sheetName: sheet.name, ...collector.finish() };
        progress.end();
        return table;
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
