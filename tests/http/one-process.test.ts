import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileOf } from '../../db/lock.ts';
import { type ServeProcess, spawnServe } from '../support/serve-process.ts';

// One process per database file, as staff meet it: two `npm run serve` on one file, the second refused with a
// message naming the first; the first answers through its HTTP door all along.

const running: ServeProcess[] = [];
const roots: string[] = [];
afterEach(async () => {
  for (const serve of running.splice(0)) await serve.stop();
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataFile(): string {
  const root = mkdtempSync(join(tmpdir(), 'yadocho-two-'));
  roots.push(root);
  return join(root, 'yadocho.sqlite');
}

function serve(file: string, env?: Record<string, string>): ServeProcess {
  const process = spawnServe(file, env);
  running.push(process);
  return process;
}

async function up(serving: ServeProcess) {
  const started = await serving.started;
  if ('exitCode' in started) throw new Error(`serve exited ${started.exitCode}: ${serving.stderr()}`);
  return started;
}

async function info(server: { url: string; token: string }) {
  const response = await fetch(`${server.url}/api/call/system.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-yadocho-token': server.token },
    body: '{}',
  });
  return (await response.json()) as { ok: boolean };
}

describe('two servers on one database file', { timeout: 60_000 }, () => {
  it('refuses the second with a message naming the first; a third starts once the first has stopped', async () => {
    const file = dataFile();
    const first = serve(file);
    const firstServer = await up(first);
    const pid = first.child.pid as number;

    const second = serve(file);
    const refused = await second.started;
    expect(refused).toEqual({ exitCode: 3 });
    const message = second.stderr();
    expect(message).toContain('This database is already open in another Yadocho.');
    expect(message).toContain(`npm run serve at ${firstServer.url} (process ${pid} on `);
    expect(message).toContain(`File: ${file}`);
    expect(await info(firstServer)).toMatchObject({ ok: true }); // the first was not disturbed

    expect(await first.stop()).toBe(0);
    expect(existsSync(lockFileOf(file))).toBe(false); // released on SIGTERM
    const third = serve(file);
    expect(await info(await up(third))).toMatchObject({ ok: true });
  });

  it('says it in Japanese on a Japanese system', async () => {
    const file = dataFile();
    const first = serve(file);
    await up(first);
    const second = serve(file, { LANG: 'ja_JP.UTF-8' });
    expect(await second.started).toEqual({ exitCode: 3 });
    expect(second.stderr()).toContain('このデータベースは、別の宿帳がすでに開いています。');
    expect(second.stderr()).toContain(`プロセス ${first.child.pid}`);
  });

  it('takes over the lock of a server that is gone (killed without a chance to clean up)', async () => {
    const file = dataFile();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const stale = { pid: gone, host: (await import('node:os')).hostname(), door: 'serve', since: '', nonce: 'x' };
    writeFileSync(lockFileOf(file), JSON.stringify(stale));
    const next = serve(file);
    const server = await up(next);
    expect(await info(server)).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({
      pid: next.child.pid,
      door: 'serve',
      address: server.url,
    });
  });
});
