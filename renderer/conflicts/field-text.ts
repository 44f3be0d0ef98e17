// Two edits of one field (field_edit) name the field by its stored column and carry the values as stored
// (text, numbers, codes, flags as 0/1). This file says them in words: the field's label as its own form
// labels it, and the value as the screens show it (a day with its weekday, a code translated, yen). No React.

import i18next from 'i18next';
import { isCalendarDate } from '../../shared/text/dates.ts';
import { fieldOfColumn } from '../app/edit-conflict.ts';
import { formatDayWithWeekday, formatYen } from '../service/format.ts';

/** Deal fields whose label key differs from the field's name (the banquet form labels them so too). */
const BANQUET_LABEL: Partial<Record<string, string>> = {
  organiserId: 'organiser',
  hallIds: 'halls',
  courseId: 'course',
  pricePerHeadYen: 'pricePerHead',
  estimateYen: 'estimate',
  depositYen: 'deposit',
  staffId: 'staff',
  attendeeIds: 'attendees',
};

/** The label key of a deal's field, as the banquet form and a conflict about it say it. */
export function banquetLabelKey(field: string): string {
  return `banquet.fields.${BANQUET_LABEL[field] ?? field}`;
}

/** Dish fields whose label key differs (as on the dish form). */
const DISH_LABEL: Partial<Record<string, string>> = { name: 'dishName', allergenIds: 'allergens' };

/** The label key of a table's field, where its form has one. */
const LABEL_KEY: Partial<Record<string, (field: string) => string>> = {
  guests: (field) => `fields.${field}`,
  stays: (field) => `service.stays.form.${field}`,
  banquets: banquetLabelKey,
  halls: (field) => (field === 'note' ? 'banquet.fields.note' : `banquet.halls.${field}`),
  allergies: (field) => `service.allergies.form.${field}`,
  dishes: (field) => `kitchen.catalogue.${DISH_LABEL[field] ?? field}`,
  courses: (field) => `kitchen.catalogue.${field === 'name' ? 'courseName' : field}`,
  allergens: (field) => `kitchen.catalogue.${field}`,
  staff: (field) => `staff.${field}`,
};

/** A field as its form labels it; the column itself when no form has words for it. */
export function fieldLabel(table: string, column: string): string {
  const key = LABEL_KEY[table]?.(fieldOfColumn(column));
  return key && i18next.exists(key) ? i18next.t(key) : column;
}

/** Columns holding a code, and where its words are. */
const CODES: Partial<Record<string, string>> = {
  'stays.status': 'codes.stayStatus',
  'stays.purpose': 'codes.purpose',
  'stays.channel': 'codes.channel',
  'allergies.severity': 'codes.severity',
  'requests.category': 'codes.requestCategory',
  'requests.status': 'codes.requestStatus',
  'banquets.type': 'banquet.codes.type',
  'banquets.layout': 'banquet.codes.layout',
  'dishes.category': 'codes.dishCategory',
};

/** Flags stored as 0/1. */
const FLAGS = new Set(['guests.marketing_consent', 'allergies.traces_ok', 'staff.active']);

/** A stored value as the screens show it; `staffName` names a staff id (担当者). */
export function storedValueText(
  table: string,
  column: string,
  value: unknown,
  language: string,
  staffName: (id: string) => string | undefined,
): string {
  if (value === null || value === undefined || value === '') return i18next.t('conflicts.empty');
  const field = `${table}.${column}`;
  if (FLAGS.has(field)) return i18next.t(value === 1 || value === true ? 'common.yes' : 'common.no');
  const codes = CODES[field];
  if (codes && i18next.exists(`${codes}.${String(value)}`)) return i18next.t(`${codes}.${String(value)}`);
  if (column === 'staff_id' && typeof value === 'string') return staffName(value) ?? value;
  if (column.endsWith('_yen') && typeof value === 'number') return formatYen(value);
  if (typeof value === 'string' && isCalendarDate(value)) return formatDayWithWeekday(value, language);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
