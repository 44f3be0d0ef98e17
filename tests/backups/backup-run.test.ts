import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { familyNames, folders, guest, openFileCore, withStaff } from './helpers.ts';

// Backups through the core's dispatch on real SQLite files: made while the desk keeps recording, checked,
// owner-only, generations kept (and only our files touched), what the status and the screens' warnings say
// when the folder is missing or backups are off or old, and the daily backup that runs by itself.

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUp(options: Parameters<typeof openFileCore>[1] = {}) {
  const dirs = folders();
  mkdirSync(dirs.backups, { recursive: true });
  const core = openFileCore(dirs.file, options);
  cleanups.push(dirs.remove, core.close);
  return { dirs, ...core };
}

describe('a backup', () => {
  it('finishes while the desk keeps recording, as one consistent moment of the register', async () => {
    // Steps of the fewest pages: many steps, and a guest recorded after each one and in between.
    const { dirs, core, call } = setUp({ backups: { stepPages: 16 } });
    await withStaff(call);
    await call('demo.load', { count: 150, seed: 3 });
    await call('backups.configure', { folder: dirs.backups });

    const during: string[] = [];
    const record = () => {
      const name = `途中${String(during.length).padStart(4, '0')}`;
      during.push(name);
      void core.call('guests.create', guest(name, 'とちゅう'));
    };
    core.onProgress((progress: JobProgress) => {
      if (progress.kind === 'backup.run' && progress.state === 'running' && progress.done > 0) record();
    });
    const writing = setInterval(record, 2);
    let made: { file: string; counts: { guests: number } };
    try {
      made = await call('backups.run', {});
    } finally {
      clearInterval(writing);
    }
    expect(during.length).toBeGreaterThan(2);

    expect(dirs.ours()).toEqual([made.file]);
    expect(made.file).toMatch(/^yadocho-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite$/);
    const file = join(dirs.backups, made.file);
    // The register at one moment: the guests recorded during the copy up to some point, none after it.
    const names = familyNames(file);
    const carried = during.filter((name) => names.includes(name));
    expect(carried).toEqual(during.slice(0, carried.length));
    expect(made.counts.guests).toBe(names.length);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    copy.close();
    // Nothing but the backup itself in the folder: no -wal, -shm or -journal left beside it.
    expect(readdirSync(dirs.backups)).toEqual([made.file]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const status = await call('backups.status', {});
    expect(status.lastGood).toEqual(made);
    expect(status.folder).toBe('ok');
    expect(status.warnings).toEqual([]);
  });

  it('keeps the generations asked for and removes only files it made', async () => {
    let now = Date.parse('2026-12-03T00:30:00Z');
    const { dirs, call } = setUp({ clock: () => now });
    await withStaff(call);
    await call('guests.create', guest('石原', 'いしはら'));
    const strangers = ['notes.txt', 'yadocho.sqlite', 'yadocho-2020-01-01-0900.sqlite.bak', 'yadocho-backup.sqlite'];
    for (const name of strangers) writeFileSync(join(dirs.backups, name), 'not ours');
    await call('backups.configure', { folder: dirs.backups, keep: 2 });

    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      made.push((await call('backups.run', {})).file);
      now += 60 * 60_000;
    }
    // The inn's clock (Asia/Tokyo) names them: 09:30, 10:30, 11:30, 12:30 on 3 December.
    expect(made).toEqual([
      'yadocho-2026-12-03-0930.sqlite',
      'yadocho-2026-12-03-1030.sqlite',
      'yadocho-2026-12-03-1130.sqlite',
      'yadocho-2026-12-03-1230.sqlite',
    ]);
    expect(dirs.ours()).toEqual(made.slice(2));
    for (const name of strangers) expect(statSync(join(dirs.backups, name)).isFile()).toBe(true);

    const { backups } = await call('backups.list', {});
    expect(backups.map((backup: { file: string }) => backup.file)).toEqual([made[3], made[2]]);
    expect(backups[0]).toMatchObject({
      at: '2026-12-03T03:30:00.000Z',
      counts: { guests: 1, stays: 0 },
      problem: null,
    });
  });

  it('stops when its stop button is pressed: the call answers cancelled, no file is left, nothing failed', async () => {
    const { dirs, core, call } = setUp({ backups: { stepPages: 16 } });
    await withStaff(call);
    await call('demo.load', { count: 150, seed: 5 });
    await call('backups.configure', { folder: dirs.backups });
    let asked = false;
    core.onProgress((progress: JobProgress) => {
      if (progress.kind !== 'backup.run' || progress.state !== 'running' || progress.done === 0 || asked) return;
      asked = true;
      void core.call('jobs.cancel', { job: progress.job });
    });
    const result = await core.call('backups.run', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await vi.waitFor(() => expect(readdirSync(dirs.backups)).toEqual([]));
    const status = await call('backups.status', {});
    expect(status).toMatchObject({ lastGood: null, lastFailure: null, running: false });
    expect(await call('jobs.list', {})).toEqual({ jobs: [] });
  });

  it('a second backup within the same minute gets a name of its own', async () => {
    const now = Date.parse('2026-12-03T00:30:00Z');
    const { dirs, call } = setUp({ clock: () => now });
    await call('backups.configure', { folder: dirs.backups });
    const first = await call('backups.run', {});
    const second = await call('backups.run', {});
    expect([first.file, second.file]).toEqual(['yadocho-2026-12-03-0930.sqlite', 'yadocho-2026-12-03-0930-2.sqlite']);
  });
});

describe('the backup status and the screens’ warnings', () => {
  it('a missing folder: the status says so, the screens warn, a backup fails with its reason and changes nothing', async () => {
    const { dirs, call, attempt } = setUp();
    await withStaff(call);
    await call('guests.create', guest('石原', 'いしはら'));
    const gone = join(dirs.root, 'unplugged-usb');
    let status = await call('backups.configure', { folder: gone });
    expect(status.folder).toBe('missing');
    expect(status.warnings).toEqual(expect.arrayContaining(['folder_missing', 'stale']));

    const result = await attempt('backups.run', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', detail: 'backup_folder_missing' } });
    status = await call('backups.status', {});
    expect(status.lastFailure).toMatchObject({ reason: 'folder_missing' });
    expect(status.lastGood).toBeNull();
    expect(status.warnings).toContain('failed');

    // A file where the folder should be is no folder either.
    writeFileSync(gone, 'a file, not a folder');
    expect((await call('backups.status', {})).folder).toBe('missing');
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'a folder this account cannot write to: not_writable (root writes anywhere, so not as root)',
    async () => {
      const { dirs, call } = setUp();
      const locked = join(dirs.root, 'locked');
      mkdirSync(locked, { mode: 0o500 });
      const status = await call('backups.configure', { folder: locked });
      expect(status.folder).toBe('not_writable');
      expect(status.warnings).toContain('folder_not_writable');
    },
  );

  it('backups off while the register holds guests is warned about; an empty register is not', async () => {
    const { dirs, call } = setUp();
    await withStaff(call);
    expect((await call('backups.status', {})).warnings).toEqual([]);
    await call('guests.create', guest('石原', 'いしはら'));
    // No folder chosen yet: backups are not happening.
    expect((await call('backups.status', {})).warnings).toEqual(['off']);
    await call('backups.configure', { folder: dirs.backups, enabled: false });
    expect((await call('backups.status', {})).warnings).toEqual(['off']);
  });

  it('the last good backup older than two days is warned about', async () => {
    let now = Date.parse('2026-12-03T00:30:00Z');
    const { dirs, call } = setUp({ clock: () => now });
    await withStaff(call);
    await call('guests.create', guest('石原', 'いしはら'));
    await call('backups.configure', { folder: dirs.backups });
    await call('backups.run', {});
    now += 47 * 60 * 60_000;
    expect((await call('backups.status', {})).warnings).toEqual([]);
    now += 2 * 60 * 60_000;
    expect((await call('backups.status', {})).warnings).toEqual(['stale']);
  });

  it('refuses a folder that is not a full path, with the field’s code', async () => {
    const { attempt } = setUp();
    const result = await attempt('backups.configure', { folder: 'usb/backups', keep: 0 });
    expect(result.ok).toBe(false);
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'folder', code: 'folder_not_absolute' }),
        expect.objectContaining({ path: 'keep', code: 'keep_invalid' }),
      ]),
    );
  });
});

