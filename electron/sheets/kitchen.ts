// The kitchen sheet (調理場シート): the whole day for the 板場, a block per arriving party in room order, each
// block saying the party's allergens first (an anaphylaxis red and bold on a red band), then the dishes to
// avoid and the flags on the planned menus (kitchen-room.ts). A block is never split across pages: one that
// does not fit moves whole to the next page; only a room taller than a page goes on over the break, its
// heading repeated with (続き), and no line of text is ever cut.

import type { Arrivals } from '../../shared/contract/arrivals.ts';
import { drawLine, type Line, layLines, linesHeight } from './flow.ts';
import { type RoomBlock, type RoomRow, roomBlock } from './kitchen-room.ts';
import { AREA, box, type Doc, drawRun, INK, openSheet, type Run, rule, type SheetOptions } from './layout.ts';
import { type SheetLanguage, sheetWords, type Words } from './words.ts';

const LABEL_WIDTH = 58;
const PAD_X = 4;
const PAD_Y = 2.5;
/** Air between two rooms. */
const BLOCK_GAP = 6;
const TEXT_WIDTH = AREA.width - LABEL_WIDTH - 2 * PAD_X;

/** A row laid out: its label's lines and its text's lines. */
type LaidRow = { row: RoomRow; label: Line[]; lines: Line[] };
type LaidBlock = { heading: LaidRow; continued: LaidRow; rows: LaidRow[] };

function layRow(doc: Doc, row: RoomRow): LaidRow {
  return {
    row,
    label: layLines(doc, [[row.label]], LABEL_WIDTH - 2 * PAD_X),
    lines: layLines(doc, row.words, TEXT_WIDTH),
  };
}

/** The height of a row showing `lines` of its text (the label shows whole beside the first of them). */
function partHeight(row: LaidRow, lines: Line[], withLabel: boolean): number {
  return Math.max(withLabel ? linesHeight(row.label) : 0, linesHeight(lines)) + 2 * PAD_Y;
}

function blockHeight(block: LaidBlock): number {
  return [block.heading, ...block.rows].reduce((sum, row) => sum + partHeight(row, row.lines, true), 0);
}

/** Draws a row with `lines` of its text at y; returns its height. */
function drawPart(doc: Doc, row: LaidRow, lines: Line[], y: number, withLabel: boolean): number {
  const height = partHeight(row, lines, withLabel);
  const stroke = row.row.danger ? INK.danger : INK.rule;
  box(doc, AREA.left, y, LABEL_WIDTH, height, INK.rule, row.row.fill);
  box(doc, AREA.left + LABEL_WIDTH, y, AREA.width - LABEL_WIDTH, height, stroke, row.row.fill);
  if (withLabel) {
    let top = y + PAD_Y;
    for (const line of row.label) top += drawLine(doc, line, AREA.left + PAD_X, top);
  }
  let top = y + PAD_Y;
  for (const line of lines) top += drawLine(doc, line, AREA.left + LABEL_WIDTH + PAD_X, top);
  return height;
}

function pageHeader(doc: Doc, words: Words, arrivals: Arrivals): number {
  const { sheet } = words.labels;
  const { totals } = arrivals;
  drawRun(doc, { text: sheet.kitchenTitle, bold: true, size: 14 }, AREA.left, AREA.top, AREA.width / 2);
  const day: Run = { text: words.day(arrivals.date), bold: true, size: 12 };
  drawRun(doc, day, AREA.left + AREA.width / 2, AREA.top + 2, AREA.width / 2, 'right');
  const summary = [
    words.count('parties', totals.parties),
    words.party(totals.adults, totals.children),
    `${words.severity('anaphylaxis')} ${totals.anaphylaxis}`,
  ].join('  ·  ');
  const color = totals.anaphylaxis > 0 ? INK.danger : INK.text;
  const y = AREA.top + 21;
  const height = drawRun(
    doc,
    { text: summary, size: 9.5, bold: totals.anaphylaxis > 0, color },
    AREA.left,
    y,
    AREA.width,
  );
  rule(doc, y + height + 3);
  return y + height + 8;
}

/** Where the next block goes, page by page. */
type Cursor = { y: number; newPage(): void };

/**
 * A room taller than a whole page, drawn row by row and line by line: where the next line does not fit, the
 * page ends and the next one starts with the room's heading and (続き); the row goes on with its label again.
 */
function drawLongBlock(doc: Doc, block: LaidBlock, cursor: Cursor): void {
  const heading = block.continued;
  cursor.y += drawPart(doc, block.heading, block.heading.lines, cursor.y, true);
  for (const row of block.rows) {
    let lines = row.lines;
    let withLabel = true;
    let fresh = false;
    while (lines.length > 0) {
      let take = 0;
      while (take < lines.length && cursor.y + partHeight(row, lines.slice(0, take + 1), withLabel) <= AREA.bottom)
        take++;
      // A line that fits on no page at all (it cannot happen at these sizes) is drawn rather than chased forever.
      if (take === 0 && fresh) take = 1;
      if (take === 0) {
        cursor.newPage();
        cursor.y += drawPart(doc, heading, heading.lines, cursor.y, true);
        withLabel = true;
        fresh = true;
        continue;
      }
      cursor.y += drawPart(doc, row, lines.slice(0, take), cursor.y, withLabel);
      lines = lines.slice(take);
      withLabel = false;
      fresh = false;
    }
  }
}

/** The kitchen's sheet of the day. */
export async function makeKitchenPdf(
  arrivals: Arrivals,
  lang: SheetLanguage,
  options: SheetOptions = {},
): Promise<Buffer> {
  const words = sheetWords(lang);
  const sheet = openSheet(`${words.labels.sheet.kitchenTitle} ${words.day(arrivals.date)}`, lang);
  const { doc } = sheet;
  const cursor: Cursor = {
    y: 0,
    newPage() {
      doc.addPage();
      cursor.y = pageHeader(doc, words, arrivals);
    },
  };
  cursor.newPage();
  const pageTop = cursor.y;
  if (arrivals.arrivals.length === 0) {
    drawRun(doc, { text: words.labels.sheet.noArrivals, size: 11 }, AREA.left, cursor.y + 8, AREA.width);
  }
  arrivals.arrivals.forEach((arrival, i) => {
    const room: RoomBlock = roomBlock(words, arrival, arrivals.date);
    const block: LaidBlock = {
      heading: layRow(doc, room.heading),
      continued: layRow(doc, room.continued),
      rows: room.rows.map((row) => layRow(doc, row)),
    };
    const height = blockHeight(block);
    if (i > 0) cursor.y += BLOCK_GAP;
    const fitsHere = cursor.y + height <= AREA.bottom;
    const fitsAPage = pageTop + height <= AREA.bottom;
    // A block that fits on a page is never split: it moves whole to the next page.
    if (!fitsHere && (fitsAPage || cursor.y > pageTop)) cursor.newPage();
    if (fitsAPage) {
      cursor.y += drawPart(doc, block.heading, block.heading.lines, cursor.y, true);
      for (const row of block.rows) cursor.y += drawPart(doc, row, row.lines, cursor.y, true);
    } else {
      drawLongBlock(doc, block, cursor);
    }
  });
  return sheet.finish(words, options);
}
