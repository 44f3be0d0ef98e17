import type { TFunction } from 'i18next';
import type { AccessEntry } from '../../shared/contract/access-log.ts';
import { fullName } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';

// An access log entry in words, for the table and for the CSV alike: who did what to which guest, from which PC.
// Codes this version does not know (a newer PC's sheet or export) are shown as they are, not dropped.

export type EntryWords = { when: string; staff: string; action: string; guest: string; what: string; pc: string };

function guestWords(t: TFunction, guest: AccessEntry['guest']): string {
  if (!guest) return '';
  return t(`accessLog.guestName.${guest.state}`, { name: fullName(guest) });
}

function known(t: TFunction, key: string, code: string | undefined): string {
  return code && t(key + code, { defaultValue: '' }) ? t(key + code) : (code ?? '');
}

function exportedWhat(t: TFunction, detail: AccessEntry['detail'], language: string): string {
  const parts: string[] = [];
  const kinds = detail.kinds?.map((kind) => known(t, 'exports.kind.', kind));
  if (kinds?.length) parts.push(kinds.join(language === 'ja' ? '・' : ' & '));
  if (detail.format) parts.push(known(t, 'exports.formats.', detail.format));
  if (detail.filter === 'dates') {
    const day = (value?: string) => (value ? formatDay(value, language) : '');
    parts.push(t('accessLog.exportFilter.dates', { from: day(detail.from), to: day(detail.to) }));
  } else if (detail.filter) parts.push(known(t, 'accessLog.exportFilter.', detail.filter));
  if (detail.rows !== undefined) parts.push(t('accessLog.exportRows', { count: detail.rows }));
  return parts.join(language === 'ja' ? '、' : ', ');
}

function sentence(t: TFunction, entry: AccessEntry, language: string, guest: string): string {
  const subject = entry.staff
    ? t('accessLog.subject.staff', { name: entry.staff.name })
    : t('accessLog.subject.nobody');
  const { detail } = entry;
  switch (entry.action) {
    case 'card_opened':
      return t('accessLog.sentence.card_opened', { subject, guest });
    case 'sheet_printed': {
      const words = {
        subject,
        guest,
        sheet: known(t, 'accessLog.sheets.', detail.sheet),
        date: detail.date ? formatDay(detail.date, language) : '',
        via: known(t, 'accessLog.via.', detail.via),
      };
      return t(entry.guest ? 'accessLog.sentence.sheetOfGuest' : 'accessLog.sentence.sheetOfDay', words);
    }
    case 'exported':
      if (detail.what === 'set_aside') return t('accessLog.sentence.setAside', { subject, count: detail.rows ?? 0 });
      if (detail.what === 'guest_register') {
        const day = (value?: string) => (value ? formatDay(value, language) : '');
        const format = (detail.format ?? '').toUpperCase();
        return t('accessLog.sentence.guestRegister', { subject, from: day(detail.from), to: day(detail.to), format });
      }
      return t('accessLog.sentence.exported', { subject, what: exportedWhat(t, detail, language) });
    case 'disclosed':
      return entry.guest
        ? t('accessLog.sentence.disclosedGuest', { subject, guest, format: (detail.what ?? '').toUpperCase() })
        : t('accessLog.sentence.disclosed', { subject });
  }
}

export function entryWords(
  t: TFunction,
  entry: AccessEntry,
  language: string,
  dateTime: (iso: string) => string,
): EntryWords {
  const guest = guestWords(t, entry.guest);
  const { pc } = entry;
  const place =
    pc.name ??
    (pc.here ? t('accessLog.pc.hereShort', { short: pc.short }) : t('accessLog.pc.other', { short: pc.short }));
  return {
    when: dateTime(entry.at),
    staff: entry.staff?.name ?? t('accessLog.nobody'),
    action: t(`accessLog.actions.${entry.action}`),
    guest,
    what: sentence(t, entry, language, guest),
    pc: place,
  };
}
