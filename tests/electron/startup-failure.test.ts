// The desktop app's last words when it cannot start, against the stand-in `electron` module (the Electron
// binary cannot run here): main.ts starts as in the app, on a data folder that cannot be made, on a PC whose
// system language is Japanese. The dialog box speaks Japanese and names the cause; the app exits with 1.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stand } from './electron-stand-in.ts';

vi.mock('electron', async () => (await import('./electron-stand-in.ts')).electron);

let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'yadocho-start-'));
  // The data folder would sit under a plain file: making it fails, as on a full or read-only disk.
  writeFileSync(path.join(root, 'not-a-folder'), '');
  stand.dirs.userData = path.join(root, 'not-a-folder', 'data');
  stand.dirs.documents = path.join(root, 'documents');
  vi.stubEnv('LC_ALL', '');
  vi.stubEnv('LC_MESSAGES', '');
  vi.stubEnv('LANG', 'ja_JP.UTF-8');
  await import('../../electron/main/main.ts');
  await vi.waitFor(() => expect(stand.exits).toHaveLength(1), { timeout: 10_000 });
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('a desktop app that cannot start', () => {
  it('says so in the system’s language, with the cause, and exits with 1', () => {
    expect(stand.errorBoxes).toHaveLength(1);
    const [title, message] = stand.errorBoxes[0] as [string, string];
    expect(title).toBe('宿帳を起動できません');
    expect(message).toMatch(/^起動の途中でエラーになりました（.*ENOTDIR.*）。もう一度起動してください。/);
    expect(stand.exits).toEqual([1]);
  });
});
