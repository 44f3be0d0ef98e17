import { describe, expect, it } from 'vitest';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import { createSyncHub, type SyncHub } from '../../electron/core/sync/hub.ts';
import type { SyncMessage } from '../../electron/core/sync/messages.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { syncedTables } from '../support/replica.ts';
import { memoryLink } from './memory-link.ts';

// A received batch is applied in parts, with other work between them (session.ts `pacing`; the app's gives one
// event-loop turn while staff are at work, so a search typed meanwhile waits for one part, not the batch). Real
// cores, real SQLite; the turns between parts are held here by hand and the messages delivered one at a time
// (memory-link.ts), so what staff and the network do between two parts is the subject.

type Pc = TestCore & { device: string; hub: SyncHub };

const PART = 5;

async function makePc(name: string, clock: () => number, between?: (next: () => void) => void): Promise<Pc> {
  const made = await makeStaffedCore({ clock });
  const hub = createSyncHub({
    log: syncLogOf(made.core),
    device: name,
    now: clock,
    limits: { batchTransactions: 40, ackTimeoutMs: 1_000 },
    ...(between ? { pacing: { part: () => PART, between } } : {}),
  });
  made.core.onChanged(() => hub.localChanged());
  return { ...made, device: name, hub };
}

/** Delivers until a batch of transactions has been handed to `to`; the hub's answer to it. */
function deliverUntilBatchTo(wire: ReturnType<typeof memoryLink<Pc>>, to: Pc) {
  while (wire.pending() > 0) {
    const delivered = wire.deliverOne();
    const { message } = delivered;
    if (delivered.to === to && message.t === 'txs' && message.transactions.length > 0) return delivered.answer;
  }
  throw new Error('no batch of transactions was sent');
}

/** Takes each waiting turn and delivers each message, in that order of preference, until nothing is left. */
function settle(wire: ReturnType<typeof memoryLink<Pc>>, turns: Array<() => void>) {
  for (let guard = 0; guard < 1_000 && (wire.pending() > 0 || turns.length > 0); guard++) {
    if (turns.length > 0) (turns.shift() as () => void)();
    else wire.deliverOne();
  }
}

async function addGuests(pc: Pc, count: number, prefix: string) {
  for (let i = 0; i < count; i++) {
    await pc.call('guests.create', { fields: { familyName: `${prefix}${i}`, familyReading: 'やまだ' } });
  }
}

const guestCount = (pc: Pc) => pc.db.prepare('SELECT count(*) FROM guests').pluck().get() as number;
const acksFrom = (wire: ReturnType<typeof memoryLink<Pc>>, device: string) =>
  wire.sentBy(device).filter((message): message is Extract<SyncMessage, { t: 'ack' }> => message.t === 'ack');

describe('a received batch applied in parts', () => {
  it('lets staff search between the parts, holds the next message back, and acknowledges after the last part', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const turns: Array<() => void> = [];
    const a = await makePc('A', () => now);
    const b = await makePc(
      'B',
      () => now,
      (next) => turns.push(next),
    );
    await addGuests(a, 30, '山田');
    const wire = memoryLink(a, b);
    const batchHandled = deliverUntilBatchTo(wire, b);
    expect(batchHandled).toBeInstanceOf(Promise);
    let done = false;
    void batchHandled?.then(() => {
      done = true;
    });

    // One part is in, and the turn for the next waits: a search at the desk runs now and sees that part.
    expect(turns).toHaveLength(1);
    const afterOne = guestCount(b);
    expect(afterOne).toBeGreaterThan(0);
    expect(afterOne).toBeLessThanOrEqual(PART);
    const found = await b.call('guests.search', { q: '山田' });
    expect(found.hits.length).toBe(afterOne);
    expect(acksFrom(wire, 'B')).toHaveLength(0);

    // A guest recorded at A meanwhile is pushed at once; at B it waits behind the batch, to be taken after it.
    await addGuests(a, 1, '追加');
    const waiting: Array<Promise<void> | undefined> = [];
    while (wire.pending() > 0) {
      const { to, answer } = wire.deliverOne();
      if (to === b) waiting.push(answer);
    }
    expect(waiting.length).toBeGreaterThan(0);
    for (const answer of waiting) expect(answer).toBeInstanceOf(Promise);
    expect(guestCount(b)).toBe(afterOne);
    let parts = 1;
    while (turns.length > 0) {
      (turns.shift() as () => void)();
      parts++;
      if (turns.length > 0) expect(acksFrom(wire, 'B')).toHaveLength(0);
    }
    await Promise.all(waiting);
    expect(done).toBe(true);
    // Handled in the order they came: the batch's ack first, then the live push's.
    const acked = acksFrom(wire, 'B').map((ack) => ack.batch);
    expect(acked.length).toBeGreaterThanOrEqual(2);
    expect(acked).toEqual([...acked].sort((x, y) => x - y));
    expect(parts).toBeGreaterThan(2);
    expect(b.hub.status()[0]?.stats.partsApplied).toBeGreaterThanOrEqual(parts);

    // The rest goes the same way, each turn taken at once, until both hold the same register.
    settle(wire, turns);
    expect(guestCount(b)).toBe(31);
    expect(syncedTables(b.db)).toEqual(syncedTables(a.db));
    expect(a.hub.status()[0]?.behind).toBe(0);
  });

  it('a connection cut between two parts keeps what committed, acknowledges nothing, and the next one goes on from there', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    let turns: Array<() => void> = [];
    const a = await makePc('A', () => now);
    const b = await makePc(
      'B',
      () => now,
      (next) => turns.push(next),
    );
    await addGuests(a, 30, '佐藤');
    const first = memoryLink(a, b);
    deliverUntilBatchTo(first, b);
    (turns.shift() as () => void)();
    const committed = guestCount(b);
    expect(committed).toBeGreaterThan(PART);
    first.cut();
    // The turn that was waiting comes after the cut: nothing more is applied, nothing acknowledged.
    for (const next of turns.splice(0)) next();
    expect(guestCount(b)).toBe(committed);
    expect(acksFrom(first, 'B')).toHaveLength(0);

    turns = [];
    const second = memoryLink(a, b);
    settle(second, turns);
    expect(guestCount(b)).toBe(30);
    expect(syncedTables(b.db)).toEqual(syncedTables(a.db));
    // What committed before the cut is a prefix of A's log: the next session sent only what came after it.
    const resent = second.sentBy('A').flatMap((message) => (message.t === 'txs' ? message.transactions : []));
    expect(b.hub.status()[0]?.stats.duplicates).toBe(0);
    expect(resent.length).toBeLessThan(31 - committed + 5);
  });
});
