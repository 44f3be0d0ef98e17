import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCheckpointer } from '../../electron/core/checkpoints/checkpointer.ts';
import { createCore } from '../../electron/core/create-core.ts';

// Checkpoints run off the write path: a write leaves its frames in the WAL, and the core copies them to
// the database file once it has been idle a moment (here 30 ms instead of a second).
//
// No test sleeps a fixed time and hopes the checkpoint ran (or did not) meanwhile. Where the checkpoint must
// come, the test waits for the WAL to be copied, up to a deadline only a checkpoint that never comes reaches.
// Where time between writes is the point (pushing the checkpoint back, nothing after close), the test fakes
// setTimeout and moves time itself: the idle timer is the core's only timer, and its writes are synchronous.

const IDLE_MS = 30;
const quiet = { info() {}, warn() {}, error() {} };

/** Frames in the WAL and how many of them are already in the database file (NOOP copies nothing). */
const walFrames = (db: Database) => {
  const [row] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
  return { log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
};

/** Every frame in the WAL is in the database file too. */
const copied = (db: Database) => {
  const { log, checkpointed } = walFrames(db);
  return log > 0 && checkpointed === log;
};

/** Waits for the idle checkpoint to have copied the WAL, polling; fails after a deadline, not a guess. */
const checkpointed = (db: Database) => vi.waitUntil(() => copied(db), { timeout: 5_000, interval: 5 });

/**
 * The same where setTimeout is faked: the copy runs in the checkpoints' thread and its answer comes as a message,
 * so the test gives the event loop real turns (setImmediate is not faked) until it came, up to a real deadline.
 */
async function eventually(check: () => boolean, deadlineMs = 5_000): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (!check() && Date.now() < until) await new Promise((resolve) => setImmediate(resolve));
  return check();
}

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
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
    // Those writes checkpointed first, so that what the WAL holds uncopied below is the guests' alone.
    await checkpointed(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

    // The writes are synchronous and the read follows them without a turn of the event loop: the idle timer
    // cannot have fired in between, however slow the machine.
    await addGuests(call, 3);
    const written = walFrames(db);
    expect(written.log).toBeGreaterThan(0);
    expect(written.checkpointed).toBeLessThan(written.log); // the write did not copy its pages itself

    await checkpointed(db);
    core.close();
    db.close();
  });

  it('waits for the quiet: writes closer together than the delay keep pushing the checkpoint back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { db, core, call } = fileCore({ idleMs: 300 });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id }); // colleagues are added by someone chosen at this PC
    // A write every 250 ms for 3 s: ten times the delay, never the delay without a write, and no checkpoint.
    for (let i = 0; i < 12; i++) {
      vi.advanceTimersByTime(250);
      expect(copied(db), `${(i + 1) * 250} ms into the busy time`).toBe(false);
      await call('staff.create', { name: `仲居 ${i}` });
    }
    vi.advanceTimersByTime(299);
    expect(await eventually(() => copied(db), 50)).toBe(false);
    vi.advanceTimersByTime(1); // 300 ms of quiet
    expect(await eventually(() => copied(db))).toBe(true);
    core.close();
    db.close();
  });

  it('checkpoints at once after a commit that takes the WAL past the bound, and truncates a big WAL', async () => {
    const { db, core, call, file } = fileCore({ idleMs: 60_000, maxWalPages: 20, truncatePages: 0 });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    // A forced checkpoint with truncatePages 0 leaves an empty -wal file.
    const truncated = () => walFrames(db).log === 0 && statSync(`${file}-wal`).size === 0;
    let past = false;
    for (let i = 0; i < 200 && !past; i++) {
      await addGuests(call, 1);
      past = walFrames(db).log > 20;
    }
    expect(past).toBe(true);
    expect(await eventually(truncated)).toBe(true);
    core.close();
    db.close();
  });

  it('truncates a big -wal file in that thread, while the core’s thread is busy with something else', async () => {
    const { db, core, call, file } = fileCore({ idleMs: 60_000, maxWalPages: 20, truncatePages: 0 });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    const walBytes = () => statSync(`${file}-wal`).size;
    let past = false;
    for (let i = 0; i < 200 && !past; i++) {
      await addGuests(call, 1);
      past = walFrames(db).log > 20; // this commit asked the thread for a checkpoint
    }
    expect(past).toBe(true);
    expect(walBytes()).toBeGreaterThan(0);
    // The core's thread never turns here: a truncation that waited for it (its answer is a message) cannot come.
    const until = Date.now() + 5_000;
    while (walBytes() > 0 && Date.now() < until) {
      // busy: a long call, a slow read
    }
    expect(walBytes()).toBe(0);
    core.close();
    db.close();
  });

  it('copies in a thread of its own: the commit that passes the bound returns before the pages are copied', async () => {
    const { db, core, call } = fileCore({ idleMs: 60_000, maxWalPages: 20, truncatePages: 1_000_000 });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    // Writes with no turn of the event loop between them: the thread's answer cannot come in between.
    let past = false;
    for (let i = 0; i < 200 && !past; i++) {
      await addGuests(call, 1);
      const frames = walFrames(db);
      past = frames.log - frames.checkpointed > 20;
    }
    expect(past).toBe(true);
    // On the core's thread the commit past the bound would have copied everything before returning.
    expect(copied(db)).toBe(false);
    await checkpointed(db);
    core.close();
    db.close();
  });

  it('copies on the core’s connection when told to (thread: false), as before the thread', async () => {
    const { db, core, call } = fileCore({ idleMs: 60_000, maxWalPages: 20, truncatePages: 1_000_000, thread: false });
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    let copiedAtOnce = false;
    for (let i = 0; i < 200 && !copiedAtOnce; i++) {
      await addGuests(call, 1);
      copiedAtOnce = copied(db);
    }
    expect(copiedAtOnce).toBe(true);
    core.close();
    db.close();
  });

  it('close() stops the timer: no checkpoint runs after it, and the connection checkpoints by itself again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { db, core, call } = fileCore();
    const opened = vi.getTimerCount(); // the core's own (the daily backup's first look)
    await call('staff.create', { name: '女将 山田' });
    expect(vi.getTimerCount()).toBe(opened + 1); // and the idle checkpoint, due
    core.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(IDLE_MS * 100);
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
