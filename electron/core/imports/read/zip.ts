// The parts of an .xlsx, read from the zip's central directory. The file is in memory already (the person
// picked it, at most 100 MB), so its parts can be opened in the order a reader needs: the shared strings and
// styles first, then each sheet inflated as a stream. exceljs's own streaming reader takes the parts in the zip's
// order instead, parking sheets in temp files when Excel wrote them before the shared strings, and in that
// path it loses the parts after a few small sheets (an empty Sheet2 and Sheet3, as older Excel adds): their
// cells then come out without their text.

import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const SLICE_BYTES = 256 * 1024;

export class ZipFormatError extends Error {}

/** Entries by name, from the end-of-central-directory record (searched from the end, past a comment). */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('bad directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      name,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's bytes, uncompressed as they are read (stored or deflated). `onRead(done)` reports how many of its
 * compressed bytes have been taken.
 */
export function entryStream(bytes: Buffer, entry: ZipEntry, onRead?: (done: number) => void): AsyncIterable<Buffer> {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new ZipFormatError('bad local header');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError('entry runs past the end of the file');
  function* slices() {
    for (let from = start; from < end; from += SLICE_BYTES) {
      const to = Math.min(end, from + SLICE_BYTES);
      yield bytes.subarray(from, to);
      onRead?.(to - start);
    }
  }
  const source = Readable.from(slices(), { objectMode: false });
  if (entry.method === 0) return source;
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  const inflate = createInflateRaw();
  source.on('error', (error) => inflate.destroy(error));
  return source.pipe(inflate);
}
