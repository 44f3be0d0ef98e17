import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCheckpointer } from '../../electron/core/checkpoint.ts';
import { createCore } from '../../electron/core/create-core.ts';

// Checkpoints run off the write path: a write leaves its frames in the WAL, and the core copies them to
// the database file once it has been idle a moment (here 30 ms instead of a second).

const IDLE_MS = 30;
const quiet = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Frames in the WAL and how many of them are already in the database file (NOOP copies nothing). */
const walFrames = (db: Database) => {
  const [row] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
  return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileCore(checkpoint = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'yadocho-checkpoint-'));
  dirs.push(dir);
  const file = join(dir, 'y.sqlite');
  const db = openDatabase(file);
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    logger: quiet,
    checkpoint: { idleMs: IDLE_MS, ...checkpoint },
  });
  const call = async (name: string, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the test reads results loosely.
    return result.value as any;
  };
  return { db, core, call, file };
}

async function addGuests(call: (name: string, input: unknown) => Promise<unknown>, count: number) {
  for (let i = 0; i < count; i++) {
    await call('guests.create', {
      fields: { familyName: '山田', givenName: `花子${i}`, familyReading: 'やまだ', givenReading: 'はなこ' },
    });
  }
}

describe('WAL checkpoints', () => {
  it('leave a write in the WAL, then checkpoint it once the core has been idle', async () => {
    const { db, core, call } = fileCore();
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    await sleep(IDLE_MS * 3);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    await addGuests(call, 3);
    const written = walFrames(db);
    expect(written.log).toBeGreaterThan(0);
    expect(written.checkpointed).toBeLessThan(written.log); // the write did not copy its pages itself

    await sleep(IDLE_MS * 4);
    const idle = walFrames(db);
    expect(idle.log).toBeGreaterThan(0);
    expect(idle.checkpointed).toBe(idle.log);
    core.close();
    db.close();
  });

  it('waits for the quiet: writes closer together than the delay keep pushing the checkpoint back', async () => {
    const { db, core, call } = fileCore({ idleMs: 300 });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id }); // colleagues are added by someone chosen at this PC
    for (let i = 0; i < 6; i++) {
      await call('staff.create', { name: `仲居 ${i}` });
      await sleep(50); // 300 ms in all, never 300 ms without a write
    }
    const busy = walFrames(db);
    expect(busy.checkpointed).toBeLessThan(busy.log);
    await sleep(700);
    const idle = walFrames(db);
    expect(idle.checkpointed).toBe(idle.log);
    core.close();
    db.close();
  });

  it('checkpoints at once after a commit that takes the WAL past the bound, and truncates a big WAL', async () => {
    const { db, core, call, file } = fileCore({ idleMs: 60_000, maxWalPages: 20, truncatePages: 0 });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    let forced = false;
    for (let i = 0; i < 200 && !forced; i++) {
      await addGuests(call, 1);
      // A forced checkpoint with truncatePages 0 leaves an empty -wal file.
      forced = walFrames(db).log === 0 && statSync(`${file}-wal`).size === 0;
    }
    expect(forced).toBe(true);
    core.close();
    db.close();
  });

  it('close() stops the timer: no checkpoint runs after it, and the connection checkpoints by itself again', async () => {
    const { db, core, call } = fileCore();
    await call('staff.create', { name: '女将 山田' });
    core.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await sleep(IDLE_MS * 4);
    const after = walFrames(db);
    expect(after.checkpointed).toBeLessThan(after.log);
    db.close();
  });

  it('does nothing for an in-memory database (no WAL)', () => {
    const db = openDatabase(':memory:');
    const checkpoints = createCheckpointer(db, quiet, { idleMs: 1 });
    checkpoints.afterCommit();
    checkpoints.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });
});
