// A report table as CSV that Excel on a Japanese PC opens correctly (shared/text/csv.ts: UTF-8 with a BOM, CRLF,
// quoted where needed, text that looks like a formula kept as text).
import { type CsvCell, csvText } from '../../shared/text/csv.ts';

export { CSV_BOM as BOM } from '../../shared/text/csv.ts';
export type { CsvCell };

/** The header row and the data rows as one CSV text, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvText([header, ...rows]);
}
