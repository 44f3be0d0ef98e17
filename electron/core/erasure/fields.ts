import type { Stored } from '../../../db/log/codec.ts';
import { type ColumnSpec, columnSpec } from '../../../db/log/registry.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import { formsOf, sqlPackedId } from '../../../db/stored-form.ts';

// What an erasure takes away: the guest's personal fields, and free text written about the guest on their own
// records. Counts, dates and amounts stay (stays, their amounts, what was served, allergens and severities,
// request categories), so the statistics do not move; the guest row stays under its id, an anonymous UUID.
//
// `register`: a field of the 宿泊者名簿 the Inns and Hotels Act makes the inn keep for three years (name,
// address, contact; nationality and passport number for a guest living abroad). For a guest with a stay in the
// last three years these are kept aside with the erasure record, for the register only, until the hold ends.
//
// A column this version does not have yet is passed over, so a column added later is one line here.

type PersonalField = { column: string; register?: true };

export const GUEST_PERSONAL_FIELDS: readonly PersonalField[] = [
  { column: 'family_name', register: true },
  { column: 'given_name', register: true },
  { column: 'family_reading' },
  { column: 'given_reading' },
  { column: 'phones', register: true },
  { column: 'email', register: true },
  { column: 'postal_code', register: true },
  { column: 'address', register: true },
  { column: 'birthday' },
  { column: 'organization' },
  { column: 'note' },
  { column: 'nationality', register: true },
  { column: 'passport_number', register: true },
];

/**
 * Free text about a guest on rows that lead to them (the rows themselves stay: they are counted). Each table says
 * how a row leads to its guest, so the scrub can find the rows of a guest and the apply path the guest of a row:
 * `via` is the row's column naming the guest, or (with `parent`) naming a parent row whose `parent.via` names the
 * guest. A column derived on each PC (banquets.closing_note, from its stages' notes) is not logged, so it is
 * passed over here and follows the blanked stage notes when the deal's stage is derived again.
 */
export type TextFields = {
  table: SyncedTable;
  columns: readonly string[];
  via: string;
  parent?: { table: SyncedTable; via: string };
};

export const GUEST_TEXT_FIELDS: readonly TextFields[] = [
  { table: 'requests', columns: ['text'], via: 'guest_id' },
  { table: 'allergies', columns: ['note', 'retract_reason'], via: 'guest_id' },
  { table: 'stays', columns: ['note'], via: 'guest_id' },
  { table: 'follow_ups', columns: ['note'], via: 'guest_id' },
  // Deals the guest organised: the group is often the family's name, the deceased a relative of theirs.
  { table: 'banquets', columns: ['note', 'group_name', 'deceased_name', 'closing_note'], via: 'organiser_id' },
  { table: 'banquet_stages', columns: ['note'], via: 'banquet_id', parent: { table: 'banquets', via: 'organiser_id' } },
  // What was served on the guest's own stays: the dishes and reactions stay, the note on how it went does not.
  { table: 'served', columns: ['note'], via: 'stay_id', parent: { table: 'stays', via: 'guest_id' } },
];

/**
 * The condition giving a table's rows that lead to a guest (one `?`: the guest's id). A table that keeps its ids
 * packed (db/stored-form.ts) is compared with its parent's text ids packed.
 */
export function rowsOfGuestWhere({ table, via, parent }: TextFields): string {
  if (!parent) return `${via} = ?`;
  const parentId = formsOf(table)?.[via] === 'id' ? sqlPackedId('id') : 'id';
  return `${via} IN (SELECT ${parentId} FROM ${parent.table} WHERE ${parent.via} = ?)`;
}

/** The empty value of a column: every personal column is NOT NULL text, a list ('[]') or nullable. */
export function blankOf(column: ColumnSpec): Stored {
  return column.list ? '[]' : '';
}

/** The guest columns an erasure blanks, as this version has them. */
export function guestColumns(): ColumnSpec[] {
  return GUEST_PERSONAL_FIELDS.flatMap(({ column }) => {
    const spec = columnSpec('guests', column);
    return spec ? [spec] : [];
  });
}

/** The 宿泊者名簿 columns held for the legal period, as this version has them. */
export function registerColumns(): ColumnSpec[] {
  const register = new Set(GUEST_PERSONAL_FIELDS.filter((f) => f.register).map((f) => f.column));
  return guestColumns().filter((column) => register.has(column.name));
}

/** The columns of `table` that hold free text about a guest, as this version has them. */
export function textColumns(table: SyncedTable): ColumnSpec[] {
  const found = GUEST_TEXT_FIELDS.find((entry) => entry.table === table);
  return (found?.columns ?? []).flatMap((name) => {
    const spec = columnSpec(table, name);
    return spec ? [spec] : [];
  });
}
