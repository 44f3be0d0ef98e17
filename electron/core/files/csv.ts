import { type CsvCell, csvText } from '../../../shared/text/csv.ts';

/** A CSV file Excel opens as it is (shared/text/csv.ts), as bytes for the file store. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): Buffer {
  return Buffer.from(csvText(rows), 'utf8');
}
