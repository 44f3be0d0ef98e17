// The per-room briefing sheet (客室別ご案内シート): one page per arriving party, for the 仲居 who looks after
// the room. Everything the arrivals screen shows, on paper: who comes, how often they came before, what to
// celebrate, allergies (an anaphylaxis in a bold red box), requests, dishes to avoid and tonight's menu.

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
  allergyWho,
  avoidReasons,
  bySeverity,
  celebrationLines,
  dishFlags,
  leadOf,
  mealTitle,
  partyLine,
  roomsOf,
  severityColor,
  standingMark,
  tracesText,
  uncheckedLines,
  visitLine,
} from './phrases.ts';
import { personName, type SheetLanguage, sheetWords, type Words } from './words.ts';

const LABEL_WIDTH = 120;
const PAD = 3;

/** Where the next block goes; a block that does not fit starts a new page with a short header. */
type Flow = { y: number; fit(height: number): void };

function pageHeader(doc: Doc, words: Words, date: string): number {
  const { sheet } = words.labels;
  drawRun(doc, { text: sheet.briefingTitle, size: 9, color: INK.muted }, AREA.left, AREA.top, AREA.width / 2);
  const day: Run = { text: words.day(date), bold: true, size: 10 };
  drawRun(doc, day, AREA.left + AREA.width / 2, AREA.top, AREA.width / 2, 'right');
  const y = AREA.top + 16;
  rule(doc, y);
  return y + 8;
}

function startRoom(doc: Doc, words: Words, date: string, arrival: Arrival): Flow {
  doc.addPage();
  const flow: Flow = {
    y: pageHeader(doc, words, date),
    fit(height) {
      if (flow.y + height <= AREA.bottom) return;
      doc.addPage();
      flow.y = pageHeader(doc, words, date);
      // A continued page names the room again, so a loose page still says whose it is.
      const lead = leadOf(arrival);
      const run: Run = { text: `${roomsOf(arrival)}  ${words.guest(lead.name)}`, bold: true, size: 12 };
      flow.y += drawRun(doc, run, AREA.left, flow.y, AREA.width) + 6;
    },
  };
  return flow;
}

function roomHeading(doc: Doc, words: Words, flow: Flow, arrival: Arrival): void {
  const { sheet } = words.labels;
  const lead = leadOf(arrival);
  const left: Cell = {
    width: 150,
    runs: [
      { text: sheet.room, size: 9, color: INK.muted },
      { text: roomsOf(arrival), bold: true, size: arrival.stay.rooms.length > 2 ? 22 : 34 },
    ],
  };
  const right: Cell = {
    width: AREA.width - left.width,
    runs: [
      { text: words.guest(lead.name), bold: true, size: 20 },
      { text: lead.reading, size: 9, color: INK.muted },
      { text: partyLine(words, arrival), size: 10.5 },
      { text: visitLine(words, arrival), size: 10.5, bold: arrival.visitCount > 0 },
    ],
  };
  flow.y += drawRow(doc, [left, right], AREA.left, flow.y, 0) + 4;
  const others = arrival.stay.party.filter((member) => !member.lead).map((member) => words.guest(personName(member)));
  if (others.length > 0) {
    const line = `${sheet.guest}: ${words.list([words.guest(lead.name), ...others])}`;
    flow.y += drawRun(doc, { text: line, size: 10 }, AREA.left, flow.y, AREA.width) + 2;
  }
}

/** A labelled row: the label on the left, the lines on the right. */
function entry(label: Run, runs: Run[]): Cell[] {
  return [
    { width: LABEL_WIDTH, runs: [label] },
    { width: AREA.width - LABEL_WIDTH, runs },
  ];
}

/** One row of a section; a boxed row (an anaphylaxis) gets a red frame and more air. */
type Block = { cells: Cell[]; boxed?: boolean };

const BOX_PAD = 7;
const BOX_GAP = 3;

function blockHeight(doc: Doc, block: Block): number {
  return block.boxed ? rowHeight(doc, block.cells, BOX_PAD) + 2 * BOX_GAP : rowHeight(doc, block.cells, PAD);
}

function drawBlock(doc: Doc, flow: Flow, block: Block): void {
  if (!block.boxed) {
    flow.y += drawRow(doc, block.cells, AREA.left, flow.y, PAD);
    return;
  }
  const height = rowHeight(doc, block.cells, BOX_PAD);
  box(doc, AREA.left, flow.y + BOX_GAP, AREA.width, height, INK.danger, INK.dangerFill);
  drawRow(doc, block.cells, AREA.left, flow.y + BOX_GAP, BOX_PAD);
  flow.y += height + 2 * BOX_GAP;
}

function section(doc: Doc, words: Words, flow: Flow, title: string, blocks: Block[]): void {
  const heading: Run = { text: title, bold: true, size: 11.5 };
  const rows =
    blocks.length > 0
      ? blocks
      : [{ cells: entry({ text: '' }, [{ text: words.labels.sheet.none, color: INK.muted }]) }];
  const headingHeight = rowHeight(doc, [{ width: AREA.width, runs: [heading] }], 0) + 4;
  // Keep the heading with its first row.
  flow.fit(10 + headingHeight + blockHeight(doc, rows[0] as Block));
  flow.y += 10;
  drawRun(doc, heading, AREA.left, flow.y, AREA.width);
  flow.y += headingHeight - 2;
  rule(doc, flow.y, INK.faint);
  flow.y += 2;
  for (const block of rows) {
    flow.fit(blockHeight(doc, block));
    drawBlock(doc, flow, block);
  }
}

