// Which code a text file is written in, and its text in slices. Japanese Excel and most Japanese systems write
// CSV in Shift_JIS (Windows' CP932, which adds ①, ㈱, NEC and IBM kanji); newer tools write UTF-8, often with a
// BOM (which Excel needs to open it). A file that is valid UTF-8 is UTF-8; otherwise it is CP932. A file that is
// partly one and partly the other (two exports pasted together) is refused: guessing would garble half of it.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { LedgerReadError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

export type DetectedText = { encoding: TextEncoding; start: number /* bytes of the byte order mark */ };

/** Decoded in slices of this many bytes, so reading can report progress, be cancelled and stop early. */
const SLICE_BYTES = 1 << 20;

function hasBom(bytes: Buffer, ...bom: number[]): boolean {
  return bom.every((byte, i) => bytes[i] === byte);
}

/** Kana, kanji and full-width forms: what a Japanese ledger's UTF-8 lines hold. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** True when the line has a byte outside ASCII (both UTF-8 and Shift_JIS text have them). */
function hasHighByte(line: Buffer): boolean {
  for (let i = 0; i < line.length; i++) if ((line[i] as number) >= 0x80) return true;
  return false;
}

/**
 * Tells the encoding. Throws `mixed_encoding` when some lines are multi-byte UTF-8 and others are not UTF-8 at
 * all; `detail` names the first line of each (physical lines, counted from 1).
 */
export function detectEncoding(bytes: Buffer): DetectedText {
  if (hasBom(bytes, 0xff, 0xfe)) return { encoding: 'utf-16le', start: 2 };
  if (hasBom(bytes, 0xfe, 0xff)) return { encoding: 'utf-16be', start: 2 };
  const start = hasBom(bytes, 0xef, 0xbb, 0xbf) ? 3 : 0;
  const body = bytes.subarray(start);
  if (isUtf8(body)) return { encoding: 'utf-8', start };
  // Not UTF-8 as a whole: look line by line. LF (0x0A) never occurs inside a Shift_JIS or UTF-8 character.
  let utf8Line = 0;
  let otherLine = 0;
  let line = 1;
  for (let from = 0; from < body.length && !(utf8Line && otherLine); line++) {
    const end = body.indexOf(0x0a, from);
    const to = end === -1 ? body.length : end;
    const text = body.subarray(from, to);
    if (hasHighByte(text)) {
      if (!isUtf8(text)) otherLine ||= line;
      else if (JAPANESE.test(text.toString('utf8'))) utf8Line ||= line;
      // A short Shift_JIS line can be valid UTF-8 by chance (ﾞ① is DE 87 40, and DE 87 is a UTF-8 letter), but
      // then it decodes to Latin, Greek or Arabic letters, not Japanese: such a line is no evidence either way.
    }
    from = to + 1;
  }
  if (utf8Line && otherLine) throw new LedgerReadError('mixed_encoding', { utf8Line, otherLine });
  // A BOM before bytes that are not UTF-8 is as mixed as it gets.
  if (start) throw new LedgerReadError('mixed_encoding', { utf8Line: 1, otherLine });
  return { encoding: 'shift_jis', start: 0 };
}

type Decoder = { write(bytes: Buffer): string; end(): string };

function decoderFor(encoding: TextEncoding): Decoder {
  if (encoding === 'shift_jis') {
    const cp932 = iconv.getDecoder('cp932');
    return { write: (bytes) => cp932.write(bytes), end: () => cp932.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * The text in slices, each with the bytes read so far. A character split between two slices is carried over
 * (the decoders are streaming). Shift_JIS bytes that CP932 has no character for throw `unreadable_text`.
 */
export function* decodeSlices(bytes: Buffer, detected: DetectedText): Generator<{ text: string; doneBytes: number }> {
  const decoder = decoderFor(detected.encoding);
  let linesBefore = 0; // line breaks in the slices already given
  const check = (text: string, doneBytes: number) => {
    // U+FFFD cannot be written in CP932, so in a Shift_JIS file it marks bytes that are not text in that code.
    const bad = detected.encoding === 'shift_jis' ? text.indexOf('\uFFFD') : -1;
    if (bad !== -1) {
      const line = linesBefore + countLineBreaks(text.slice(0, bad)) + 1;
      throw new LedgerReadError('unreadable_text', { line });
    }
    linesBefore += countLineBreaks(text);
    return { text, doneBytes };
  };
  for (let from = detected.start; from < bytes.length; from += SLICE_BYTES) {
    const to = Math.min(bytes.length, from + SLICE_BYTES);
    yield check(decoder.write(bytes.subarray(from, to)), to);
  }
  yield check(decoder.end(), bytes.length);
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
