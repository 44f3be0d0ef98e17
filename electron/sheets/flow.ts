// Running text in mixed styles, broken into lines by hand: a red, bold dish name and the plain words after
// it flow on one line and wrap on the full width, which pdfkit's own wrapping cannot measure beforehand.
// Lines are laid out first and drawn later, so a caller knows each line's height (and can move a block to
// the next page, or continue it there) before anything is on paper.

import { type Doc, INK, type Run, style } from './layout.ts';

/** Pieces kept on one line when they fit together (a dish with its mark and separator); else broken. */
export type Word = Run[];

type Placed = { run: Run; x: number; source?: Run };
/** One laid-out line: its pieces with their offsets from the line's left edge. */
export type Line = { pieces: Placed[]; height: number; size: number };

/** Line height and baseline as multiples of the line's largest font size (Noto Sans JP fits in them). */
const LINE_HEIGHT = 1.32;
const BASELINE = 1.06;

function widthOf(doc: Doc, run: Run, text = run.text): number {
  style(doc, run);
  return doc.widthOfString(text);
}

/**
 * The smallest pieces a word too long for a line is broken into: a Latin word with the space after it, or
 * one character; closing punctuation (、。・）…) stays with what comes before it, so no line starts with it.
 */
function atoms(text: string): string[] {
  const found = text.match(/[A-Za-z0-9'’.\-/]+\s*|\s+|./gu) ?? [];
  const merged: string[] = [];
  for (const atom of found) {
    if (merged.length > 0 && /^[、。・，．）」』〕】:：,.;)]/.test(atom)) merged[merged.length - 1] += atom;
    else merged.push(atom);
  }
  return merged;
}

/** Lays words out in lines of `width`; a word goes whole to the next line unless it is longer than a line. */
export function layLines(doc: Doc, words: Word[], width: number): Line[] {
  const lines: Line[] = [];
  let pieces: Placed[] = [];
  let x = 0;
  const close = () => {
    if (pieces.length === 0) return;
    const size = Math.max(...pieces.map((piece) => piece.run.size ?? 10));
    lines.push({ pieces, height: size * LINE_HEIGHT, size });
    pieces = [];
    x = 0;
  };
  const place = (run: Run, text: string, w: number) => {
    // A line never starts with the space that separated it from the line before.
    if (x === 0 && text.trim() === '') return;
    const last = pieces[pieces.length - 1];
    // Consecutive bits of one run are one piece: fewer text objects, and copied text stays whole.
    if (last && last.source === run) last.run = { ...run, text: last.run.text + text };
    else pieces.push({ run: { ...run, text }, x, source: run });
    x += w;
  };
  for (const word of words) {
    const runs = word.filter((run) => run.text !== '');
    const w = runs.reduce((sum, run) => sum + widthOf(doc, run), 0);
    if (x > 0 && x + w > width && w <= width) close();
    if (x + w <= width) {
      for (const run of runs) place(run, run.text, widthOf(doc, run));
      continue;
    }
    // Longer than a line: break it where it has to break, piece by piece.
    for (const run of runs) {
      for (const atom of atoms(run.text)) {
        const aw = widthOf(doc, run, atom);
        if (x > 0 && x + aw > width && atom.trim() !== '') close();
        place(run, atom, aw);
      }
    }
  }
  close();
  return lines;
}

export function linesHeight(lines: Line[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

/** Draws one line with its top-left at (x, y), every piece on one baseline; returns its height. */
export function drawLine(doc: Doc, line: Line, x: number, y: number): number {
  const baseline = y + line.size * BASELINE;
  for (const piece of line.pieces) {
    style(doc, piece.run);
    doc.text(piece.run.text, x + piece.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }
  return line.height;
}

/** A muted word, for 'none' and counts. */
export function mutedWord(text: string, size: number): Word {
  return [{ text, size, color: INK.muted }];
}
