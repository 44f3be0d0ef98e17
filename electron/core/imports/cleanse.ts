// One sheet row (its cells as text) made what the import will record: a guest, maybe a stay, raw allergy items,
// and every change made on the way, each with the rule that made it; or the row set aside with its line, the
// reason and the cell, never half read. Pure: no database, no clock but the inn's day passed in.
//
// A row whose mapped cells are all empty answers { ok: false, reason: 'empty' }: a blank line, which the caller
// skips without counting it among the rows set aside.

import {
  CLEANSE_RULES,
  type CleanseRule,
  type ImportField,
  SET_ASIDE_REASONS,
  type SetAsideReason,
} from '../../../shared/contract/import-codes.ts';
import { cleanseEmail, cleansePhones, cleansePostcode, uniquePhones } from './cleanse-contacts.ts';
import { cleanseDate } from './cleanse-dates.ts';
import { cleanseNames, type NameCells } from './cleanse-names.ts';
import { type CleanStay, cleanseStay, type StayCells } from './cleanse-stay.ts';
import { type Cell, ChangeList, type CleanseChange, SetAside, tidyCell, withinLimit } from './cleanse-text.ts';
import type { ColumnMapping } from './mapping.ts';

export type { CleanStay, CleanseChange, CleanseRule, SetAsideReason };
export { CLEANSE_RULES, SET_ASIDE_REASONS };

export type CleanGuest = {
  familyName: string;
  givenName: string;
  familyReading: string;
  givenReading: string;
  phones: string[];
  postalCode: string;
  address: string;
  /** 'YYYY-MM-DD' or ''. */
  birthday: string;
  email: string;
  organization: string;
  note: string;
};

export type CleanRow = {
  line: number;
  guest: CleanGuest;
  /** The row's stay when it has an arrival date (a visit row), else null. */
  stay: CleanStay | null;
  /** Allergy items as written, split from the free text (えび・かに → えび, かに), for staff to confirm. */
  allergies: string[];
  changes: CleanseChange[];
};

export type CleanResult =
  | { ok: true; row: CleanRow }
  | { ok: false; line: number; reason: SetAsideReason; column?: number; value?: string };

export type SheetRow = { line: number; cells: string[]; formulaColumns?: number[] };

/** The contract's limits (shared/contract/guests.ts, stays.ts, allergies.ts). */
const LIMITS = { address: 200, organization: 100, guestNote: 2000, stayNote: 1000, allergen: 40 };

// What a ledger writes in an allergy column for "none": not an allergy to record.
const NO_ALLERGY = /^(?:なし|無し|ナシ|無|ない|特になし|特に無し|特にない|該当なし|none|no|n\/a|nil|-|ー|―|－|×)$/i;

/** 「えび・かに」「卵、乳」「そば/落花生」 and one per line, as raw items; なし and its kin as none. */
function splitAllergies(cells: Cell[], changes: ChangeList): string[] {
  const items: string[] = [];
  for (const cell of cells) {
    if (cell.value === '') continue;
    if (NO_ALLERGY.test(cell.value)) {
      changes.add(cell, cell.value, '', 'allergies_none');
      continue;
    }
    const found = cell.value
      .split(/[、,，・/;；\n]+/)
      .map((item) => item.trim())
      .filter((item) => item !== '' && !NO_ALLERGY.test(item));
    if (found.length > 1) changes.add(cell, cell.value, found.join(', '), 'allergies_split');
    for (const item of found) if (!items.includes(item)) items.push(withinLimit(cell, item, LIMITS.allergen));
  }
  return items;
}

/** Joined cells of a field several columns feed: address parts with a space, notes a line each. */
function joined(cells: Cell[], separator: string): string {
  return cells
    .map((cell) => cell.value)
    .filter(Boolean)
    .join(separator);
}

