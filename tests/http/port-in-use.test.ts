import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServeProcess, spawnServe } from '../support/serve-process.ts';

// `npm run serve` on a port that is already taken, as staff meet it: a second Yadocho started on its own data
// file (so the database lock does not stop it) with the first one's port, or a port another program holds.
// It says so in the system's language, says how to choose another port, and exits with code 4, no stack.

const running: ServeProcess[] = [];
const roots: string[] = [];
const listeners: Server[] = [];
afterEach(async () => {
  for (const serve of running.splice(0)) await serve.stop();
  for (const listener of listeners.splice(0)) await new Promise((done) => listener.close(done));
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFile(): string {
  const root = mkdtempSync(join(tmpdir(), 'yadocho-port-'));
  roots.push(root);
  return join(root, 'yadocho.sqlite');
}

function serve(...args: Parameters<typeof spawnServe>): ServeProcess {
  const process = spawnServe(...args);
  running.push(process);
  return process;
}

async function up(serving: ServeProcess) {
  const started = await serving.started;
  if ('exitCode' in started) throw new Error(`serve exited ${started.exitCode}: ${serving.stderr()}`);
  return started;
}

/** Nothing a person should have to read: no stack trace, no raw error code. */
function expectNoStack(text: string) {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toContain('EADDRINUSE');
  expect(text).not.toMatch(/Error:/);
}

describe('npm run serve on a port that is taken', { timeout: 60_000 }, () => {
  it('names the Yadocho already running there and how to choose another port', async () => {
    const first = await up(serve(dataFile()));
    const secondFile = dataFile();
    const second = serve(secondFile, {}, { port: first.port, args: ['--demo'] });
    expect(await second.started).toEqual({ exitCode: 4 });
    const message = second.stderr();
    expect(message).toContain(`port ${first.port} is in use`);
    expect(message).toContain(`Another Yadocho is already running at ${first.url}`);
    // The same command on the next port, with what the person gave it (--data, --demo).
    expect(message).toContain(`npm run serve -- --data ${secondFile} --demo --port ${first.port + 1}`);
    expectNoStack(message);
    const info = await fetch(`${first.url}/api/call/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yadocho-token': first.token },
      body: '{}',
    });
    expect(await info.json()).toMatchObject({ ok: true }); // the first was not disturbed
  });

  it('says another program holds the port, in Japanese on a Japanese system', async () => {
    const listener = createServer((socket) => socket.destroy()); // not HTTP, and no Yadocho
    listeners.push(listener);
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
    const port = (listener.address() as { port: number }).port;
    const file = dataFile();
    const refused = serve(file, { LANG: 'ja_JP.UTF-8' }, { port });
    expect(await refused.started).toEqual({ exitCode: 4 });
    const message = refused.stderr();
    expect(message).toContain(`ポート ${port} は使用中です`);
    expect(message).toContain(`別のプログラムが 127.0.0.1:${port} を使っています`);
    expect(message).toContain(`npm run serve -- --data ${file} --port ${port + 1}`);
    expectNoStack(message);
    // Its lock is gone with it: the next start on that file is not refused.
    const next = serve(file);
    await up(next);
  });
});