describe('the daily backup', () => {
  it('is made at open when none is younger than a day, and again once a day has passed', async () => {
    let now = Date.parse('2026-12-03T00:30:00Z');
    const dirs = folders();
    mkdirSync(dirs.backups, { recursive: true });
    cleanups.push(dirs.remove);
    const first = openFileCore(dirs.file);
    await first.call('backups.configure', { folder: dirs.backups });
    await first.close();
    expect(dirs.ours()).toEqual([]);

    // The daily look reads the clock each time (service.ts, automatic): reads counted show the looks happened.
    let clockReads = 0;
    const { call, close } = openFileCore(dirs.file, {
      clock: () => {
        clockReads++;
        return now;
      },
      backups: { firstCheckMs: 0, checkEveryMs: 20 },
    });
    cleanups.push(close);
    await vi.waitFor(() => expect(dirs.ours()).toEqual(['yadocho-2026-12-03-0930.sqlite']), { timeout: 10_000 });
    // Within the day: no other, after several looks at the clock that says so.
    now += 23 * 60 * 60_000;
    const readsBefore = clockReads;
    await vi.waitFor(() => expect(clockReads - readsBefore).toBeGreaterThanOrEqual(5), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await call('backups.status', {})).running).toBe(false));
    expect(dirs.ours()).toHaveLength(1);
    now += 2 * 60 * 60_000;
    await vi.waitFor(() => expect(dirs.ours()).toHaveLength(2), { timeout: 10_000 });
    expect(dirs.ours()[1]).toBe('yadocho-2026-12-04-1030.sqlite');
    await vi.waitFor(async () => expect((await call('backups.status', {})).running).toBe(false));
  });
});
