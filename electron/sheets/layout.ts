// Page furniture shared by the printed sheets: an A4 portrait pdfkit document with the Japanese font,
// text runs that can be measured before they are drawn (so a block never splits across a page),
// rows of cells, and the footer (printed at, page x / y) stamped on every page at the end.

import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import type { Words } from './words.ts';

export type Doc = PDFKit.PDFDocument;

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const FOOTER_SPACE = 22;
/** The writable area of every page; the strip below `bottom` is the footer's. */
export const AREA = {
  left: MARGIN,
  top: MARGIN,
  width: A4.width - 2 * MARGIN,
  right: A4.width - MARGIN,
  bottom: A4.height - MARGIN - FOOTER_SPACE,
};

export const INK = {
  text: '#111111',
  muted: '#5a5a5a',
  rule: '#8a8a8a',
  faint: '#d4d4d4',
  danger: '#c00000',
  dangerFill: '#fdeaea',
  warn: '#8a4b00',
  headFill: '#ececec',
};

/** A piece of text in one style. Sizes are points. */
export type Run = { text: string; bold?: boolean; size?: number; color?: string };
/** A column of runs stacked top to bottom. */
export type Cell = { width: number; runs: Run[] };

const LINE_GAP = 1;

// Noto Sans JP (SIL OFL) from @expo-google-fonts/noto-sans-jp. pdfkit embeds only the glyphs a sheet uses,
// with a ToUnicode map, so the PDF stays small and its text can be searched and copied.
let fontFiles: { regular: string; bold: string } | undefined;
function fonts(): { regular: string; bold: string } {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    fontFiles = {
      regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
      bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
    };
  }
  return fontFiles;
}

export type SheetOptions = {
  /** When the sheet is printed (the footer says so); now when omitted. */
  now?: Date;
  /** The inn's time zone (its setting), in which the footer tells that moment; Asia/Tokyo when omitted. */
  timeZone?: string;
};

export type Sheet = {
  doc: Doc;
  /** Stamps the footers and ends the document. */
  finish(words: Words, options: SheetOptions): Promise<Buffer>;
};

export function openSheet(title: string, lang: string): Sheet {
  const files = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: A4.height - AREA.bottom },
    autoFirstPage: false,
    bufferPages: true,
    // The Japanese font from the start: no standard (Latin-only) font is ever loaded.
    font: files.regular,
    lang: lang === 'ja' ? 'ja-JP' : 'en',
    displayTitle: true,
    info: { Title: title, Creator: 'Yadocho', Producer: 'Yadocho' },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish(words, options) {
      stampFooters(doc, words, options.now ?? new Date(), options.timeZone ?? DEFAULT_TIME_ZONE);
      doc.end();
      return ended;
    },
  };
}

export function style(doc: Doc, run: Run): void {
  // Fonts are named by their file: pdfkit caches a font under the name it was first opened with, and the
  // constructor opened the regular one by its path (a registered alias would re-read the file on every use).
  const files = fonts();
  doc
    .font(run.bold ? files.bold : files.regular)
    .fontSize(run.size ?? 10)
    .fillColor(run.color ?? INK.text);
}

export function runHeight(doc: Doc, run: Run, width: number): number {
  if (run.text === '') return 0;
  style(doc, run);
  return doc.heightOfString(run.text, { width, lineGap: LINE_GAP });
}

/** Draws a run with its top-left at (x, y); returns its height. */
export function drawRun(
  doc: Doc,
  run: Run,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'right' = 'left',
): number {
  if (run.text === '') return 0;
  const height = runHeight(doc, run, width);
  doc.text(run.text, x, y, { width, lineGap: LINE_GAP, align });
  return height;
}

export function cellHeight(doc: Doc, cell: Cell, pad: number): number {
  const inner = cell.width - 2 * pad;
  return cell.runs.reduce((sum, run) => sum + runHeight(doc, run, inner), 0) + 2 * pad;
}

export function rowHeight(doc: Doc, cells: Cell[], pad: number): number {
  return Math.max(0, ...cells.map((cell) => cellHeight(doc, cell, pad)));
}

/** Draws cells side by side from x; returns the row's height. */
export function drawRow(doc: Doc, cells: Cell[], x: number, y: number, pad: number): number {
  let left = x;
  for (const cell of cells) {
    let top = y + pad;
    for (const run of cell.runs) top += drawRun(doc, run, left + pad, top, cell.width - 2 * pad);
    left += cell.width;
  }
  return rowHeight(doc, cells, pad);
}

export function rule(doc: Doc, y: number, color = INK.rule, width = 0.75): void {
  doc.save().moveTo(AREA.left, y).lineTo(AREA.right, y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function box(doc: Doc, x: number, y: number, w: number, h: number, stroke: string, fill?: string): void {
  doc.save().lineWidth(stroke === INK.danger ? 1.5 : 0.5);
  if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, stroke);
  else doc.rect(x, y, w, h).stroke(stroke);
  doc.restore();
}

function stampFooters(doc: Doc, words: Words, now: Date, timeZone: string): void {
  const range = doc.bufferedPageRange();
  const printed = words.fill(words.labels.sheet.printedAt, { at: words.printedAt(now, timeZone) });
  const y = AREA.bottom + 8;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin while stamping.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const page = words.fill(words.labels.sheet.page, { page: i + 1, pages: range.count });
    style(doc, { text: '', size: 8, color: INK.muted });
    doc.text(printed, AREA.left, y, { width: AREA.width / 2, lineBreak: false });
    doc.text(page, AREA.left + AREA.width / 2, y, { width: AREA.width / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
