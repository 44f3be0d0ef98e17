// The History tab's lines and their words. The core answers rows ready to read (guests.history); what is
// left here is the UI's part: one table line per changed field of a correction (so it reads like any
// other change of an allergy), and values in the UI language (codes translated, days and yen formatted).

import i18next from 'i18next';
import type { AllergyFieldChange, HistoryChange, HistoryRow } from '../../shared/contract/history.ts';
import { formatDateTime } from '../i18n/format.ts';
import { allergenName, formatDayShort, formatDayWithWeekday, formatYen } from '../service/format.ts';

/** A field change of a stay, an allergy or a request: what the line's "from → to" shows. */
export type FieldChange = Extract<HistoryChange, { kind: 'stay' | 'allergy' | 'request' }>;

/** One line of the table; `corrected` when it is one field of an allergy correction. */
export type HistoryLine = { key: string; row: HistoryRow; change: HistoryChange; corrected: boolean };

export function historyLines(rows: readonly HistoryRow[]): HistoryLine[] {
  return rows.flatMap((row): HistoryLine[] => {
    const change = row.change;
    if (change.kind !== 'allergyCorrected' || change.changes.length === 0) {
      return [{ key: row.key, row, change, corrected: false }];
    }
    return change.changes.map((field: AllergyFieldChange, n) => ({
      key: `${row.key}:${n}`,
      row,
      change: { kind: 'allergy', allergy: change.allergy, ...field },
      corrected: true,
    }));
  });
}

const CODE_GROUP: Partial<Record<string, string>> = {
  'stay.purpose': 'purpose',
  'stay.channel': 'channel',
  'stay.status': 'stayStatus',
  'allergy.severity': 'severity',
  'request.category': 'requestCategory',
  'request.status': 'requestStatus',
};
const DAYS = new Set(['stay.arrivalDate', 'stay.departureDate', 'allergy.confirmedAt']);

/** A stay, allergy or request value as words; '' for a blank one. Moments on the inn's clock (`timeZone`). */
export function fieldValueText(
  change: FieldChange,
  value: FieldChange['to'],
  language: string,
  timeZone: string,
): string {
  if (value === null || value === '') return '';
  const field = `${change.kind}.${change.field}`;
  if (typeof value === 'boolean') return i18next.t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.join('・');
  if (typeof value === 'object') return allergenName(value, language);
  const group = CODE_GROUP[field];
  if (group) return i18next.t(`codes.${group}.${value}`);
  if (DAYS.has(field)) return formatDayWithWeekday(String(value), language);
  if (field === 'stay.amountYen' && typeof value === 'number') return formatYen(value);
  if (field === 'stay.deletedAt') return formatDateTime(String(value), language, timeZone);
  return String(value);
}

/** The record a service line is about, as "Allergy (乳)", and its data-table for tests. */
export function subjectOf(change: HistoryChange, language: string): { table: string; text: string } | undefined {
  switch (change.kind) {
    case 'stay':
    case 'partyAdded':
    case 'partyRemoved':
      return { table: 'stay', text: formatDayShort(change.stay.arrivalDate, language) };
    case 'allergy':
    case 'allergyCorrected':
    case 'allergyRetracted':
    case 'allergyRestored':
      return { table: 'allergy', text: allergenName(change.allergy, language) };
    case 'request':
      return { table: 'request', text: i18next.t(`codes.requestCategory.${change.request.category}`) };
    default:
      return undefined;
  }
}
