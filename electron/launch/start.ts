// `npm start` (after `npm run build`): runs the Electron binary on this project, passing extra arguments through
// (`npm start -- --demo`). Electron 45 downloads its binary on first use; when that cannot happen, say so plainly,
// in the system's language (messages.ts).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launcherLanguage, launchWords } from './messages.ts';

const words = launchWords[launcherLanguage()];

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

if (!existsSync(path.join(electronDir, 'package.json'))) fail(words.electronNotInstalled);

// Electron's install.js prints a failed download as its bare stack (`TypeError: fetch failed`) before our own
// words. Run it with console.error sent to a pipe (fd 3) instead: its progress bar still reaches the terminal
// (it draws only on a TTY, so stderr stays inherited), and the error's first line is kept for our message.
const QUIET_INSTALL = [
  "const { writeSync } = require('node:fs');",
  "const { format } = require('node:util');",
  "console.error = (...args) => writeSync(3, format(...args) + '\\n');",
  'require(process.argv[1]);',
].join('\n');

/** The download's own reason, one line without the error's class name: `fetch failed`. */
function downloadReason(output: string): string | undefined {
  const first = output.split('\n').find((line) => line.trim() !== '');
  return first?.replace(/^\w*Error:\s*/, '').trim() || undefined;
}

if (!binaryPresent()) {
  console.log(words.downloading);
  const result = spawnSync(process.execPath, ['-e', QUIET_INSTALL, path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  if (result.status !== 0 || !binaryPresent()) {
    // The browser is the way in meanwhile; with --demo, the same sample data there.
    const serve = process.argv.includes('--demo') ? 'npm run serve -- --demo' : 'npm run serve';
    const reason = downloadReason(String(result.output?.[3] ?? ''));
    fail(['', ...words.downloadFailed(serve), ...(reason ? [words.downloadSaid(reason)] : [])].join('\n'));
  }
}

if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) fail(words.buildMissing);

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
child.on('error', (error) => fail(words.couldNotStart(error.message)));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
