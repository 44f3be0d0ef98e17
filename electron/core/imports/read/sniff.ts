// What kind of file a person picked, told from its bytes (magic numbers), not from its name: a ledger mailed as
// 顧客.xls may be an .xlsx, a CSV, or an HTML table that an old system saved under .xls.

import { LedgerReadError } from './errors.ts';

export type SniffedFormat = 'xlsx' | 'text';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // PK\3\4: a zip, as every .xlsx is
// An OLE compound file (Excel 97-2003 .xls, and an .xlsx encrypted by "Protect with password")
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// An encrypted OOXML package keeps its key data in a stream of this name; the directory stores it in UTF-16LE.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const BOOK_STREAMS = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book', 'utf16le')]; // Excel 97-2003, Excel 5

// Files that start with text-like bytes and may have no NUL byte early on. (A bitmap's "BM" is left to the NUL
// check: a CSV may well start with "BMI,".)
const BINARY_MAGIC = [
  Buffer.from('%PDF-'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]), // PNG
  Buffer.from([0xff, 0xd8, 0xff]), // JPEG
  Buffer.from('GIF8'),
  Buffer.from([0x49, 0x49, 0x2a, 0x00]), // TIFF
  Buffer.from([0x4d, 0x4d, 0x00, 0x2a]),
  Buffer.from('RIFF'), // WebP, WAV, AVI
  Buffer.from([0x1f, 0x8b]), // gzip
  Buffer.from('Rar!'),
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf]), // 7z
];
const BOMS = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

/** Markup rather than rows: an HTML table or an XML spreadsheet (Excel 2003 XML) saved as .xls. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const bom = BOMS.find((b) => startsWith(bytes, b));
  const head = bytes
    .subarray(bom?.length ?? 0, 1024)
    .toString(bom && bom.length === 2 ? (bom[0] === 0xff ? 'utf16le' : 'latin1') : 'latin1')
    .trimStart()
    .toLowerCase();
  return /^<(\?xml|!doctype html|html|table|meta)\b/.test(head);
}

/**
 * Says whether the bytes are a workbook to unzip or text to decode, or throws what is wrong with them.
 * `fileName` only words a case the bytes leave open (markup under an .xls name is an Excel export).
 */
export function sniffFormat(bytes: Buffer, fileName: string): SniffedFormat {
  if (startsWith(bytes, OLE)) {
    if (bytes.includes(ENCRYPTION_INFO)) throw new LedgerReadError('password_protected');
    // An Excel 97-2003 workbook keeps its sheets in a "Workbook" stream (Excel 5: "Book"); a .doc or .ppt
    // is an OLE file too, and is no ledger.
    throw new LedgerReadError(BOOK_STREAMS.some((name) => bytes.includes(name)) ? 'old_xls' : 'wrong_type');
  }
  if (startsWith(bytes, ZIP)) {
    // Entry names are stored uncompressed in the zip's headers: a workbook's parts all sit under xl/ (also in
    // an .xlsm, with macros), which even a file cut short shows. No xl/: a .docx, an .ods, a zip of files.
    if (bytes.includes('xl/')) return 'xlsx';
    throw new LedgerReadError('wrong_type');
  }
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) throw new LedgerReadError('wrong_type');
  if (looksLikeMarkup(bytes)) {
    throw new LedgerReadError(/\.xls$/i.test(fileName) ? 'old_xls' : 'wrong_type');
  }
  // A text file has no NUL byte, unless it is UTF-16 (which then starts with its byte order mark).
  const utf16 = startsWith(bytes, BOMS[1] as Buffer) || startsWith(bytes, BOMS[2] as Buffer);
  if (!utf16 && bytes.includes(0)) throw new LedgerReadError('wrong_type');
  return 'text';
}
