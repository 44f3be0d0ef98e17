import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaGuestRights } from './guest-rights.ja.ts';

export const enGuestRights: Translation<typeof jaGuestRights> = {
  form: {
    abroad: 'Lives abroad (no address in Japan)',
    abroadHint: 'The guest register then records the nationality and passport number (Inns and Hotels Act).',
    nationality: 'Nationality',
    nationalityPlaceholder: 'Type a country and choose',
    passportNumber: 'Passport number',
    passportHint: 'Letters and digits as printed (e.g. TZ1234567)',
  },
  card: {
    abroad: 'Lives abroad',
  },
  register: {
    title: 'Guest register',
    nav: 'Guest register',
    intro:
      'Guests of the stays arriving in this period (cancelled and no-show stays left out). The Inns and Hotels Act has the inn keep it for three years.',
    from: 'Arrival from',
    to: 'Arrival to',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    savePdf: 'Save as PDF',
    saveCsv: 'Save as CSV',
    empty: 'No stays in this period',
    count_one: '{{count}} stay',
    count_other: '{{count}} stays',
    guests_one: '{{count}} guest',
    guests_other: '{{count}} guests',
    lead: 'Lead',
    party: 'Party',
    abroad: 'Lives abroad',
    missing: 'Missing: {{fields}}',
    gap: { address: 'address', phone: 'phone', nationality: 'nationality', passportNumber: 'passport number' },
    column: {
      name: 'Name',
      contact: 'Address and contact',
      stay: 'Stay',
      foreign: 'Nationality and passport',
    },
    savedNotice: 'Saved {{name}}',
  },
  disclose: {
    button: 'Disclose',
    title: 'Disclosure of personal data held',
    body: 'Writes out everything the inn holds about {{name}} (profile, stays, allergies with their corrections, requests, dishes served, banquets and the history of changes). Hand over the PDF on paper; use the JSON when the data itself is asked for.',
    bodyErased:
      'Writes out everything the inn still holds about this erased guest (when they were erased, the guest register fields kept until the legal hold ends, and the stays and other records kept for the statistics). Hand over the PDF on paper; use the JSON when the data itself is asked for.',
    pdf: 'Save as PDF (document)',
    json: 'Save as JSON (data)',
    savedNotice: 'Saved {{name}}',
  },
  retention: {
    title: 'Retention review',
    nav: 'Retention review',
    intro_one:
      'Guests with no stay and nothing recorded for {{count}} year or more (last activity before {{before}}). Consider erasing personal data no longer needed.',
    intro_other:
      'Guests with no stay and nothing recorded for {{count}} years or more (last activity before {{before}}). Consider erasing personal data no longer needed.',
    empty: 'No guest is due for review',
    count_one: '{{count}} guest',
    count_other: '{{count}} guests',
    shown_one: 'The oldest {{count}} shown',
    shown_other: 'The {{count}} oldest shown',
    never: 'Never stayed',
    column: {
      name: 'Guest',
      lastStay: 'Last stay',
      stays: 'Stays',
      lastActivity: 'Last activity',
    },
    stays_one: '{{count}} stay',
    stays_other: '{{count}} stays',
    settingLabel: 'Years before review',
    settingHelp: 'Guests with no stay or record for this many years are listed in the retention review',
    years: 'years',
  },
};
