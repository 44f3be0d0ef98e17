// The allergen catalogue as Select options: grouped by legal class (特定原材料, 準ずるもの, the inn's own),
// labelled in the UI language, and found by the Japanese or the English name whatever the language, or by
// how people write and type it (たまご, 海老, soba: shared/kitchen/allergen-words.ts).

import { type ComboboxData, type ComboboxParsedItem, isOptionsGroup, type OptionsFilter } from '@mantine/core';
import i18next from 'i18next';
import { ALLERGEN_CLASSES, type Allergen } from '../../shared/contract/allergies.ts';
import { allergenSearchWords } from '../../shared/kitchen/allergen-words.ts';
import { toHiragana } from '../../shared/text/kana.ts';
import { foldWidth } from '../../shared/text/width.ts';
import { allergenName } from './format.ts';

/** そば, ソバ and ｿﾊﾞ are one key; English is compared case-blind. */
function searchKey(text: string): string {
  return toHiragana(foldWidth(text)).toLowerCase().replace(/\s+/g, '');
}

/** Withdrawn allergens are offered only when they are the one already chosen (a correction of an old record). */
export function allergenOptions(allergens: readonly Allergen[], language: string, keepId: string | null): ComboboxData {
  return ALLERGEN_CLASSES.map((legalClass) => ({
    group: i18next.t(`codes.allergenClass.${legalClass}`),
    items: allergens
      .filter((a) => a.legalClass === legalClass && (a.deletedAt === null || a.id === keepId))
      .map((a) => ({ value: a.id, label: allergenName(a, language) })),
  })).filter((group) => group.items.length > 0);
}

export function allergenFilter(allergens: readonly Allergen[]): OptionsFilter {
  const keys = new Map(
    allergens.map((a) => [a.id, [a.nameJa, a.nameEn, a.code, ...allergenSearchWords(a.code)].map(searchKey)]),
  );
  const matches = (search: string) => (item: { value: unknown }) =>
    keys.get(String(item.value))?.some((key) => key.includes(search)) ?? false;
  return ({ options, search }) => {
    const key = searchKey(search);
    if (!key) return options;
    const result: ComboboxParsedItem[] = [];
    for (const option of options) {
      if (isOptionsGroup(option)) {
        const items = option.items.filter(matches(key));
        if (items.length > 0) result.push({ ...option, items });
      } else if (matches(key)(option)) {
        result.push(option);
      }
    }
    return result;
  };
}
