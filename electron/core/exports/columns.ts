import type { ExportKind } from '../../../shared/contract/exports.ts';
import type { ExportLabels } from '../../../shared/i18n/export-labels.ts';

// What each kind's table holds, column by column, and what type each column is: the writers format a cell by
// its column's type (a date cell in .xlsx, a #,##0 number for yen, a phone left readable), so the row readers
// (rows.ts) only gather values.

export type ColumnType = 'text' | 'phone' | 'date' | 'yen' | 'count';
export type ColumnName = keyof ExportLabels['column'];
export type Column = { name: ColumnName; type: ColumnType; width: number };

/** A cell's value: text, a day as 'YYYY-MM-DD' ('' when none), or a whole number (yen, counts). */
export type Cell = string | number;
export type RowCells = Cell[];

const text = (name: ColumnName, width = 14): Column => ({ name, type: 'text', width });
const date = (name: ColumnName): Column => ({ name, type: 'date', width: 12 });
const count = (name: ColumnName): Column => ({ name, type: 'count', width: 8 });

const PERSON: Column[] = [
  text('guestId', 38),
  text('familyName', 12),
  text('givenName', 12),
  text('familyReading', 14),
  text('givenReading', 14),
];

export const COLUMNS: Record<ExportKind, Column[]> = {
  guests: [
    ...PERSON,
    { name: 'phone', type: 'phone', width: 16 },
    { name: 'otherPhones', type: 'phone', width: 20 },
    text('email', 24),
    text('postalCode', 10),
    text('address', 36),
    date('birthday'),
    text('organization', 20),
    text('note', 30),
    text('marketingConsent', 10),
    date('registeredOn'),
  ],
  stays: [
    text('stayId', 38),
    ...PERSON,
    date('arrival'),
    date('departure'),
    count('nights'),
    text('rooms', 12),
    count('adults'),
    count('children'),
    text('companions', 24),
    text('plan', 16),
    text('purpose', 12),
    text('channel', 14),
    text('reservationNo', 14),
    { name: 'amount', type: 'yen', width: 12 },
    text('status', 10),
    text('note', 30),
  ],
  allergies: [
    ...PERSON,
    text('allergen', 16),
    text('severity', 16),
    text('traces', 8),
    text('note', 30),
    date('confirmedOn'),
    text('confirmedBy', 12),
  ],
  requests: [
    ...PERSON,
    text('category', 14),
    text('request', 40),
    text('status', 10),
    text('standing', 8),
    date('takenOn'),
    date('handledOn'),
  ],
};