// Blank: nothing but spaces and characters that print nothing (what cleanText drops). Checked on every cell of
// every row, so by one test rather than by cleaning the cell first.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a blank cell may hold.
const VISIBLE = /[^\s\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const isBlank = (value: string) => !VISIBLE.test(value);

/**
 * The row's mapped cells, tidied, by field; null when every one is empty (a blank line, formula cells included:
 * a formula that computes nothing on a blank line is no row). A formula cell's computed value is taken (listed);
 * a formula cell without one sets the row aside, since what the cell holds is unknown.
 */
function mappedCells(row: SheetRow, mapping: ColumnMapping, changes: ChangeList): Map<ImportField, Cell[]> | null {
  const raw = mapping.flatMap((field, column) => (field ? [{ field, column, value: row.cells[column] ?? '' }] : []));
  if (raw.every((cell) => isBlank(cell.value))) return null;
  const formulas = new Set(row.formulaColumns ?? []);
  const byField = new Map<ImportField, Cell[]>();
  for (const cell of raw) {
    if (formulas.has(cell.column)) {
      if (isBlank(cell.value)) throw new SetAside('formula_without_value', cell);
      changes.add(cell, '=', cell.value, 'formula_result');
    }
    const tidied = tidyCell(cell, changes);
    const same = byField.get(cell.field);
    if (same) same.push(tidied);
    else byField.set(cell.field, [tidied]);
  }
  return byField;
}

/** Cleanses one row under a mapping; `today` is the inn's day (a birthday after it is set aside). */
export function cleanseRow(row: SheetRow, mapping: ColumnMapping, options: { today: string }): CleanResult {
  const changes = new ChangeList();
  try {
    const cells = mappedCells(row, mapping, changes);
    if (!cells) return { ok: false, line: row.line, reason: 'empty' };
    const all = (field: ImportField) => cells.get(field) ?? [];
    const one = (field: ImportField) => all(field)[0];
    const some = <K extends ImportField>(fields: readonly K[]) =>
      Object.fromEntries(fields.flatMap((field) => (one(field) ? [[field, one(field)]] : []))) as Partial<
        Record<K, Cell>
      >;

    const names = cleanseNames(
      some(['fullName', 'familyName', 'givenName', 'fullReading', 'familyReading', 'givenReading']) as NameCells,
      changes,
    );
    const phones = uniquePhones(
      all('phone').map((cell) => ({ cell, numbers: cleansePhones(cell, changes) })),
      changes,
    );
    const postcode = one('postcode');
    const email = one('email');
    const birthdayCell = one('birthday');
    const birthday = birthdayCell ? cleanseDate(birthdayCell, changes) : '';
    if (birthdayCell && birthday > options.today) throw new SetAside('birthday_in_future', birthdayCell);
    const note = joined(all('note'), '\n');
    const stay = cleanseStay(
      some([
        'arrival',
        'departure',
        'nights',
        'rooms',
        'adults',
        'children',
        'people',
        'amount',
        'reservationNo',
      ]) as StayCells,
      note,
      changes,
    );
    const noteCell = all('note')[0] ?? { column: -1, value: note };
    if (stay) withinLimit(noteCell, note, LIMITS.stayNote);
    const organization = one('organization');
    const guest: CleanGuest = {
      ...names,
      phones,
      postalCode: postcode ? cleansePostcode(postcode, changes) : '',
      address: withinLimit(all('address')[0] ?? noteCell, joined(all('address'), ' '), LIMITS.address),
      birthday,
      email: email ? cleanseEmail(email, changes) : '',
      organization: organization ? withinLimit(organization, organization.value, LIMITS.organization) : '',
      note: stay ? '' : withinLimit(noteCell, note, LIMITS.guestNote),
    };
    const allergies = splitAllergies(all('allergies'), changes);
    return { ok: true, row: { line: row.line, guest, stay, allergies, changes: changes.changes } };
  } catch (error) {
    if (!(error instanceof SetAside)) throw error;
    const { reason, cell } = error;
    return cell && cell.column >= 0
      ? { ok: false, line: row.line, reason, column: cell.column, value: cell.value }
      : { ok: false, line: row.line, reason };
  }
}

/** How many changes of each rule a set of rows underwent, every rule present (0 when none), for the report. */
export function cleanseChangeKinds(rows: ReadonlyArray<Pick<CleanRow, 'changes'>>): Record<CleanseRule, number> {
  const counts = Object.fromEntries(CLEANSE_RULES.map((rule) => [rule, 0])) as Record<CleanseRule, number>;
  for (const row of rows) for (const change of row.changes) counts[change.rule] += 1;
  return counts;
}

/** How many rows were set aside for each reason ('empty' lines not counted), for the report. */
export function setAsideCounts(results: ReadonlyArray<CleanResult>): Record<SetAsideReason, number> {
  const counts = Object.fromEntries(SET_ASIDE_REASONS.map((reason) => [reason, 0])) as Record<SetAsideReason, number>;
  for (const result of results) if (!result.ok && result.reason !== 'empty') counts[result.reason] += 1;
  return counts;
}