function allergyBlocks(words: Words, arrival: Arrival): Block[] {
  const { sheet } = words.labels;
  return bySeverity(arrival.allergies).map((allergy) => {
    const severe = allergy.severity === 'anaphylaxis';
    const color = severityColor(allergy.severity);
    const runs: Run[] = [
      { text: allergyWho(words, allergy), bold: allergy.severity !== 'dislike', size: severe ? 13 : 11, color },
      { text: tracesText(words, allergy), size: 10, bold: !allergy.tracesOk && severe, color },
    ];
    if (allergy.reconfirmDue) runs.push({ text: `▲ ${sheet.reconfirm}`, bold: true, size: 10, color: INK.warn });
    if (allergy.note) runs.push({ text: allergy.note, size: 9.5, color: INK.muted });
    const label: Run = { text: words.severity(allergy.severity), bold: true, size: severe ? 12 : 10.5, color };
    return { cells: entry(label, runs), boxed: severe };
  });
}

function requestBlocks(words: Words, arrival: Arrival): Block[] {
  const { codes } = words.labels;
  return arrival.requests.map((request) => ({
    cells: entry({ text: codes.requestCategory[request.category], bold: true, size: 10 }, [
      { text: `${request.standing ? standingMark(words) : ''}${request.text}`, size: 10.5 },
    ]),
  }));
}

function avoidBlocks(words: Words, arrival: Arrival): Block[] {
  const blocks: Block[] = arrival.dishesToAvoid.map((dish) => ({
    cells: entry({ text: dish.dishName, bold: true, size: 10, color: severityColor(dish.severity) }, [
      { text: avoidReasons(words, dish), size: 10, color: severityColor(dish.severity) },
    ]),
  }));
  if (arrival.moreDishesToAvoid > 0) {
    const more = words.count('moreDishes', arrival.moreDishesToAvoid);
    blocks.push({ cells: [{ width: AREA.width, runs: [{ text: more, size: 9, color: INK.muted }] }] });
  }
  return blocks;
}

function menuBlocks(words: Words, arrival: Arrival): Block[] {
  const { codes } = words.labels;
  const rows: Block[] = [];
  for (const menu of activeMenus(arrival)) {
    rows.push({ cells: [{ width: AREA.width, runs: [{ text: mealTitle(words, menu), bold: true, size: 10.5 }] }] });
    for (const dish of menu.dishes) {
      const flags = dishFlags(words, dish);
      const worst = severityColor(dish.worstSeverity);
      rows.push({
        cells: entry({ text: codes.dishCategory[dish.category], size: 9.5, color: INK.muted }, [
          { text: dish.dishName, size: 10.5, bold: flags.length > 0, color: worst },
          ...flags.map((flag) => ({ text: flag.text, size: 9.5, color: severityColor(flag.severity) })),
        ]),
      });
    }
    for (const line of uncheckedLines(words, menu)) {
      const run: Run = { text: line.text, size: 9.5, bold: true, color: severityColor(line.severity) };
      rows.push({ cells: entry({ text: '' }, [run]) });
    }
  }
  return rows;
}

function drawArrival(doc: Doc, words: Words, date: string, arrival: Arrival): void {
  const { sheet } = words.labels;
  const flow = startRoom(doc, words, date, arrival);
  roomHeading(doc, words, flow, arrival);
  const celebrations = celebrationLines(words, arrival).map((line) => ({
    cells: [{ width: AREA.width, runs: [{ text: `◎ ${line}`, size: 11, bold: true }] }],
  }));
  if (celebrations.length > 0) section(doc, words, flow, sheet.celebrations, celebrations);
  section(doc, words, flow, sheet.allergies, allergyBlocks(words, arrival));
  section(doc, words, flow, sheet.requests, requestBlocks(words, arrival));
  section(doc, words, flow, sheet.dishesToAvoid, avoidBlocks(words, arrival));
  section(doc, words, flow, sheet.menu, menuBlocks(words, arrival));
}

/** The briefing sheets of a day (or of one stay, when the arrivals were asked for one). */
export async function makeBriefingPdf(
  arrivals: Arrivals,
  lang: SheetLanguage,
  options: SheetOptions = {},
): Promise<Buffer> {
  const words = sheetWords(lang);
  const sheet = openSheet(`${words.labels.sheet.briefingTitle} ${words.day(arrivals.date)}`, lang);
  const { doc } = sheet;
  if (arrivals.arrivals.length === 0) {
    doc.addPage();
    const y = pageHeader(doc, words, arrivals.date);
    drawRun(doc, { text: words.labels.sheet.noArrivals, size: 12 }, AREA.left, y + 12, AREA.width);
  }
  for (const arrival of arrivals.arrivals) drawArrival(doc, words, arrivals.date, arrival);
  return sheet.finish(words, options);
}
