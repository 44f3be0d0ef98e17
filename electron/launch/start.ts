// `npm start` (after `npm run build`): runs the Electron binary on this project, passing extra arguments through
// (`npm start -- --demo`). Electron 45 downloads its binary on first use; when that cannot happen, say so plainly.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');

function binaryPresent(): boolean {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  if (!existsSync(pathFile)) return false;
  return existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!existsSync(path.join(electronDir, 'package.json'))) {
  fail('Electron is not installed: run `npm install` first.');
}

if (!binaryPresent()) {
  console.log('The Electron binary is not downloaded yet: downloading it once (about 100 MB)...');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: 'inherit',
    timeout: 15 * 60 * 1000,
  });
  if (result.status !== 0 || !binaryPresent()) {
    fail(
      [
        '',
        'Electron could not be downloaded (no internet access to its release files?), so the desktop window cannot open.',
        '`npm run serve` opens the same app in a browser instead.',
        'With internet access, run `npm start` again (or `npx install-electron`) to fetch Electron.',
      ].join('\n'),
    );
  }
}

if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) {
  fail('dist/electron/main.cjs is missing: run `npm run build` first (`npm start` does).');
}

// What `require('electron')` returns in Node, read directly: electron/launch/ must not import `electron`
// (tests/lint/boundaries.ts), and this avoids index.js's own download attempt.
function electronBinary(): string {
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative || 'electron');
  return path.join(electronDir, 'dist', relative);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set, it would make Electron behave as plain Node
const child = spawn(electronBinary(), [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('error', (error) => fail(`Could not start Electron: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
