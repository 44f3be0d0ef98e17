// Why a ledger file could not be read. Each code has a message for inn staff (what is wrong and what to do) under
// errors.detail.ledger_<code> in both locales (shared/i18n/import-errors.*.ts); tests/i18n checks every one.

export const LEDGER_READ_ERROR_CODES = [
  'empty', // no bytes, or no row of data under the header
  'wrong_type', // not a spreadsheet or a text file: a PDF, an image, a Word file, a zip, a binary
  'too_large', // more bytes than LEDGER_LIMITS.maxBytes (checked before anything is parsed)
  'too_many_rows', // more data rows than LEDGER_LIMITS.maxRows (reading stops as soon as it passes)
  'password_protected', // an .xlsx saved with a password to open it (Excel encrypts it into an OLE file)
  'old_xls', // an Excel 97-2003 workbook (.xls), or an HTML table saved under .xls
  'unreadable_workbook', // an .xlsx whose zip or XML is broken
  'mixed_encoding', // a text file whose lines are partly UTF-8 and partly another code (Shift_JIS)
  'unreadable_text', // a text file that is neither UTF-8 nor Shift_JIS (CP932)
  'no_header', // none of the first rows looks like a header (column names)
  'cancelled', // the person stopped the reading (AbortSignal)
] as const;
export type LedgerReadErrorCode = (typeof LEDGER_READ_ERROR_CODES)[number];

/** The errors.detail.* key of a code's message: `ledger_` keeps these apart from the other domains' details. */
export function ledgerErrorDetailKey(code: LedgerReadErrorCode): `ledger_${LedgerReadErrorCode}` {
  return `ledger_${code}`;
}

/**
 * An expected failure to read a file, with a stable code. `detail` holds the values the message names
 * (`maxMegabytes`, `maxRows`, `line`), all of them also usable as the translation's interpolation values.
 */
export class LedgerReadError extends Error {
  readonly code: LedgerReadErrorCode;
  readonly detail?: Record<string, string | number>;

  constructor(code: LedgerReadErrorCode, detail?: Record<string, string | number>) {
    super(`ledger file not read: ${code}${detail ? ` ${JSON.stringify(detail)}` : ''}`);
    this.name = 'LedgerReadError';
    this.code = code;
    if (detail) this.detail = detail;
  }
}

/** Throws `cancelled` once the signal is aborted; called between chunks and rows. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LedgerReadError('cancelled');
}
