import i18next from 'i18next';
import { formatEraYear } from '../../shared/text/eras.ts';
import { formatDay } from '../i18n/format.ts';

// A birthday as every screen shows it, the card and the History tab alike: 1980年5月5日, with the era beside
// it where the inn prefers (1980年5月5日（昭和55年）), and the age on the card.

export function birthdayText(birthday: string, language: string, showEra: boolean, age?: number): string {
  const date = formatDay(birthday, language);
  const era = showEra ? formatEraYear(birthday, language) : '';
  if (era && age !== undefined) return i18next.t('dates.birthdayWithEraAndAge', { date, era, age });
  if (era) return i18next.t('dates.withEra', { date, era });
  if (age !== undefined) return i18next.t('guest.birthdayWithAge', { date, age });
  return date;
}
