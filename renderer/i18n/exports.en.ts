import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaExports } from './exports.ja.ts';

// English words of the export dialog. Same keys as exports.ja.ts.
export const enExports: Translation<typeof jaExports> = {
  menu: 'Export (Excel, CSV)',
  title: 'Export guest records',
  help: 'For other systems or the inn’s own records. The CSV opens as it is in Excel (UTF-8 with BOM).',
  format: 'Format',
  formats: { xlsx: 'Excel (.xlsx)', csv: 'CSV' },
  kinds: 'What to export',
  kindsCsvHelp: 'A CSV file holds one kind',
  kind: { guests: 'Guests', stays: 'Stays', allergies: 'Allergies', requests: 'Requests' },
  filter: 'Which',
  filters: { all: 'Every guest', search: 'Every guest a search finds', dates: 'Arrivals in a period' },
  query: 'Search for',
  from: 'From',
  to: 'To',
  datesHelp: 'Stays arriving in the period, and their guests (companions included)',
  start: 'Export',
  running: 'Exporting…',
  cancel: 'Stop',
  done_one: '{{count}} row exported',
  done_other: '{{count}} rows exported',
  downloadAgain: 'Save again',
  chooseKind: 'Choose what to export',
};
