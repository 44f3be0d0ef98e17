import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` where Electron's binary cannot be downloaded (no internet, as on a closed office network): it
// says so in the system's language and points to the browser (`npm run serve`, with `--demo` when it was
// asked for), without the downloader's bare `TypeError: fetch failed` in front. The download is sent to a
// loopback port nothing listens on, and to an empty cache, so it fails at once wherever this runs.

const ROOT = resolve(import.meta.dirname, '../..');
const START = join(ROOT, 'electron/launch/start.ts');
// Where it is downloaded, npm start would open the window instead: these tests are skipped there.
const ELECTRON_DOWNLOADED = existsSync(join(ROOT, 'node_modules/electron/path.txt'));

const caches: string[] = [];
afterEach(() => {
  for (const dir of caches.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A loopback port that refuses connections: one the system gave out and that was closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function start(args: string[], lang: string): Promise<{ code: number | null; out: string; err: string }> {
  const mirror = `http://127.0.0.1:${await closedPort()}/`;
  const cache = mkdtempSync(join(tmpdir(), 'yadocho-electron-cache-'));
  caches.push(cache);
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: lang,
    LC_ALL: '',
    LC_MESSAGES: '',
    // Every way @electron/get reads its mirror, the npm config first.
    npm_config_electron_mirror: mirror,
    ELECTRON_MIRROR: mirror,
    electron_config_cache: cache,
  };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  const child = spawn(process.execPath, [START, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  return { code, out, err };
}

describe.skipIf(ELECTRON_DOWNLOADED)('npm start where Electron cannot be downloaded', { timeout: 60_000 }, () => {
  it('points to npm run serve -- --demo for --demo, with no stack of the downloader in front', async () => {
    const { code, out, err } = await start(['--demo'], 'en_US.UTF-8');
    expect(code).toBe(1);
    expect(out).toContain('downloading it once');
    expect(err).toContain('Electron could not be downloaded');
    expect(err).toContain('`npm run serve -- --demo` opens the same app in a browser instead.');
    expect(err).toContain('(The download said: fetch failed)');
    expect(err).not.toContain('TypeError');
    expect(err).not.toMatch(/^\s+at /m);
  });

  it('says it in Japanese on a Japanese system, and plain npm run serve without --demo', async () => {
    const { code, err } = await start([], 'ja_JP.UTF-8');
    expect(code).toBe(1);
    expect(err).toContain('Electron をダウンロードできませんでした');
    expect(err).toContain('代わりに `npm run serve` で、同じアプリをブラウザで開けます。');
    expect(err).not.toContain('TypeError');
  });
});
