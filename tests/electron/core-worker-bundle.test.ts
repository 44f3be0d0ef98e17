import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { startCoreHost } from '../../electron/core-host/host.ts';
import { bundleElectron } from '../../electron/launch/bundle.ts';
import type { CallOutput } from '../../shared/contract/index.ts';

type StaffMember = CallOutput<'staff.list'>['staff'][number];

// Electron cannot start on these machines, but its core worker is plain Node: the bundle's core-worker.cjs
// (what main.cjs starts, from the same folder) is run here as a worker thread, on a real database file.

const root = path.resolve(import.meta.dirname, '..', '..');
// Inside the project, so `require('better-sqlite3')` finds node_modules as it does from dist/electron.
const outDir = path.join(root, 'dist', `bundle-test-${process.pid}`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'yadocho-bundle-'));

beforeAll(async () => {
  await bundleElectron({ root, outDir });
}, 60_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bundled core worker', () => {
  it('is emitted beside main.cjs and runs the core: calls, a job with progress, a clean close', async () => {
    for (const file of ['main.cjs', 'preload.cjs', 'core-worker.cjs', 'backup-thread.cjs', 'checkpoint-thread.cjs'])
      expect(existsSync(path.join(outDir, file))).toBe(true);
    const file = path.join(dataDir, 'yadocho.sqlite');
    const host = await startCoreHost({ file, entry: path.join(outDir, 'core-worker.cjs'), quiet: true });
    const states: string[] = [];
    host.onProgress((progress) => states.push(progress.state));
    expect(await host.call('system.info', {})).toMatchObject({ ok: true, value: { nodeId: host.nodeId } });
    expect(await host.call('demo.load', { count: 10, seed: 1 })).toEqual({ ok: true, value: { created: 10 } });
    expect(states.at(-1)).toBe('done');
    // The sample inn's owner sits down: the rest needs someone chosen with the permissions.
    const listed = (await host.call('staff.list', {})) as { ok: true; value: { staff: StaffMember[] } };
    const owner = listed.value.staff.find((member) => member.roles.includes('owner'));
    expect(await host.call('staff.setCurrent', { id: owner?.id ?? '' })).toMatchObject({ ok: true });
    // Japan Post's postcodes are copied beside the bundle and found from there.
    expect(await host.call('addresses.byPostcode', { postcode: '100-0001' })).toMatchObject({
      ok: true,
      value: { candidates: [{ address: '東京都千代田区千代田' }] },
    });
    // A backup is checked in a thread of its own, started from backup-thread.cjs beside the worker.
    const folder = path.join(dataDir, 'backups');
    mkdirSync(folder);
    await host.call('backups.configure', { folder });
    expect(await host.call('backups.run', {})).toMatchObject({ ok: true, value: { counts: { guests: 10 } } });
    await host.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('copies the WAL into the file from checkpoint-thread.cjs beside the worker, and closes when told', async () => {
    const file = path.join(dataDir, 'checkpoints.sqlite');
    const db = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    for (let i = 0; i < 50; i++) db.prepare('INSERT INTO t VALUES (?)').run('宿帳'.repeat(200));
    const closed = new SharedArrayBuffer(4);
    const thread = new Worker(path.join(outDir, 'checkpoint-thread.cjs'), { workerData: { file, closed } });
    const answer = new Promise<{ type: string; log: number; checkpointed: number }>((resolve) =>
      thread.once('message', resolve),
    );
    thread.postMessage({ type: 'checkpoint', truncateAbovePages: 1_000_000 });
    const frames = await answer;
    expect(frames.type).toBe('checkpointed');
    expect(frames.log).toBeGreaterThan(0);
    expect(frames.checkpointed).toBe(frames.log);
    thread.postMessage({ type: 'close' });
    await new Promise((resolve) => thread.once('exit', resolve));
    expect(Atomics.load(new Int32Array(closed), 0)).toBe(1);
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // the last connection to close removes it
  });
});
