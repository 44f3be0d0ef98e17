// The kitchen sheet (調理場シート): one table for the whole day, a row per arriving party, so the 板場 sees
// every allergen, every dish to avoid and every flag on the planned menus at once. The header row repeats
// on each page; an anaphylaxis is red and bold wherever it appears.

import type { Arrival, Arrivals } from '../../shared/contract/arrivals.ts';
import {
  AREA,
  box,
  type Cell,
  type Doc,
  drawRow,
  drawRun,
  INK,
  openSheet,
  type Run,
  rowHeight,
  rule,
  type SheetOptions,
} from './layout.ts';
import {
  activeMenus,
  avoidReasons,
  bySeverity,
  dishFlags,
  isFlagged,
  leadOf,
  roomsOf,
  severityColor,
  tracesText,
  uncheckedLines,
} from './phrases.ts';
import { type SheetLanguage, sheetWords, type Words } from './words.ts';

const PAD = 4;
/** Column widths in points; they add up to the page's writable width. */
const COLUMNS = [50, 100, 150, 100, AREA.width - 400] as const;

function cells(runs: Run[][]): Cell[] {
  return runs.map((column, i) => ({ width: COLUMNS[i] ?? 0, runs: column }));
}

function pageHeader(doc: Doc, words: Words, arrivals: Arrivals): number {
  const { sheet } = words.labels;
  const { totals } = arrivals;
  drawRun(doc, { text: sheet.kitchenTitle, bold: true, size: 15 }, AREA.left, AREA.top, AREA.width / 2);
  const day: Run = { text: words.day(arrivals.date), bold: true, size: 12 };
  drawRun(doc, day, AREA.left + AREA.width / 2, AREA.top + 3, AREA.width / 2, 'right');
  const summary = [
    words.party(totals.adults, totals.children),
    `${words.severity('anaphylaxis')} ${totals.anaphylaxis}`,
  ].join('  ·  ');
  const color = totals.anaphylaxis > 0 ? INK.danger : INK.text;
  const y = AREA.top + 24;
  const height = drawRun(
    doc,
    { text: summary, size: 10, bold: totals.anaphylaxis > 0, color },
    AREA.left,
    y,
    AREA.width,
  );
  rule(doc, y + height + 4);
  return y + height + 10;
}

function headerRow(words: Words): Cell[] {
  const { sheet } = words.labels;
  const head = (text: string): Run[] => [{ text, bold: true, size: 9 }];
  return cells([
    head(sheet.room),
    head(sheet.guest),
    head(sheet.allergies),
    head(sheet.dishesToAvoid),
    head(sheet.menu),
  ]);
}

function allergyRuns(words: Words, arrival: Arrival): Run[] {
  const { sheet } = words.labels;
  return bySeverity(arrival.allergies).map((allergy) => {
    const severe = allergy.severity === 'anaphylaxis';
    const parts = [words.severity(allergy.severity), tracesText(words, allergy)];
    if (allergy.reconfirmDue) parts.push(sheet.reconfirm);
    return {
      text: `${words.allergen(allergy)}: ${words.list(parts)}${words.paren(words.guest(allergy.guestName))}`,
      bold: severe || allergy.severity === 'allergy',
      size: severe ? 10 : 9,
      color: severityColor(allergy.severity),
    };
  });
}

function menuRuns(words: Words, arrival: Arrival): Run[] {
  const runs: Run[] = [];
  for (const menu of activeMenus(arrival)) {
    const meal = words.labels.codes.meal[menu.meal];
    for (const dish of menu.dishes.filter(isFlagged)) {
      runs.push({ text: `${meal}: ${dish.dishName}`, bold: true, size: 9, color: severityColor(dish.worstSeverity) });
      for (const flag of dishFlags(words, dish)) {
        runs.push({ text: `  ${flag.text}`, size: 8.5, color: severityColor(flag.severity) });
      }
    }
    for (const line of uncheckedLines(words, menu)) {
      runs.push({ text: line.text, bold: true, size: 8.5, color: severityColor(line.severity) });
    }
  }
  return runs;
}

function arrivalRow(words: Words, arrival: Arrival): Cell[] {
  const none: Run[] = [{ text: words.labels.sheet.none, size: 9, color: INK.muted }];
  const lead = leadOf(arrival);
  const { stay } = arrival;
  const avoid: Run[] = arrival.dishesToAvoid.map((dish) => ({
    text: `${dish.dishName}${words.paren(avoidReasons(words, dish))}`,
    size: 9,
    color: severityColor(dish.severity),
  }));
  if (arrival.moreDishesToAvoid > 0) {
    avoid.push({
      text: words.count('moreDishes', arrival.moreDishesToAvoid),
      size: 9,
      color: INK.muted,
    });
  }
  const allergies = allergyRuns(words, arrival);
  const menu = menuRuns(words, arrival);
  return cells([
    [{ text: roomsOf(arrival), bold: true, size: 11 }],
    [
      { text: words.guest(lead.name), bold: true, size: 10 },
      { text: lead.reading, size: 7.5, color: INK.muted },
      { text: words.party(stay.adults, stay.children), size: 8 },
    ],
    allergies.length > 0 ? allergies : none,
    avoid.length > 0 ? avoid : none,
    menu.length > 0 ? menu : none,
  ]);
}

function drawTableRow(doc: Doc, row: Cell[], y: number, fills: (string | undefined)[]): number {
  const height = rowHeight(doc, row, PAD);
  let x = AREA.left;
  row.forEach((cell, i) => {
    box(doc, x, y, cell.width, height, INK.rule, fills[i]);
    x += cell.width;
  });
  drawRow(doc, row, AREA.left, y, PAD);
  return height;
}

/** The kitchen's table of the day. */
export async function makeKitchenPdf(
  arrivals: Arrivals,
  lang: SheetLanguage,
  options: SheetOptions = {},
): Promise<Buffer> {
  const words = sheetWords(lang);
  const sheet = openSheet(`${words.labels.sheet.kitchenTitle} ${words.day(arrivals.date)}`, lang);
  const { doc } = sheet;
  const header = headerRow(words);
  const headFills = header.map(() => INK.headFill);
  let y = 0;
  const newPage = () => {
    doc.addPage();
    y = pageHeader(doc, words, arrivals);
    y += drawTableRow(doc, header, y, headFills);
  };
  newPage();
  if (arrivals.arrivals.length === 0) {
    drawRun(doc, { text: words.labels.sheet.noArrivals, size: 11 }, AREA.left + PAD, y + 8, AREA.width);
  }
  for (const arrival of arrivals.arrivals) {
    const row = arrivalRow(words, arrival);
    if (y + rowHeight(doc, row, PAD) > AREA.bottom) newPage();
    const severe = arrival.allergies.some((allergy) => allergy.severity === 'anaphylaxis');
    y += drawTableRow(doc, row, y, [undefined, undefined, severe ? INK.dangerFill : undefined]);
  }
  return sheet.finish(words, options);
}
