// What one room says on the kitchen sheet, as rows of running text: who (room, lead guest, party), then the
// party's allergens with their severity (bold, first), the dishes to avoid as one list wrapping on the full
// width, and the flags on the planned menus. Compact on purpose: a typical room takes three to six lines, so
// four or more rooms share an A4 page. Nothing is shortened away: every allergy, every dish and every flag
// the arrival carries is written out.

import type { Arrival } from '../../shared/contract/arrivals.ts';
import type { MenuPlan } from '../../shared/contract/kitchen.ts';
import {
  type AvoidDish,
  type AvoidGroup,
  type AvoidReason,
  groupDishesToAvoid,
} from '../../shared/kitchen/avoid-groups.ts';
import { mutedWord, type Word } from './flow.ts';
import { INK, type Run } from './layout.ts';
import {
  activeMenus,
  bySeverity,
  dishFlags,
  isFlagged,
  leadOf,
  roomsOf,
  severityColor,
  tracesText,
} from './phrases.ts';
import type { Words } from './words.ts';

/** Font sizes of a room's block, in points. */
export const SIZE = { room: 12, lead: 10, text: 8.5, small: 7.5, label: 7.5 } as const;

/** A row of a room's block: a label at the left and running text beside it. */
export type RoomRow = { label: Run; words: Word[]; fill?: string; danger?: boolean };
/** `continued` heads the part of a room that goes on over a page break: the room and lead, and （続き）. */
export type RoomBlock = { heading: RoomRow; continued: RoomRow; rows: RoomRow[] };

const label = (text: string): Run => ({ text, bold: true, size: SIZE.label, color: INK.muted });
/** The 「・」 between the items of one list (a comma in English). */
const dot = (words: Words) => (words.lang === 'ja' ? '・' : ', ');
const gap = (words: Words) => (words.lang === 'ja' ? '　' : '   ');

function headingWords(words: Words, arrival: Arrival): Word[] {
  const lead = leadOf(arrival);
  const { stay } = arrival;
  return [
    [{ text: `${words.guest(lead.name)} `, bold: true, size: SIZE.lead }],
    [{ text: `${lead.reading}  `, size: SIZE.small, color: INK.muted }],
    [
      {
        text: [words.party(stay.adults, stay.children), words.count('nights', stay.nights)].join('  ·  '),
        size: SIZE.text,
      },
    ],
  ];
}

function allergyWords(words: Words, arrival: Arrival): Word[] {
  const { sheet } = words.labels;
  const list = bySeverity(arrival.allergies);
  return list.map((allergy, i) => {
    const parts = [words.severity(allergy.severity), tracesText(words, allergy)];
    if (allergy.reconfirmDue) parts.push(sheet.reconfirm);
    const text = `${words.allergen(allergy)}: ${words.list(parts)}${words.paren(words.guest(allergy.guestName))}`;
    const severe = allergy.severity === 'anaphylaxis';
    return [
      { text, bold: true, size: severe ? SIZE.text + 1 : SIZE.text, color: severityColor(allergy.severity) },
      { text: i < list.length - 1 ? gap(words) : '', size: SIZE.text },
    ];
  });
}

/** How a dish's reason reads: the day with a repeat, so the date is never lost. */
function reasonText(words: Words, reason: AvoidReason, dish: AvoidDish): string {
  const { avoidReason } = words.labels.codes;
  return reason === 'served' && dish.lastServed
    ? `${avoidReason.served} ${words.shortDay(dish.lastServed)}`
    : avoidReason[reason];
}

function groupTitle(words: Words, group: AvoidGroup): string {
  const { avoidReason } = words.labels.codes;
  if (group.severity) return words.severity(group.severity);
  if (group.reason === 'served' && group.date) return `${avoidReason.served} ${words.shortDay(group.date)}`;
  return avoidReason[group.reason];
}

/** The dishes to avoid as one list: each group's title once, then its dishes joined by 「・」. */
function avoidWords(words: Words, arrival: Arrival): Word[] {
  const result: Word[] = [];
  const groups = groupDishesToAvoid(arrival.dishesToAvoid);
  groups.forEach((group, g) => {
    const color = severityColor(group.severity);
    const allergen = group.severity !== null;
    const title: Run = {
      text: `${groupTitle(words, group)}: `,
      bold: true,
      size: SIZE.small,
      color: allergen ? color : INK.muted,
    };
    group.dishes.forEach(({ dish, otherReasons }, i) => {
      const last = i === group.dishes.length - 1;
      const others = words.list(otherReasons.map((reason) => reasonText(words, reason, dish)));
      const word: Word = [
        { text: dish.dishName, bold: allergen, size: SIZE.text, color },
        { text: others ? words.paren(others) : '', size: SIZE.small, color },
        { text: last ? (g < groups.length - 1 ? gap(words) : '') : dot(words), size: SIZE.text, color },
      ];
      // The group's title goes with its first dish, so it never ends a line alone.
      result.push(i === 0 ? [title, ...word] : word);
    });
  });
  if (arrival.moreDishesToAvoid > 0) {
    result.push(mutedWord(`${gap(words)}${words.count('moreDishes', arrival.moreDishesToAvoid)}`, SIZE.small));
  }
  return result;
}

