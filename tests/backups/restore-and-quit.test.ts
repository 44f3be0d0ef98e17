import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { familyNames, folders, guest, startHost, withStaff } from './helpers.ts';

// The core in its worker thread (as both doors run it), on real files: a restore gives back the register as
// it was at backup time, keeps the current file aside and writes as a new node for sync; a damaged file or one
// that is not a Yadocho register is refused and nothing changes; quitting makes a backup, bounded in time.

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(backups: Parameters<typeof startHost>[1] = {}) {
  const dirs = folders();
  mkdirSync(dirs.backups, { recursive: true });
  cleanups.push(dirs.remove);
  let host = await startHost(dirs.file, backups);
  let closed = false;
  cleanups.push(() => (closed ? undefined : host.close()));
  return {
    dirs,
    get host() {
      return host;
    },
    async reopen() {
      await host.close();
      host = await startHost(dirs.file, backups);
    },
    async quit() {
      closed = true;
      await host.close();
    },
  };
}

const searchNames = async (
  call: (name: string, input: unknown) => Promise<{ hits: Array<{ familyName: string }> }>,
  q: string,
) => (await call('guests.search', { q })).hits.map((hit) => hit.familyName);

describe('restoring a backup', () => {
  it('gives back the register as it was, keeps the current file aside and takes a new node id', async () => {
    const app = await setUp();
    const { call } = app.host;
    await withStaff(call);
    await call('guests.create', guest('石原', 'いしはら'));
    await call('backups.configure', { folder: app.dirs.backups });
    const made = await call('backups.run', {});
    await call('guests.create', guest('後藤', 'ごとう'));
    const before = await call('system.info', {});
    expect(before.guestCount).toBe(2);

    const { backups } = await call('backups.list', {});
    expect(backups).toEqual([
      expect.objectContaining({ file: made.file, counts: { guests: 1, stays: 0 }, problem: null }),
    ]);
    const told: string[][] = [];
    app.host.core.onChanged((tables) => told.push(tables));
    const restored = await call('backups.restore', { file: made.file });
    // Every open screen reads its records again.
    expect(told.some((tables) => tables.includes('guests') && tables.includes('stays'))).toBe(true);

    expect(restored.restored).toMatchObject({ file: made.file, counts: { guests: 1, stays: 0 } });
    expect(restored.keptAside).toMatch(/^yadocho-before-restore-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
    // The file it replaced, with the guest recorded after the backup, is kept in the data folder.
    expect(familyNames(join(app.dirs.data, restored.keptAside))).toEqual(['後藤', '石原']);

    const after = await call('system.info', {});
    expect(after.guestCount).toBe(1);
    expect(after.nodeId).not.toBe(before.nodeId);
    expect(restored.nodeId).toBe(after.nodeId);
    expect(app.host.core.nodeId).toBe(after.nodeId);
    expect(await searchNames(call, 'いしはら')).toEqual(['石原']);
    expect(await searchNames(call, 'ごとう')).toEqual([]);

    // It keeps working on the restored file, and says so after a restart too.
    await call('guests.create', guest('森', 'もり'));
    await app.reopen();
    const reopened = await app.host.call('system.info', {});
    expect(reopened).toMatchObject({ guestCount: 2, nodeId: after.nodeId });
    const db = new Database(app.dirs.file, { readonly: true });
    expect(db.prepare('SELECT reason FROM node_epochs ORDER BY started_at DESC LIMIT 1').pluck().get()).toBe('copied');
    db.close();
    // The backup settings are this PC's and outlive the restore (quitting just made another backup there).
    const status = await app.host.call('backups.status', {});
    expect(status.settings.folder).toBe(app.dirs.backups);
    expect(app.dirs.ours()).toContain(status.lastGood.file);
  });

  it('refuses a damaged backup and a file that is not a Yadocho register, and changes nothing', async () => {
    const app = await setUp();
    const { call, attempt } = app.host;
    await withStaff(call);
    await call('demo.load', { count: 60, seed: 2 });
    await call('backups.configure', { folder: app.dirs.backups });
    const made = await call('backups.run', {});
    const info = await call('system.info', {});

    // A copy with a page in the middle overwritten: its header and schema still read, its check fails.
    const damaged = join(app.dirs.backups, 'yadocho-2020-01-01-0900.sqlite');
    copyFileSync(join(app.dirs.backups, made.file), damaged);
    const pageSize = 4096;
    const pages = statSync(damaged).size / pageSize;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize * 2, 0x5a), 0, pageSize * 2, pageSize * Math.floor(pages / 2));
    closeSync(fd);
    // A file with our kind of name that is no database at all.
    const stranger = join(app.dirs.backups, 'yadocho-2020-01-02-0900.sqlite');
    const fdStranger = openSync(stranger, 'w');
    writeSync(fdStranger, 'これはデータベースではありません'.repeat(300));
    closeSync(fdStranger);

    const listed = (await call('backups.list', {})).backups;
    expect(listed.find((item: { file: string }) => item.file === 'yadocho-2020-01-02-0900.sqlite')).toMatchObject({
      counts: null,
      problem: 'not_yadocho',
    });

    expect(await attempt('backups.restore', { file: 'yadocho-2020-01-01-0900.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', detail: 'backup_damaged' },
    });
    expect(await attempt('backups.restore', { file: 'yadocho-2020-01-02-0900.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', detail: 'backup_not_yadocho' },
    });
    // Only names of ours in the folder: never a path elsewhere.
    expect(await attempt('backups.restore', { file: '../data/yadocho.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', detail: 'backup_not_found' },
    });
    expect(await call('system.info', {})).toEqual(info);
    expect(
      readdirSync(app.dirs.data).filter((name) => name.includes('before-restore') || name.endsWith('.restoring')),
    ).toEqual([]);
  });
});

describe('quitting', () => {
  it('makes a backup when anything changed since the last, and none when nothing did', async () => {
    const app = await setUp();
    const { call } = app.host;
    await withStaff(call);
    await call('backups.configure', { folder: app.dirs.backups });
    // A folder just chosen gets its first backup at once: let it finish before anything changes.
    for (let tries = 0; tries < 200 && !(await call('backups.status', {})).lastGood; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(app.dirs.ours()).toHaveLength(1);
    await call('guests.create', guest('石原', 'いしはら'));
    await app.reopen(); // closing is quitting: something changed since the first backup
    const made = app.dirs.ours();
    expect(made).toHaveLength(2);
    expect(made.map((file) => familyNames(join(app.dirs.backups, file))).sort()).toEqual([[], ['石原']]);
    await app.reopen();
    expect(app.dirs.ours()).toHaveLength(2);
  });

  it('stops a backup that would keep it waiting, leaving no partial file, and says so in the status', async () => {
    // Steps of the fewest pages and no time at all to spend on them.
    const app = await setUp({ stepPages: 16, quitBudgetMs: 1 });
    const { call } = app.host;
    await withStaff(call);
    await call('demo.load', { count: 100, seed: 4 });
    await call('backups.configure', { folder: app.dirs.backups });
    await app.quit();
    expect(readdirSync(app.dirs.backups)).toEqual([]);
    const state = JSON.parse(readFileSync(`${app.dirs.file}.backups.json`, 'utf8'));
    expect(state.lastFailure.reason).toBe('timed_out');
    expect(existsSync(`${app.dirs.file}-wal`)).toBe(false); // the database still closed cleanly
  });
});
