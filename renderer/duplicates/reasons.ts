import type { TFunction } from 'i18next';
import type { DuplicateSide, MergeField, Reasons } from '../../shared/contract/duplicates.ts';
import { countryName } from '../../shared/text/countries.ts';
import { fullName } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';

// A pair's reasons in words: what the two share (「電話番号と読みが一致」 / "Same phone number and reading"), then
// what speaks against (「生年月日が異なる」).

function joined(t: TFunction, codes: readonly string[]): string {
  const words = codes.map((code) => t(`duplicates.reasons.item.${code}`));
  if (words.length <= 1) return words.join('');
  // English lists "a, b and c"; Japanese joins every item with と.
  const joiner = t('duplicates.reasons.joinSame');
  if (joiner.trim() === 'and') return `${words.slice(0, -1).join(', ')}${joiner}${words.at(-1)}`;
  return words.join(joiner);
}

export function reasonText(t: TFunction, reasons: Reasons): string {
  const parts: string[] = [];
  if (reasons.same.length > 0) parts.push(t('duplicates.reasons.same', { items: joined(t, reasons.same) }));
  if (reasons.differs.length > 0) parts.push(t('duplicates.reasons.differs', { items: joined(t, reasons.differs) }));
  return parts.join(t('duplicates.reasons.separator'));
}

/** A field's value on one card as the comparison shows it; an empty one reads （なし）. */
export function fieldText(t: TFunction, language: string, side: DuplicateSide, field: MergeField): string {
  const value = side[field];
  if (field === 'marketingConsent') return value ? t('guest.consentYes') : t('guest.consentNo');
  if (typeof value !== 'string' || value === '') return t('duplicates.noValue');
  if (field === 'birthday') return formatDay(value, language);
  if (field === 'nationality') return countryName(value, language);
  return value;
}

export function sideName(side: DuplicateSide): string {
  return fullName(side);
}
