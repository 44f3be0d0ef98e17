// Renders the app's icon from its one source, resources/icon.svg, into what the installers take
// (`npm run icons`; run it again after changing the SVG, and commit what it writes):
//   resources/icons/<n>x<n>.png  16…1024, the Linux icon set (AppImage, deb) and the window's icon on Linux
//   resources/icon.ico           Windows (NSIS and the .exe): 16…256
//   resources/icon.icns          macOS (dmg and the .app): 16…1024, retina sizes included
// electron-builder.yml names these files. The SVG draws 宿 as a path, so rendering needs no font.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
type IconSize = (typeof ICON_SIZES)[number];

/** Windows shows up to 256 px; the rest of the set would only make the .ico (and the .exe) bigger. */
export const ICO_SIZES: readonly IconSize[] = [16, 24, 32, 48, 64, 128, 256];

/**
 * The ICNS entries that hold a PNG (macOS 10.7+), by type: the pixel size each type carries. The 2x types are
 * the retina versions of the size they are named after (ic11 is 16 pt at 2x: 32 px).
 */
export const ICNS_TYPES: ReadonlyArray<readonly [string, IconSize]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** One size, drawn from the vector source at that size (not scaled down from a big bitmap: crisper small icons). */
export function renderPng(svg: Buffer, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/**
 * An ICNS file: 'icns' and the file's length, then per image its type, its length (8 bytes of entry header
 * included) and the PNG. Written here because the container is only this; the registry's ICNS packers are
 * unmaintained or ship without working type declarations.
 */
export function packIcns(pngOf: (size: IconSize) => Buffer): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngOf(size);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(entries);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

export async function buildIcons(resources: string): Promise<string[]> {
  const svg = await readFile(path.join(resources, 'icon.svg'));
  const pngs = new Map<IconSize, Buffer>(ICON_SIZES.map((size) => [size, renderPng(svg, size)]));
  const pngOf = (size: IconSize) => pngs.get(size) as Buffer;
  const written: string[] = [];
  const write = async (file: string, data: Buffer) => {
    await writeFile(path.join(resources, file), data);
    written.push(file);
  };
  for (const size of ICON_SIZES) await write(`icons/${size}x${size}.png`, pngOf(size));
  await write('icon.ico', await pngToIco(ICO_SIZES.map(pngOf)));
  await write('icon.icns', packIcns(pngOf));
  return written;
}

if (import.meta.main) {
  const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
  for (const file of await buildIcons(resources)) console.log(`wrote resources/${file}`);
}
