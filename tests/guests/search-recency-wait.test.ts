import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { makeStaffedCore } from '../support/core.ts';
import { asIntended, exactly, fullRebuild, waiting } from '../support/search-index-view.ts';
import { testClock } from './edit-ops.ts';

// An edit that moves only a guest's last activity (a note, a preference) answers without moving the guest's ~58
// search rows to the new recency: they move at the core's next idle moment (search-index.ts, "Recency moves
// wait"). Meanwhile the guest is found as before; afterwards, first among equal matches as the most recent.

const HOUR = 60 * 60 * 1000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function twoSatous(idleMs: number) {
  const clock = testClock();
  const test = await makeStaffedCore({ clock: clock.now, checkpoint: { idleMs } });
  const older = await test.call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう' } });
  clock.advance(HOUR);
  const newer = await test.call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう' } });
  const order = async () =>
    (await test.call('guests.search', { q: 'さとう' })).hits.map((hit: { id: string }) => hit.id);
  return { ...test, clock, older: older.id as string, newer: newer.id as string, order };
}

describe('a search row move that waits for an idle moment', () => {
  it('keeps a noted guest where they were until the core is idle, then puts them first among equal matches', async () => {
    const test = await twoSatous(20);
    expect(await test.order()).toEqual([test.newer, test.older]);
    test.clock.advance(2 * HOUR);
    await test.call('guests.update', { id: test.older, patch: { note: '朝食は和食' } });
    // Answered: the guest's rows still stand at the old recency, and the index says so.
    expect(waiting(test.db)).toBe(1);
    expect(await test.order()).toEqual([test.newer, test.older]);
    expect(asIntended(test.db)).toEqual(fullRebuild(test.db));
    await vi.waitFor(() => expect(waiting(test.db)).toBe(0), { timeout: 5_000, interval: 10 });
    expect(await test.order()).toEqual([test.older, test.newer]);
    expect(exactly(test.db)).toEqual(fullRebuild(test.db));
    test.core.close();
  });

  it('removes a waiting guest’s rows where they stand when the guest is renamed or deleted before the move', async () => {
    const test = await twoSatous(60_000); // no idle moment within the test
    test.clock.advance(2 * HOUR);
    await test.call('guests.update', { id: test.older, patch: { note: '窓側の部屋' } });
    test.clock.advance(2 * HOUR);
    await test.call('guests.update', { id: test.older, patch: { note: '禁煙' } }); // waits still, from the first recency
    expect(waiting(test.db)).toBe(1);
    await test.call('guests.update', { id: test.older, patch: { familyName: '齋藤', familyReading: 'さいとう' } });
    expect(waiting(test.db)).toBe(0);
    expect(exactly(test.db)).toEqual(fullRebuild(test.db));
    expect(await test.order()).toEqual([test.newer]);

    test.clock.advance(2 * HOUR);
    await test.call('guests.update', { id: test.newer, patch: { note: '誕生日' } });
    expect(waiting(test.db)).toBe(1);
    await test.call('guests.delete', { id: test.newer });
    expect(waiting(test.db)).toBe(0);
    expect(exactly(test.db)).toEqual(fullRebuild(test.db));
    expect(await test.order()).toEqual([]);
    test.core.close();
  });

  it('keeps the wait across a restart: the reopened core moves the rows, and no row is left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-recency-'));
    dirs.push(dir);
    const file = join(dir, 'register.sqlite');
    const clock = testClock();
    const open = (idleMs: number) => {
      const db = openDatabase(file);
      const core = createCore({
        db,
        nodeId: openNodeIdentity(db).nodeId,
        clock: clock.now,
        logger: { info() {}, warn() {}, error() {} },
        checkpoint: { idleMs },
      });
      const call = async (name: string, input: unknown) => {
        const result = await core.call(name, input);
        if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
        return result.value as { id: string };
      };
      return { db, core, call };
    };
    const first = open(60_000);
    const staff = await first.call('staff.create', { name: '女将 山田' });
    await first.call('staff.setCurrent', { id: staff.id });
    const guest = await first.call('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
    clock.advance(3 * HOUR);
    await first.call('guests.update', { id: guest.id, patch: { note: '車椅子' } });
    expect(waiting(first.db)).toBe(1);
    first.core.close(); // no idle moment came: the wait is in the file
    first.db.close();

    const second = open(10);
    expect(waiting(second.db)).toBe(1);
    expect(asIntended(second.db)).toEqual(fullRebuild(second.db));
    // The reopened core's first idle moment moves them.
    await vi.waitFor(() => expect(waiting(second.db)).toBe(0), { timeout: 5_000, interval: 10 });
    expect(exactly(second.db)).toEqual(fullRebuild(second.db));
    second.core.close();
    second.db.close();
  });
});
