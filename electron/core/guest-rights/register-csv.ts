import type { GuestRegister } from '../../../shared/contract/guest-rights.ts';
import { GUEST_RIGHTS_LABELS } from '../../../shared/i18n/guest-rights-labels.ts';
import { SERVICE_LABELS } from '../../../shared/i18n/service-labels.ts';
import { countryName } from '../../../shared/text/countries.ts';
import type { CsvCell } from '../../../shared/text/csv.ts';

/**
 * The 宿泊者名簿 as CSV rows (electron/core/files/csv.ts makes the Excel-friendly file): one line per guest of a
 * stay, names in two columns each with their readings, real dates (YYYY-MM-DD, which Excel reads as dates),
 * the nationality both by name and by its ISO code, and what is missing in words.
 */
export function registerCsvRows(register: GuestRegister, lang: 'ja' | 'en'): CsvCell[][] {
  const labels = GUEST_RIGHTS_LABELS[lang].register;
  const column = labels.column;
  const status = SERVICE_LABELS[lang].codes.stayStatus;
  const header = [
    column.arrival,
    column.departure,
    column.rooms,
    column.role,
    column.familyName,
    column.givenName,
    column.familyReading,
    column.givenReading,
    column.postalCode,
    column.address,
    column.phone,
    column.nationality,
    column.nationalityCode,
    column.passportNumber,
    column.adults,
    column.children,
    column.status,
    column.gaps,
    column.stayId,
    column.guestId,
  ];
  const lines = register.rows.map((row): CsvCell[] => [
    row.arrivalDate,
    row.departureDate,
    row.rooms.join(' '),
    row.role === 'lead' ? labels.lead : labels.party,
    row.familyName,
    row.givenName,
    row.familyReading,
    row.givenReading,
    row.postalCode,
    row.address,
    row.phone,
    row.nationality ? countryName(row.nationality, lang) : '',
    row.nationality,
    row.passportNumber,
    row.adults,
    row.children,
    status[row.status],
    row.gaps.map((gap) => labels.gap[gap]).join(lang === 'ja' ? '、' : ', '),
    row.stayId,
    row.guestId,
  ]);
  return [header, ...lines];
}
