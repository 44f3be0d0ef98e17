import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type SyncStatusView } from '../support/pair-pcs.ts';
import { type ServeProcess, spawnServe } from '../support/serve-process.ts';

// Sync switched on and off by two calls at once (a double click on the toggle, two screens, another program),
// through the HTTP door of a real `npm run serve`. Whatever order they land in, the sync port must listen
// exactly when the status says sync is on: a stop that ran while a start was still opening the listener used
// to find nothing to close, leaving the port (and, on a LAN, discovery's announcements) on with sync off.

const root = mkdtempSync(join(tmpdir(), 'yadocho-toggle-'));
let serve: ServeProcess | null = null;
afterAll(async () => {
  await serve?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Whether a TCP connection to the port is accepted (within 2 s), as another PC dialling it would see. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(2_000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
  });

/** Calls through the server's HTTP door, once it has started; an error answer throws. */
async function caller(process: ServeProcess) {
  const started = await process.started;
  if ('exitCode' in started) throw new Error(`serve exited ${started.exitCode}: ${process.stderr()}`);
  return async <T>(name: string, input: unknown = {}): Promise<T> => {
    const response = await fetch(`${started.url}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yadocho-token': started.token },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
}

describe('sync toggled by two calls at once', () => {
  it('leaves the sync port listening exactly when the status says sync is on', async () => {
    const syncPort = await freePort();
    serve = spawnServe(
      join(root, 'pc.sqlite'),
      {},
      { args: ['--sync-port', String(syncPort), '--sync-host', '127.0.0.1'] },
    );
    const call = await caller(serve);

    for (const round of [1, 2, 3]) {
      await Promise.all([call('sync.configure', { enabled: true }), call('sync.configure', { enabled: false })]);
      const { enabled } = await call<SyncStatusView>('sync.status');
      expect({ round, enabled, listening: await accepts(syncPort) }).toEqual({ round, enabled, listening: enabled });
    }
    // One call at a time it still turns on and off.
    await call('sync.configure', { enabled: true });
    expect(await accepts(syncPort)).toBe(true);
    await call('sync.configure', { enabled: false });
    expect(await accepts(syncPort)).toBe(false);
  });

  it('turns on a new PC while its screen asks for the status: one identity, no error', async () => {
    await serve?.stop();
    const syncPort = await freePort();
    serve = spawnServe(
      join(root, 'new-pc.sqlite'),
      {},
      { args: ['--sync-port', String(syncPort), '--sync-host', '127.0.0.1'] },
    );
    const call = await caller(serve);
    // The header's indicator asks for the status as the screen opens, while the person turns sync on: asked
    // every few milliseconds until the switch answers, so some land while the new PC's key is being made.
    let on = false;
    const turning = call<SyncStatusView>('sync.configure', { enabled: true, name: 'フロント' }).finally(() => {
      on = true;
    });
    const asked: Array<Promise<SyncStatusView>> = [];
    while (!on) {
      asked.push(call<SyncStatusView>('sync.status'));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const [turnedOn, ...statuses] = await Promise.all([turning, ...asked]);
    expect(turnedOn.enabled).toBe(true);
    const device = (await call<SyncStatusView>('sync.status')).device;
    expect(device?.short).toMatch(/\S/);
    for (const status of statuses) if (status.device) expect(status.device.short).toBe(device?.short);
    expect(await accepts(syncPort)).toBe(true);
  });
});
