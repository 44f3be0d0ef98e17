import { describe, expect, it } from 'vitest';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import { createSyncHub, type SyncHub } from '../../electron/core/sync/hub.ts';
import type { SnapshotRefusal } from '../../electron/core/sync/messages.ts';
import type { SessionSnapshot, SyncLog } from '../../electron/core/sync/session-terms.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { syncedTables } from '../support/replica.ts';
import { memoryLink } from './memory-link.ts';

// How a session negotiates a first join by snapshot, with real cores joined by an in-memory link and the
// snapshot machinery stood in for (the files, threads and the swap are snapshot-receiver.test.ts's and
// snapshot-processes.test.ts's): who asks, when, and that every other case is an ordinary replay.

type Pc = TestCore & { device: string; hub: SyncHub; log: SyncLog };

type Stub = SessionSnapshot & { asked: number; served: number };

function stub(options: { wants: boolean; refusal?: SnapshotRefusal | null }): Stub {
  return {
    asked: 0,
    served: 0,
    wants: () => options.wants,
    release() {},
    refusal: () => options.refusal ?? null,
    serve() {
      this.served++;
      return { ack() {}, cancel() {} };
    },
    receive() {
      this.asked++;
      return { take() {}, cancel() {} };
    },
  };
}

async function makePc(name: string, snapshot?: SessionSnapshot): Promise<Pc> {
  let now = Date.parse('2026-06-15T10:00:00+09:00');
  const clock = () => now++;
  const made = await makeStaffedCore({ clock });
  const log = syncLogOf(made.core);
  const hub = createSyncHub({
    log,
    device: name,
    now: clock,
    limits: { batchTransactions: 7 },
    snapshot,
  });
  made.core.onChanged(() => hub.localChanged());
  return { ...made, device: name, hub, log };
}

const link = memoryLink<Pc>;

async function addGuests(pc: Pc, count: number) {
  for (let i = 0; i < count; i++) {
    await pc.call('guests.create', { fields: { familyName: `${pc.device}${i}`, familyReading: 'やまだ' } });
  }
}

describe('first join by snapshot, as the session negotiates it', () => {
  it('asks only once the member holds every transaction of the new PC, and the member sends none of its log', async () => {
    const memberStub = stub({ wants: false });
    const newStub = stub({ wants: true });
    const member = await makePc('A', memberStub);
    const fresh = await makePc('B', newStub);
    await addGuests(member, 20);
    const wire = link(member, fresh);
    wire.flush();
    expect(wire.kinds('B')).toContain('snapshot_ask');
    expect(newStub.asked).toBe(1);
    // The member took the new PC's own transactions (its staff member) before it was asked for a copy ...
    const freshOwn = fresh.log.states().map((state) => state.node);
    for (const node of freshOwn) expect(member.log.upTo(node)).toBe(fresh.log.upTo(node));
    expect(memberStub.served).toBe(1);
    // ... and sent none of its own: the copy holds them.
    expect(wire.kinds('A')).not.toContain('txs');
    expect(fresh.hub.session('A')?.snapshotState()).toBe('receiving');
    expect(member.hub.session('B')?.snapshotState()).toBe('sending');
  });

  it('joins by replay when the member is an older release without the capability', async () => {
    const older = await makePc('A');
    const fresh = await makePc('B', stub({ wants: true }));
    await addGuests(older, 20);
    const wire = link(older, fresh);
    wire.flush();
    expect(wire.kinds('B').filter((kind) => kind.startsWith('snapshot_'))).toEqual([]);
    expect(syncedTables(fresh.db)).toEqual(syncedTables(older.db));
    expect(fresh.hub.session('A')?.snapshotState()).toBeNull();
  });

  it('joins by replay when the member refuses (it loaded sample data, say)', async () => {
    const member = await makePc('A', stub({ wants: false, refusal: 'sample_data' }));
    const fresh = await makePc('B', stub({ wants: true }));
    await addGuests(member, 20);
    const wire = link(member, fresh);
    wire.flush();
    expect(wire.kinds('A')).toContain('snapshot_refused');
    expect(wire.kinds('B')).not.toContain('snapshot_ask');
    expect(syncedTables(fresh.db)).toEqual(syncedTables(member.db));
  });

  it('two empty PCs have nothing to copy for each other: both replay', async () => {
    const a = await makePc('A', stub({ wants: true }));
    const b = await makePc('B', stub({ wants: true }));
    const wire = link(a, b);
    wire.flush();
    expect(wire.messages().filter((message) => message.t.startsWith('snapshot_'))).toEqual([]);
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  });
});
