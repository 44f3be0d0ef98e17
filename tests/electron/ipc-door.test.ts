// The IPC door, run against a stand-in `electron` module (the Electron binary cannot run here): main.ts starts
// as in the app, with the core in its worker on a real SQLite file; the test plays the renderer's side of
// 'yadocho:invoke' and reads what reaches the window on 'yadocho:event'.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { electron, stand } from './electron-stand-in.ts';

vi.mock('electron', async () => (await import('./electron-stand-in.ts')).electron);

let root: string;

const invoke = (name: string, input: unknown) => {
  const handler = stand.ipc.get('yadocho:invoke');
  if (!handler) throw new Error('no invoke handler');
  return handler({ senderFrame: { url: 'app://yadocho/index.html' } }, name, input) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: unknown;
  }>;
};

const progressSent = () =>
  stand.sent.filter(([, name]) => name === 'progress').map(([, , payload]) => payload as JobProgress);

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'yadocho-ipc-'));
  stand.dirs.userData = path.join(root, 'data');
  stand.dirs.documents = path.join(root, 'documents');
  await import('../../electron/main/main.ts');
  // The core's worker starts first: opening and migrating the database takes a moment.
  await vi.waitFor(() => expect(stand.ipc.has('yadocho:invoke')).toBe(true), { timeout: 10_000 });
});

afterAll(async () => {
  stand.appEvents.get('will-quit')?.({ preventDefault() {} });
  await vi.waitFor(() => expect(stand.quits).toBe(1), { timeout: 10_000 });
  rmSync(root, { recursive: true, force: true });
});

describe('the IPC door', () => {
  it('answers calls from the app through the core’s worker, and pushes a job’s progress to the window', async () => {
    expect(await invoke('system.info', {})).toMatchObject({ ok: true, value: { guestCount: 0 } });
    // The first run: the owner is created and chosen, then loads sample data and searches while it loads.
    const owner = await invoke('staff.create', { name: '女将 山田' });
    expect(await invoke('staff.setCurrent', { id: (owner as { value: { id: string } }).value.id })).toMatchObject({
      ok: true,
    });
    const finished: string[] = [];
    const loading = invoke('demo.load', { count: 300, seed: 1 }).then((result) => {
      finished.push('demo.load');
      return result;
    });
    await vi.waitFor(() => expect(progressSent().length).toBeGreaterThan(1));
    const search = await invoke('guests.search', { q: 'さ' });
    finished.push('guests.search');
    expect(search.ok).toBe(true);
    expect(await loading).toEqual({ ok: true, value: { created: 300 } });
    expect(finished).toEqual(['guests.search', 'demo.load']);
    await vi.waitFor(() => expect(progressSent().at(-1)).toMatchObject({ kind: 'demo.load', state: 'done' }));
    expect(stand.sent.some(([channel, name]) => channel === 'yadocho:event' && name === 'changed')).toBe(true);
  });

  it('gives the window the app’s icon on Linux (the others take it from the .exe and the .app)', async () => {
    await vi.waitFor(() => expect(electron.BrowserWindow.windows.length).toBeGreaterThan(0));
    const icon = electron.BrowserWindow.windows[0]?.options.icon;
    if (process.platform !== 'linux') return expect(icon).toBeUndefined();
    expect(icon).toBe(path.resolve('resources', 'icons', '512x512.png'));
    expect(existsSync(icon as string)).toBe(true);
  });

  it('refuses every sender that is not the app’s own page, before the call reaches the core', async () => {
    const handler = stand.ipc.get('yadocho:invoke');
    if (!handler) throw new Error('no invoke handler');
    const staffBefore = await invoke('staff.list', {});
    const senders = [
      { senderFrame: { url: 'https://evil.example/' } },
      // Look-alikes of the app's origin, a local file, a blank or data frame, a frame already gone.
      { senderFrame: { url: 'app://yadocho.evil/index.html' } },
      { senderFrame: { url: 'app://yadochoevil/index.html' } },
      { senderFrame: { url: 'app://yadocho' } },
      { senderFrame: { url: 'file:///index.html' } },
      { senderFrame: { url: 'about:blank' } },
      { senderFrame: { url: 'data:text/html,<script>1</script>' } },
      { senderFrame: null },
      {},
    ];
    for (const sender of senders) {
      expect(() => handler(sender, 'staff.create', { name: '侵入者' }), JSON.stringify(sender)).toThrow(
        /sender is not the app/,
      );
    }
    // Nothing reached the core: the first-run write a stranger tried is not there.
    expect(await invoke('staff.list', {})).toEqual(staffBefore);
  });

  it('refuses a call name that is not text and options that are not { requestId }', async () => {
    const handler = stand.ipc.get('yadocho:invoke');
    if (!handler) throw new Error('no invoke handler');
    const app = { senderFrame: { url: 'app://yadocho/index.html' } };
    expect(() => handler(app, 42, {})).toThrow(/call name must be a string/);
    expect(() => handler(app, 'system.info', {}, { requestId: 'has a space' })).toThrow(/options must be/);
    expect(() => handler(app, 'system.info', {}, 'x')).toThrow(/options must be/);
    expect(() => handler(app, 'system.info', {}, null)).toThrow(/options must be/);
  });

  it('refuses to print a page that is not the app’s', async () => {
    const print = stand.ipc.get('yadocho:print-to-pdf');
    if (!print) throw new Error('no print handler');
    await expect(
      (async () => print({ senderFrame: { url: 'https://evil.example/' }, sender: {} }, 'x.pdf'))(),
    ).rejects.toThrow(/sender is not the app/);
    expect(stand.dialogCalls).toEqual([]);
  });

  it('opens the system’s folder picker for the backup folder, for the app only', async () => {
    const choose = stand.ipc.get('yadocho:choose-folder');
    if (!choose) throw new Error('no choose-folder handler');
    stand.dialogCalls.length = 0;
    const app = { senderFrame: { url: 'app://yadocho/index.html' }, sender: {} };
    const usb = path.join(root, 'usb');
    stand.openDialog = { canceled: false, filePaths: [usb] };
    expect(await choose(app, root)).toBe(usb);
    expect(stand.dialogCalls[0]?.[0]).toMatchObject({
      properties: ['openDirectory', 'createDirectory'],
      defaultPath: root,
    });
    stand.openDialog = { canceled: true, filePaths: [] };
    expect(await choose(app, '')).toBeNull();
    stand.dialogCalls.length = 0;
    await expect(
      (async () => choose({ senderFrame: { url: 'https://evil.example/' }, sender: {} }, root))(),
    ).rejects.toThrow(/sender is not the app/);
    expect(stand.dialogCalls).toEqual([]);
  });
});
