import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PostcodeCandidate } from '../../../shared/contract/addresses.ts';

// Japan Post's postcode data as the app ships it (resources/postcodes/postcodes.tsv.gz, built by
// resources/postcodes/build.ts), read once, on the first lookup, into a map from postcode to its towns: a
// desk that never types a postcode never pays for it. About 120,000 towns; the file is under 1 MB, its text
// about 5 MB.

export type PostcodeBook = {
  /** The towns of a seven-digit postcode, in Japan Post's order; empty when Japan Post does not list it. */
  lookup(digits: string): PostcodeCandidate[];
  /** How many postcodes (and building blocks) the book holds; reads the file if it was not read yet. */
  size(): number;
};

const FILE_NAME = 'postcodes.tsv.gz';

/**
 * Where the data file is: beside the bundled core (dist/electron/, copied there by electron/launch/bundle.ts)
 * or, when the core runs from source (tests, `npm run serve`), in resources/postcodes/.
 */
export function defaultPostcodeFile(): string {
  const bundled = path.join(import.meta.dirname, FILE_NAME);
  const source = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'postcodes', FILE_NAME);
  return existsSync(bundled) ? bundled : source;
}

/**
 * The file's text kept as it is, with a sorted index over it: each seven-digit line's postcode as a number and
 * where the line starts. Reading makes no object per town (120,000 of them took half a second and 60 MB);
 * a lookup is a binary search, and only the lines it answers become candidates.
 */
type Index = {
  text: string;
  postcodes: Int32Array;
  starts: Uint32Array;
  /** Building blocks (five-digit keys): their lines' starts. */
  blocks: Map<string, number[]>;
};

function read(file: string): Index {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  const postcodes = new Int32Array(count);
  const starts = new Uint32Array(count);
  const blocks = new Map<string, number[]>();
  let lines = 0;
  const TAB = 9;
  const HASH = 35;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if (text.charCodeAt(start) !== HASH) {
      if (text.charCodeAt(start + 7) === TAB) {
        // Seven digits, read as a number without making a string of them.
        let postcode = 0;
        for (let at = start; at < start + 7; at++) postcode = postcode * 10 + text.charCodeAt(at) - 48;
        postcodes[lines] = postcode;
        starts[lines++] = start;
      } else if (text.charCodeAt(start + 5) === TAB) {
        const key = text.slice(start, start + 5);
        blocks.set(key, [...(blocks.get(key) ?? []), start]);
      }
    }
    start = end === -1 ? text.length : end + 1;
  }
  return { text, postcodes: postcodes.subarray(0, lines), starts: starts.subarray(0, lines), blocks };
}

function candidateAt(text: string, start: number): PostcodeCandidate {
  const end = text.indexOf('\n', start);
  const [, prefecture = '', city = '', town = ''] = text.slice(start, end === -1 ? undefined : end).split('\t');
  return { prefecture, city, town, address: `${prefecture}${city}${town}` };
}

/** The first line of `postcode` in the sorted index, or -1. */
function firstLine(postcodes: Int32Array, postcode: number): number {
  let low = 0;
  let high = postcodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((postcodes[middle] as number) < postcode) low = middle + 1;
    else high = middle;
  }
  return postcodes[low] === postcode ? low : -1;
}

function lookupIn(index: Index, digits: string): PostcodeCandidate[] {
  const postcode = Number(digits);
  const first = firstLine(index.postcodes, postcode);
  if (first === -1) {
    // A building's block (100-60xx) is kept once, under its first five digits (see build.ts).
    return (index.blocks.get(digits.slice(0, 5)) ?? []).map((start) => candidateAt(index.text, start));
  }
  const found: PostcodeCandidate[] = [];
  for (let line = first; line < index.postcodes.length && index.postcodes[line] === postcode; line++) {
    found.push(candidateAt(index.text, index.starts[line] as number));
  }
  return found;
}

export function createPostcodeBook(file: string = defaultPostcodeFile()): PostcodeBook {
  let index: Index | undefined;
  const loaded = () => {
    index ??= read(file);
    return index;
  };
  return {
    lookup: (digits) => lookupIn(loaded(), digits),
    size: () => {
      const { postcodes, blocks } = loaded();
      let distinct = 0;
      for (let line = 0; line < postcodes.length; line++)
        if (line === 0 || postcodes[line] !== postcodes[line - 1]) distinct++;
      return distinct + blocks.size;
    },
  };
}
