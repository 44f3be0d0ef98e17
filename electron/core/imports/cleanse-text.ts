// The steps every cell goes through before its field's own rule, and the two things every rule shares: the list
// of changes a row underwent, and the way a rule sets the row aside.

import type { CleanseRule, ImportField, SetAsideReason } from '../../../shared/contract/import-codes.ts';
import { cleanText } from '../../../shared/text/clean.ts';
import { foldWidth } from '../../../shared/text/width.ts';

export type CleanseChange = { field: ImportField; column: number; from: string; to: string; rule: CleanseRule };

/** A cell of a mapped column, by its 0-based column. */
export type Cell = { field: ImportField; column: number; value: string };

/**
 * Thrown by a rule that cannot read a cell; cleanseRow catches it and answers the row as set aside. Only a whole row
 * is ever set aside, so no rule has to undo what the rules before it did.
 */
export class SetAside extends Error {
  readonly reason: SetAsideReason;
  readonly cell: Pick<Cell, 'column' | 'value'> | undefined;

  constructor(reason: SetAsideReason, cell?: Pick<Cell, 'column' | 'value'>) {
    super(reason);
    this.reason = reason;
    this.cell = cell;
  }
}

/** The changes made to one row, in the order they were made; a step that changes nothing lists nothing. */
export class ChangeList {
  readonly changes: CleanseChange[] = [];

  add(cell: Pick<Cell, 'field' | 'column'>, from: string, to: string, rule: CleanseRule): void {
    if (from !== to) this.changes.push({ field: cell.field, column: cell.column, from, to, rule });
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Free text keeps its line breaks (a note of several lines); any other cell is one line. */
const MULTILINE: ReadonlySet<ImportField> = new Set(['note', 'allergies', 'phone']);

/**
 * A cell as the contract would store it: invisible characters dropped (as every input is at the core's door),
 * half- and full-width forms folded (ｶﾅ to カナ, ＡＢＣ１ to ABC1, the ideographic space), spaces trimmed and collapsed.
 * Each of the three steps that changes the text is listed.
 */
export function tidyCell(cell: Cell, changes: ChangeList): Cell {
  // Printable ASCII has nothing to clean or fold: most cells of most ledgers (digits, dates, codes) skip both.
  const ascii = PRINTABLE_ASCII.test(cell.value);
  const visible = ascii ? cell.value : cleanText(cell.value);
  changes.add(cell, cell.value, visible, 'control_characters');
  const folded = ascii ? visible : foldWidth(visible);
  changes.add(cell, visible, folded, 'width');
  const spaced = MULTILINE.has(cell.field)
    ? folded
        .split(/\r\n|\r|\n/)
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .join('\n')
        .trim()
    : folded.replace(/\s+/g, ' ').trim();
  changes.add(cell, folded, spaced, 'spaces');
  return { ...cell, value: spaced };
}

/**
 * Refuses text longer than the register's field takes (counted as the contract counts), never cut short: a name
 * or a note cut short would be wrong without anyone seeing it.
 */
export function withinLimit(cell: Pick<Cell, 'column' | 'value'>, value: string, limit: number | undefined): string {
  if (limit !== undefined && value.length > limit) throw new SetAside('too_long', cell);
  return value;
}
