// Short flag texts for the printed sheets, where there is room for a line, not a card.

import type { TFunction } from 'i18next';
import { SEVERITIES, type Severity } from '../../shared/contract/allergies.ts';
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
  // What to serve instead, as the PDF maker prints it (electron/sheets/phrases.ts, dishFlags).
  if (flags.length > 0 && dish.alternatives.length > 0) {
    flags.push(`→ ${dish.alternatives.map((alternative) => alternative.name).join(t('kitchen.common.separator'))}`);
  }
  return flags.join('、');
}

/** Most severe first, as on the PDF (the core already orders them; the paper must not depend on it). */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}
