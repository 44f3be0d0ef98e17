// Reading a ledger file a person picked: its bytes in, a header and rows of text cells out. Pure (no database,
// no electron): the import's mapping and cleansing work on what this returns. Formats, encodings, limits and
// error codes: docs/import.md, "Reading a ledger file".

import { nextTurn } from '../../desk-first.ts';
import { CsvParser, guessDelimiter } from './csv.ts';
import { LedgerReadError, throwIfAborted } from './errors.ts';
import { sniffFormat } from './sniff.ts';
import { type HeaderTest, type LedgerRow, looksLikeHeader, TableCollector } from './table.ts';
import { decodeSlices, detectEncoding, type TextEncoding } from './text-decode.ts';
import { readXlsx } from './xlsx.ts';

export {
  LEDGER_READ_ERROR_CODES,
  LedgerReadError,
  type LedgerReadErrorCode,
  ledgerErrorDetailKey,
} from './errors.ts';
export { type HeaderTest, type LedgerRow, looksLikeHeader } from './table.ts';
export type { TextEncoding } from './text-decode.ts';

export type LedgerTable = {
  format: 'xlsx' | 'csv'; // csv also for a .txt, comma- or tab-separated
  encoding?: TextEncoding; // text files only
  delimiter?: ',' | '\t'; // text files only
  sheetName?: string; // xlsx only: the sheet read
  headerLine: number;
  header: string[];
  rows: LedgerRow[];
};

/**
 * Progress in bytes: of the file for a text file; for an .xlsx, of the compressed shared strings and visible
 * sheets (what takes the time). `done` reaches `total` when the table is read.
 */
export type ReadProgress = (done: number, total: number) => void;

export const LEDGER_LIMITS = { maxBytes: 100 * 1024 * 1024, maxRows: 200_000 };
export type LedgerLimits = typeof LEDGER_LIMITS;

export type ReadLedgerOptions = {
  onProgress?: ReadProgress;
  signal?: AbortSignal;
  /** Which row is the header; the mapping passes one that knows 氏名, フリガナ, 電話…; default looksLikeHeader. */
  isHeader?: HeaderTest;
  /** Lower limits, for tests. */
  limits?: Partial<LedgerLimits>;
};

async function readText(
  bytes: Buffer,
  isHeader: HeaderTest,
  maxRows: number,
  options: ReadLedgerOptions,
): Promise<LedgerTable> {
  const detected = detectEncoding(bytes);
  const collector = new TableCollector(isHeader, maxRows);
  let parser: CsvParser | null = null;
  let delimiter: ',' | '\t' = ',';
  for (const { text, doneBytes } of decodeSlices(bytes, detected)) {
    await nextTurn();
    throwIfAborted(options.signal);
    if (parser === null) {
      delimiter = guessDelimiter(text);
      parser = new CsvParser(delimiter);
    }
    for (const record of parser.push(text)) collector.add(record);
    if (collector.gaveUp) break;
    options.onProgress?.(doneBytes, bytes.length);
  }
  if (parser && !collector.gaveUp) for (const record of parser.end()) collector.add(record);
  return { format: 'csv', encoding: detected.encoding, delimiter, ...collector.finish() };
}

/**
 * Reads a ledger file's bytes into a table. Throws a LedgerReadError with a code staff get a message for:
 * empty, wrong_type, too_large, too_many_rows, password_protected, old_xls, unreadable_workbook,
 * mixed_encoding, unreadable_text, no_header, cancelled.
 */
export async function readLedger(
  bytes: Buffer,
  fileName: string,
  options: ReadLedgerOptions = {},
): Promise<LedgerTable> {
  const limits = { ...LEDGER_LIMITS, ...options.limits };
  throwIfAborted(options.signal);
  if (bytes.length > limits.maxBytes) {
    throw new LedgerReadError('too_large', { maxMegabytes: Math.floor(limits.maxBytes / (1024 * 1024)) });
  }
  if (bytes.length === 0) throw new LedgerReadError('empty');
  const isHeader = options.isHeader ?? looksLikeHeader;
  if (sniffFormat(bytes, fileName) === 'text') {
    const table = await readText(bytes, isHeader, limits.maxRows, options);
    options.onProgress?.(bytes.length, bytes.length);
    return table;
  }
  const table = await readXlsx(bytes, {
    isHeader,
    maxRows: limits.maxRows,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onBytes: options.onProgress } : {}),
  });
  return { format: 'xlsx', ...table };
}
