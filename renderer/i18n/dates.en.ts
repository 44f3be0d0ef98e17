import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaDates } from './dates.ja.ts';

// English words about days. Same keys as dates.ja.ts.
export const enDates: Translation<typeof jaDates> = {
  withEra: '{{date}} ({{era}})',
  birthdayWithEraAndAge: '{{date}} ({{era}}, age {{age}})',
  eraSetting: {
    label: 'Show the Japanese era beside birthdays',
    help: 'e.g. 5 May 1980 (Shōwa 55), on the guest card and in the history.',
    savedNotice: 'Era display saved',
  },
  past: {
    stay: 'The arrival date ({{date}}) is before today. To record a past stay, set the status to Departed.',
    stayDeparture: 'The departure date ({{date}}) is before today, but the status is In house.',
    banquet: 'The banquet date ({{date}}) is before today.',
    confirmHint: 'To save it as it is, press “Save with a past date”.',
    confirm: 'Save with a past date',
  },
};
