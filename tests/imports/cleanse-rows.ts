import { type CleanResult, type CleanRow, cleanseRow } from '../../electron/core/imports/cleanse.ts';
import type { ImportField } from '../../electron/core/imports/mapping.ts';

// What every cleansing test builds its rows with.

export const TODAY = '2026-12-03';

/** One row of the cells given, each under its field, in the order given (a field may come twice). */
export function row(cells: Array<[ImportField, string]>, formulaColumns?: number[]): CleanResult {
  return cleanseRow(
    { line: 7, cells: cells.map(([, value]) => value), formulaColumns },
    cells.map(([field]) => field),
    { today: TODAY },
  );
}

export function ok(result: CleanResult): CleanRow {
  if (!result.ok) throw new Error(`set aside: ${JSON.stringify(result)}`);
  return result.row;
}

/** A row of a guest whose name is already clean (columns 0 and 1), and the cells given from column 2 on. */
export const named = (...cells: Array<[ImportField, string]>) =>
  row([['familyName', '山田'], ['familyReading', 'やまだ'], ...cells]);
export const rules = (result: CleanResult) => ok(result).changes.map((change) => change.rule);
