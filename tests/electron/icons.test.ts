// The installers' icons: rendered from resources/icon.svg by `npm run icons` and committed, so a build needs
// nothing more. Checks that each file is what its platform reads (PNG sizes, the ICO directory, the ICNS
// entries), that they are the SVG as it is now (not left behind by a change to it), and that
// electron-builder.yml points at them, with what the deb needs (a maintainer, the author, a homepage).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, ICON_SIZES, renderPng } from '../../electron/launch/build-icons.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const resource = (file: string) => readFileSync(path.join(ROOT, 'resources', file));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size and colour type from its IHDR chunk, after checking the signature. */
function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

describe('the app’s icons', () => {
  it('has every PNG size, 16 to 1024, square, with transparency', () => {
    for (const size of ICON_SIZES) {
      const header = pngHeader(resource(`icons/${size}x${size}.png`));
      expect(header).toEqual({ width: size, height: size, colourType: 6 }); // 6: RGBA, the corners are clear
    }
  });

  // Rendering is pinned to the bit where the icons were made (Linux x64, as CI); other machines' SIMD may round
  // a pixel differently.
  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
    'is the SVG as it is now: every committed size is what the source renders',
    () => {
      const svg = resource('icon.svg');
      for (const size of ICON_SIZES) {
        expect(renderPng(svg, size).equals(resource(`icons/${size}x${size}.png`)), `${size}x${size}.png`).toBe(true);
      }
    },
  );

  it('has an ICO whose directory lists 16 to 256 with each image inside the file', () => {
    const ico = resource('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry] || 256; // 0 stands for 256
      expect(ico[entry + 1] || 256).toBe(size);
      const [bytes, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + bytes);
      if (image.subarray(0, 8).equals(PNG_SIGNATURE)) {
        expect(pngHeader(image)).toMatchObject({ width: size, height: size });
      } else {
        // A BMP without its file header: BITMAPINFOHEADER, height doubled (the image and its mask).
        expect([image.readUInt32LE(0), image.readInt32LE(4), image.readInt32LE(8)]).toEqual([40, size, 2 * size]);
      }
      sizes.push(size);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
  });

  it('has an ICNS whose entries fill the file exactly, each a PNG of its type’s size', () => {
    const icns = resource('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Array<[string, number]> = [];
    let at = 8;
    while (at < icns.length) {
      const type = icns.subarray(at, at + 4).toString('latin1');
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      const { width, height } = pngHeader(icns.subarray(at + 8, at + length));
      expect(height).toBe(width);
      found.push([type, width]);
      at += length;
    }
    expect(at).toBe(icns.length);
    expect(found).toEqual(ICNS_TYPES.map(([type, size]) => [type, size]));
  });
});

describe('electron-builder.yml', () => {
  const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  /** The lines of one top-level section (`linux:`, `win:`…), without their indentation. */
  const section = (name: string) => {
    const match = new RegExp(`^${name}:\\n((?:[ ]+.*\\n?|\\n)*)`, 'm').exec(yml);
    return (match?.[1] ?? '').split('\n').map((line) => line.trim());
  };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('takes its resources from resources/ and points each platform at its icon', () => {
    expect(section('directories')).toContain('buildResources: resources');
    expect(section('linux')).toContain('icon: resources/icons');
    expect(section('win')).toContain('icon: resources/icon.ico');
    expect(section('mac')).toContain('icon: resources/icon.icns');
    // The window's icon on Linux is read at run time: it must be packed.
    expect(section('files')).toContain('- resources/icons/512x512.png');
  });

  it('gives the deb what electron-builder refuses to build it without: a maintainer and a homepage', () => {
    const maintainer = section('linux').find((line) => line.startsWith('maintainer:'));
    expect(maintainer).toMatch(/^maintainer: .+ <[^@\s]+@[^@\s]+>$/);
    expect(pkg.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/@/) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });
});
