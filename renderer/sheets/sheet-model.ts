// Short flag texts for the printed sheets, where there is room for a line, not a card.

import type { TFunction } from 'i18next';
import type { DishWarning } from '../../shared/contract/kitchen.ts';
import { formatDay } from '../i18n/format.ts';
import { allergenName } from '../service/format.ts';

/** "アナフィラキシー そば（山田 太郎 様）、前回提供 2025年4月1日（夕食）、残された", or '' for a clean dish. */
export function menuFlags(dish: DishWarning, t: TFunction, language: string): string {
  const flags: string[] = [];
  for (const allergy of dish.allergies) {
    flags.push(
      `${t(`codes.severity.${allergy.severity}`)} ${allergenName(allergy, language)}（${t('kitchen.common.guestSama', {
        name: allergy.guestName,
      })}）`,
    );
  }
  const [latest] = dish.servedBefore;
  if (latest) {
    flags.push(
      t('kitchen.menu.servedBefore', { date: formatDay(latest.date, language), meal: t(`codes.meal.${latest.meal}`) }),
    );
  }
  for (const reaction of new Set(dish.reactions.map((r) => r.reaction))) flags.push(t(`codes.reaction.${reaction}`));
  return flags.join('、');
}
