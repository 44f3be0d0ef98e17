// The main process's "save as PDF" handler, run against a stand-in `electron` module (the Electron binary
// cannot run here): main.ts starts as it would in the app, with a real core in its worker on a real SQLite
// file, and the test plays the renderer's side of the IPC channel.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { stand } from './electron-stand-in.ts';

vi.mock('electron', async () => (await import('./electron-stand-in.ts')).electron);

const PDF = Buffer.from('%PDF-1.7 a printed sheet');
let root: string;

function event(url: string) {
  const printed: unknown[] = [];
  return {
    printed,
    senderFrame: { url },
    sender: {
      printToPDF: async (options: unknown) => {
        printed.push(options);
        return PDF;
      },
    },
  };
}

const printToPdf = (e: ReturnType<typeof event>, fileName: unknown) => {
  const handler = stand.ipc.get('yadocho:print-to-pdf');
  if (!handler) throw new Error('no print-to-pdf handler');
  return handler(e, fileName);
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'yadocho-main-'));
  stand.dirs.userData = path.join(root, 'data');
  stand.dirs.documents = path.join(root, 'documents');
  await import('../../electron/main/main.ts');
  // The core's worker starts first: opening and migrating the database takes a moment.
  await vi.waitFor(() => expect(stand.ipc.has('yadocho:print-to-pdf')).toBe(true), { timeout: 10_000 });
});

afterAll(async () => {
  // Quitting waits for the core's worker to close the database, then quits again for real.
  stand.appEvents.get('will-quit')?.({ preventDefault() {} });
  await vi.waitFor(() => expect(stand.quits).toBe(1), { timeout: 10_000 });
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  stand.dialogCalls.length = 0;
});

describe('save as PDF in Electron', () => {
  it('prints the app page to A4 with backgrounds and writes it where the person chose', async () => {
    const target = path.join(root, 'chosen.pdf');
    stand.saveDialog = { canceled: false, filePath: target };
    const from = event('app://yadocho/index.html#/print/briefing/2026-11-23');
    expect(await printToPdf(from, 'yadocho-briefing-2026-11-23.pdf')).toBe(true);
    expect(from.printed).toEqual([{ pageSize: 'A4', printBackground: true }]);
    expect(stand.dialogCalls).toHaveLength(1);
    expect(stand.dialogCalls[0]?.[0]).toMatchObject({
      defaultPath: path.join(stand.dirs.documents, 'yadocho-briefing-2026-11-23.pdf'),
    });
    expect(readFileSync(target)).toEqual(PDF);
  });

  it('answers false and writes nothing when the save dialog is cancelled', async () => {
    stand.saveDialog = { canceled: true, filePath: undefined };
    expect(await printToPdf(event('app://yadocho/index.html'), 'yadocho-kitchen-2026-11-23.pdf')).toBe(false);
    expect(existsSync(path.join(stand.dirs.documents, 'yadocho-kitchen-2026-11-23.pdf'))).toBe(false);
  });

  it('keeps a suggested name inside the documents folder', async () => {
    stand.saveDialog = { canceled: true, filePath: undefined };
    await printToPdf(event('app://yadocho/index.html'), '../../etc/passwd');
    await printToPdf(event('app://yadocho/index.html'), 42);
    expect(stand.dialogCalls.map((call) => (call[0] as { defaultPath: string }).defaultPath)).toEqual([
      path.join(stand.dirs.documents, 'passwd.pdf'),
      path.join(stand.dirs.documents, 'yadocho.pdf'),
    ]);
  });

  it('refuses any page that is not the app, before printing anything', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/page.html', 'app://other/index.html']) {
      const from = event(url);
      await expect(printToPdf(from, 'x.pdf')).rejects.toThrow(/sender is not the app/);
      expect(from.printed).toEqual([]);
    }
    expect(stand.dialogCalls).toEqual([]);
  });
});
