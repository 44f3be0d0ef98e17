import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries, findImports, formatViolation } from './boundaries.ts';

let root = '';

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

function write(rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('import boundaries', () => {
  it('keeps electron out of the PDF maker, as the architecture table says', () => {
    root = mkdtempSync(path.join(tmpdir(), 'yadocho-boundaries-'));
    write('electron/sheets/kitchen.ts', ["import { app } from 'electron';", ''].join('\n'));
    expect(checkBoundaries(root).map(formatViolation)).toEqual([
      expect.stringMatching(/^electron\/sheets\/kitchen\.ts:1: .*'electron'/),
    ]);
  });

  it('reports exactly the violating import', () => {
    root = mkdtempSync(path.join(tmpdir(), 'yadocho-boundaries-'));
    write(
      'shared/clean.ts',
      [
        "import { z } from 'zod';",
        "// import fs from 'node:fs' is only a comment",
        "const glob = 'src/**/*.ts';",
        "export { toKana } from 'wanakana';",
        "export const schema = z.string().regex(/^'[a-z]+$/);",
        '',
      ].join('\n'),
    );
    write('shared/bad.ts', ["import { z } from 'zod';", '', "import { readFileSync } from 'node:fs';", ''].join('\n'));

    const violations = checkBoundaries(root);
    expect(violations.map(formatViolation)).toEqual([
      "shared/bad.ts:3: shared/ must not import the Node builtin 'node:fs'",
    ]);
  });

  it('applies the renderer, core and db rules', () => {
    root = mkdtempSync(path.join(tmpdir(), 'yadocho-boundaries-'));
    write('renderer/App.tsx', "import { contract } from '../shared/contract.ts';\nimport x from '../db/open.ts';\n");
    write(
      'electron/core/a.ts',
      "const { app } = require('electron');\nimport type { P } from '../../renderer/p.ts';\n",
    );
    write('db/open.ts', "import Database from 'better-sqlite3';\nconst m = await import('electron');\n");
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line}`)).toEqual([
      'db/open.ts:2',
      'electron/core/a.ts:1',
      'electron/core/a.ts:2',
      'renderer/App.tsx:2',
    ]);
  });

  it('finds multi-line, side-effect, dynamic and require specifiers', () => {
    const src =
      "import {\n  a,\n  b,\n} from 'x';\nimport 'y';\nawait import('z');\nrequire(`w`);\nfoo.import('no');\n";
    expect(findImports(src)).toEqual([
      { specifier: 'x', line: 4 },
      { specifier: 'y', line: 5 },
      { specifier: 'z', line: 6 },
      { specifier: 'w', line: 7 },
    ]);
  });
});
