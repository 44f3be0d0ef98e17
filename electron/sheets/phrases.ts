// What an arrival says, phrase by phrase, for both sheets: the briefing lays these out per room, the kitchen
// sheet squeezes them into table cells. Colour follows severity so the dangerous lines are seen first.

import { type Severity, severityRank } from '../../shared/contract/allergies.ts';
import type { Arrival } from '../../shared/contract/arrivals.ts';
import type { DishWarning, MenuPlan } from '../../shared/contract/kitchen.ts';
import { INK } from './layout.ts';
import { personName, personReading, type Words } from './words.ts';

export type PartyAllergy = Arrival['allergies'][number];
export type AvoidDish = Arrival['dishesToAvoid'][number];

export function severityColor(severity: Severity | null): string {
  if (severity === 'anaphylaxis') return INK.danger;
  if (severity === 'allergy') return INK.warn;
  return INK.text;
}

/** Most severe first (the core already orders them; the paper must not depend on it). */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

export function roomsOf(arrival: Arrival): string {
  return arrival.stay.rooms.join('・');
}

export function leadOf(arrival: Arrival): { name: string; reading: string } {
  const lead = arrival.stay.party.find((member) => member.lead) ?? arrival.stay.party[0];
  if (!lead) return { name: '', reading: '' };
  return { name: personName(lead), reading: personReading(lead) };
}

export function partyLine(words: Words, arrival: Arrival): string {
  const { sheet } = words.labels;
  const { stay } = arrival;
  const parts = [words.party(stay.adults, stay.children), words.count('nights', stay.nights)];
  if (stay.plan) parts.push(`${sheet.plan}: ${stay.plan}`);
  return parts.join('  ·  ');
}

/** ランク ゴールド  ·  ご来館4回目  ·  前回 …: the lead guest's rank first, when they have one. */
export function visitLine(words: Words, arrival: Arrival): string {
  const { sheet } = words.labels;
  const rank = arrival.rank ? [words.fill(sheet.rank, { name: arrival.rank.name })] : [];
  if (arrival.visitCount === 0) return [...rank, sheet.firstVisit].join('  ·  ');
  const visit = words.fill(sheet.visits, { count: arrival.visitCount + 1 });
  const last = arrival.lastVisit ? [words.fill(sheet.lastVisit, { date: words.shortDay(arrival.lastVisit) })] : [];
  return [...rank, visit, ...last].join('  ·  ');
}

export function tracesText(words: Words, allergy: { tracesOk: boolean }): string {
  return allergy.tracesOk ? words.labels.sheet.tracesOk : words.labels.sheet.tracesNotOk;
}

/** えび（山田 太郎 様） / Shrimp (Yamada Taro) */
export function allergyWho(words: Words, allergy: PartyAllergy): string {
  return `${words.allergen(allergy)}${words.paren(words.guest(allergy.guestName))}`;
}

export function celebrationLines(words: Words, arrival: Arrival): string[] {
  return arrival.celebrations.map((celebration) => {
    if (celebration.kind === 'birthday') {
      const date = celebration.date ? words.shortDay(celebration.date) : '';
      return words.fill(words.labels.sheet.birthdayOn, { name: celebration.guestName, date }).trim();
    }
    const purpose = celebration.purpose ? words.labels.codes.purpose[celebration.purpose] : '';
    return [purpose, words.guest(celebration.guestName)].filter(Boolean).join('  ');
  });
}

export function standingMark(words: Words): string {
  return words.lang === 'ja' ? `【${words.labels.sheet.standing}】` : `[${words.labels.sheet.standing}] `;
}

export function avoidReasons(words: Words, dish: AvoidDish): string {
  const reasons = dish.reasons.map((reason) => {
    const label = words.labels.codes.avoidReason[reason];
    if (reason === 'allergen' && dish.severity) return `${label}${words.paren(words.severity(dish.severity))}`;
    if (reason === 'served' && dish.lastServed) return `${label} ${words.shortDay(dish.lastServed)}`;
    return label;
  });
  return words.list(reasons);
}

export function mealTitle(words: Words, menu: MenuPlan): string {
  const meal = words.labels.codes.meal[menu.meal];
  return [`${meal} ${words.shortDay(menu.date)}`, menu.courseName].filter(Boolean).join('  ·  ');
}

/** Plans the kitchen will cook: cancelled ones are history, not instructions. */
export function activeMenus(arrival: Arrival): MenuPlan[] {
  return arrival.menus.filter((menu) => menu.status !== 'cancelled');
}

export function isFlagged(dish: DishWarning): boolean {
  return dish.allergies.length > 0 || dish.servedBefore.length > 0 || dish.reactions.length > 0;
}

/** Every flag on a planned dish, one phrase each, most severe first. */
export function dishFlags(words: Words, dish: DishWarning): { text: string; severity: Severity | null }[] {
  const flags: { text: string; severity: Severity | null }[] = bySeverity(dish.allergies).map((allergy) => ({
    text: `${words.allergen(allergy)}: ${words.list([words.severity(allergy.severity), tracesText(words, allergy)])}${words.paren(words.guest(allergy.guestName))}`,
    severity: allergy.severity,
  }));
  const { avoidReason, reaction } = words.labels.codes;
  if (dish.servedBefore.length > 0) {
    const dates = dish.servedBefore.map((served) => words.shortDay(served.date));
    flags.push({ text: `${avoidReason.served} ${words.list(dates)}`, severity: null });
  }
  for (const seen of dish.reactions) {
    flags.push({ text: `${reaction[seen.reaction]} ${words.shortDay(seen.date)}`, severity: null });
  }
  if (dish.alternatives.length > 0 && flags.length > 0) {
    flags.push({ text: `→ ${words.list(dish.alternatives.map((alt) => alt.name))}`, severity: null });
  }
  return flags;
}

/** Free allergens no dish records (アルコール, 生もの…): the kitchen checks them by hand. */
export function uncheckedLines(words: Words, menu: MenuPlan): { text: string; severity: Severity }[] {
  return bySeverity(menu.uncheckedAllergies).map((unchecked) => ({
    text: `※ ${unchecked.name}: ${words.severity(unchecked.severity)}${words.paren(words.guest(unchecked.guestName))}`,
    severity: unchecked.severity,
  }));
}