function menuTitle(words: Words, menu: MenuPlan, date: string): string {
  const meal = words.labels.codes.meal[menu.meal];
  const when = menu.date === date ? meal : `${meal} ${words.shortDay(menu.date)}`;
  return [when, menu.courseName].filter(Boolean).join(' ');
}

function menuWords(words: Words, arrival: Arrival, date: string): Word[] {
  const result: Word[] = [];
  const menus = activeMenus(arrival);
  menus.forEach((menu, m) => {
    const title: Run = { text: `${menuTitle(words, menu, date)}: `, bold: true, size: SIZE.small, color: INK.muted };
    const items: Word[] = [];
    const flagged = menu.dishes.filter(isFlagged);
    flagged.forEach((dish, i) => {
      const flags = dishFlags(words, dish);
      const color = severityColor(dish.worstSeverity);
      const name: Run = { text: dish.dishName, bold: true, size: SIZE.text, color };
      const end = i === flagged.length - 1 ? '' : dot(words);
      if (flags.length === 0) {
        items.push([name, { text: end, size: SIZE.text }]);
        return;
      }
      // The name with its first flag, then each further flag as its own word: a long dish wraps between flags.
      flags.forEach((flag, f) => {
        const open = f === 0 ? (words.lang === 'ja' ? '（' : ' (') : '';
        const close =
          f === flags.length - 1 ? `${words.lang === 'ja' ? '）' : ')'}${end}` : words.lang === 'ja' ? '、' : ', ';
        const text: Run = {
          text: `${open}${flag.text}${close}`,
          size: SIZE.small,
          color: severityColor(flag.severity),
        };
        items.push(f === 0 ? [name, text] : [text]);
      });
    });
    for (const unchecked of bySeverity(menu.uncheckedAllergies)) {
      const text = `※ ${unchecked.name}: ${words.severity(unchecked.severity)}${words.paren(words.guest(unchecked.guestName))}`;
      items.push([
        { text: `${gap(words)}${text}`, bold: true, size: SIZE.small, color: severityColor(unchecked.severity) },
      ]);
    }
    if (items.length === 0) items.push(mutedWord(words.labels.sheet.none, SIZE.small));
    const [first, ...rest] = items;
    result.push([title, ...(first ?? [])], ...rest);
    if (m < menus.length - 1) result.push([{ text: gap(words), size: SIZE.text }]);
  });
  return result;
}

/** A room's block on the kitchen sheet of `date`. */
export function roomBlock(words: Words, arrival: Arrival, date: string): RoomBlock {
  const { sheet } = words.labels;
  const none = (): Word[] => [mutedWord(sheet.none, SIZE.text)];
  const allergies = allergyWords(words, arrival);
  const avoid = avoidWords(words, arrival);
  const menus = menuWords(words, arrival, date);
  const anaphylaxis = arrival.allergies.some((allergy) => allergy.severity === 'anaphylaxis');
  const room: Run = { text: roomsOf(arrival), bold: true, size: SIZE.room };
  const lead = `${words.guest(leadOf(arrival).name)}${sheet.continued}`;
  return {
    heading: { label: room, words: headingWords(words, arrival), fill: INK.headFill },
    // A cook who turns to the next page must not have to turn back for the allergies: they head it again.
    continued: {
      label: room,
      words: [[{ text: lead, bold: true, size: SIZE.lead }], ...allergies],
      fill: anaphylaxis ? INK.dangerFill : INK.headFill,
      danger: anaphylaxis,
    },
    rows: [
      {
        label: label(sheet.allergiesShort),
        words: allergies.length > 0 ? allergies : none(),
        fill: anaphylaxis ? INK.dangerFill : undefined,
        danger: anaphylaxis,
      },
      { label: label(sheet.dishesToAvoid), words: avoid.length > 0 ? avoid : none() },
      { label: label(sheet.menu), words: menus.length > 0 ? menus : none() },
    ],
  };
}
