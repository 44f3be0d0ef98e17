// A report table as CSV that Excel on a Japanese PC opens correctly: UTF-8 with a byte-order mark (without it
// Excel reads Shift_JIS and the Japanese turns to mojibake), CRLF line ends, fields quoted when needed.

export type CsvCell = string | number | null;

/** The byte-order mark Excel looks for to read the file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * A text cell starting like a formula (=, +, -, @) would be run by Excel: a competitor typed as "=HYPERLINK(…)"
 * must stay text, so it gets a leading apostrophe. Numbers are written as numbers.
 */
function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header row and the data rows as one CSV text, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
