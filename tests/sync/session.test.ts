import { describe, expect, it } from 'vitest';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { makeStamp } from '../../electron/core/changes/hlc.ts';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import { createSyncHub, type SyncHub } from '../../electron/core/sync/hub.ts';
import type { SyncMessage } from '../../electron/core/sync/messages.ts';
import type { SyncLog } from '../../electron/core/sync/session-terms.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { everything, syncedTables } from '../support/replica.ts';
import { memoryLink } from './memory-link.ts';

// The sync session between real cores (real SQLite, the real apply path), joined by an in-memory link that
// keeps each connection's order, as TLS does. The network's faults are the simulation's job
// (sync-simulation.ts); these cases pin down one behaviour each.

type Pc = TestCore & { device: string; hub: SyncHub; log: SyncLog };

async function makePc(name: string, clock: () => number, log?: (real: SyncLog) => SyncLog): Promise<Pc> {
  const made = await makeStaffedCore({ clock });
  const real = syncLogOf(made.core);
  const syncLog = log ? log(real) : real;
  const hub = createSyncHub({
    log: syncLog,
    device: name,
    now: clock,
    limits: { batchTransactions: 7, ackTimeoutMs: 1_000 },
  });
  made.core.onChanged(() => hub.localChanged());
  return { ...made, device: name, hub, log: syncLog };
}

const link = memoryLink<Pc>;

async function addGuests(pc: Pc, count: number, prefix: string) {
  for (let i = 0; i < count; i++) {
    await pc.call('guests.create', { fields: { familyName: `${prefix}${i}`, familyReading: 'やまだ' } });
  }
}

const guestNames = (pc: Pc) => pc.db.prepare('SELECT family_name FROM guests ORDER BY family_name').pluck().all();

describe('sync session', () => {
  it('never sends a change back to the PC it came from', async () => {
    let now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    const wire = link(a, b);
    wire.flush();
    for (let i = 0; i < 5; i++) {
      now += 1_000;
      await addGuests(a, 1, `live${i}`);
      wire.flush();
    }
    expect(guestNames(b)).toEqual(guestNames(a));
    const echoed = wire
      .sentBy('B')
      .filter((m): m is Extract<SyncMessage, { t: 'txs' }> => m.t === 'txs')
      .flatMap((m) => m.transactions as Array<{ node: string }>)
      .filter((tx) => tx.node === a.core.nodeId);
    expect(echoed).toEqual([]);
  });

  it('a new PC catches up in batches, each origin in its own order, and then receives every write live', async () => {
    let now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    await addGuests(a, 30, '山田');
    const wire = link(a, b);
    wire.flush();
    expect(guestNames(b)).toEqual(guestNames(a));
    // Batches of at most 7 transactions, and A's own transactions in A's stamp order.
    const batches = wire
      .messages()
      .filter((m): m is Extract<SyncMessage, { t: 'txs' }> => m.t === 'txs' && m.transactions.length > 0);
    expect(batches.length).toBeGreaterThan(4);
    const stamps = batches
      .flatMap((m) => m.transactions as Array<{ node: string; hlc: number }>)
      .filter((tx) => tx.node === a.core.nodeId)
      .map((tx) => tx.hlc);
    expect(stamps).toEqual([...stamps].sort((x, y) => x - y));
    expect(a.hub.status()[0]?.behind).toBe(0);

    now += 1_000;
    await addGuests(b, 1, '佐藤');
    wire.flush();
    expect(guestNames(a)).toContain('佐藤0');
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  });

  it('forwards what it received from a third PC, so a PC that reaches only one other still gets everything', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const [a, b, c] = [await makePc('A', () => now), await makePc('B', () => now), await makePc('C', () => now)];
    const ab = link(a, b);
    const bc = link(b, c);
    await addGuests(a, 5, '鈴木');
    await addGuests(c, 5, '高橋');
    for (let round = 0; round < 4; round++) {
      ab.flush();
      bc.flush();
    }
    expect(guestNames(a)).toEqual(guestNames(c));
    expect(guestNames(a)).toHaveLength(10);
  });

  it('a hole that the cursor hides is found by the digest and filled', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    await addGuests(a, 12, '伊藤');
    // B receives A's log with one transaction missing in the middle: its cursor (the latest stamp it holds
    // from A) says it has everything.
    const all = everything(a.core);
    const missing = all[6] as { hlc: number };
    b.core.changes.apply(all.filter((tx) => tx !== missing));
    expect(b.log.upTo(a.core.nodeId)).toBe(a.log.upTo(a.core.nodeId));
    const wire = link(a, b);
    wire.flush();
    expect(wire.messages().some((m) => m.t === 'buckets')).toBe(true);
    const repaired = wire.messages().filter((m) => m.t === 'txs' && m.repair);
    expect(repaired.length).toBeGreaterThan(0);
    expect(b.log.digest(a.core.nodeId, Number.MAX_SAFE_INTEGER)).toEqual(
      a.log.digest(a.core.nodeId, Number.MAX_SAFE_INTEGER),
    );
    expect(syncedTables(b.db)).toEqual(syncedTables(a.db));
  });

  it('acknowledges a batch only after it committed: a failed apply is sent again after the timeout', async () => {
    let now = Date.parse('2026-06-15T10:00:00+09:00');
    let failNext = 1;
    const a = await makePc('A', () => now);
    const b = await makePc(
      'B',
      () => now,
      (real) => ({
        ...real,
        apply(batch) {
          if (batch.length > 0 && failNext-- > 0) throw new Error('disk full');
          return real.apply(batch);
        },
      }),
    );
    await addGuests(a, 3, '渡辺');
    const wire = link(a, b);
    wire.flush();
    expect(guestNames(b)).toHaveLength(0);
    expect(wire.sentBy('B').filter((m) => m.t === 'ack' && m.batch > 0)).toHaveLength(0);
    expect(b.hub.status()[0]?.stats.applyFailures).toBe(1);
    now += 1_500;
    a.hub.tick();
    wire.flush();
    expect(guestNames(b)).toEqual(guestNames(a));
    expect(a.hub.status()[0]?.stats.timeouts).toBe(1);
  });

  it('a batch that does not continue from what the receiver holds is not taken, and is sent again from there', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    await addGuests(a, 20, '中村');
    let dropped = 0;
    // The network loses A's first batch; the second arrives and must not be applied over the gap.
    const wire = link(a, b, {
      rewrite: (message, from) =>
        from === 'A' && message.t === 'txs' && message.batch === 1 && dropped++ === 0 ? null : message,
    });
    wire.flush();
    expect(dropped).toBe(1);
    expect(b.hub.status()[0]?.stats.mismatches).toBe(0);
    expect(guestNames(b)).toEqual(guestNames(a));
    expect(b.log.digest(a.core.nodeId, Number.MAX_SAFE_INTEGER)).toEqual(
      a.log.digest(a.core.nodeId, Number.MAX_SAFE_INTEGER),
    );
  });

  it('refuses a peer that speaks another protocol version, or sends what is not a message', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const closed: string[] = [];
    const hub = createSyncHub({
      log: a.log,
      device: 'A',
      now: () => now,
      onSessionClosed: (_, reason) => closed.push(reason),
    });
    const sent: SyncMessage[] = [];
    hub.attach('X', { send: (m) => sent.push(m), close() {} });
    hub.receive('X', { t: 'hello', protocol: 99, device: 'X', schema: 1 });
    expect(closed).toEqual(['protocol']);
    expect(sent.at(-1)).toEqual({ t: 'bye', reason: 'protocol' });
    expect(sent.some((m) => m.t === 'have' || m.t === 'txs')).toBe(false);

    hub.attach('Y', { send: (m) => sent.push(m), close() {} });
    hub.receive('Y', { t: 'txs', batch: 1 });
    expect(closed).toEqual(['protocol', 'protocol']);
  });

  it("keeps a newer version's transactions aside, counts them as held, forwards them, and shows the peer's schema", async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    const c = await makePc('C', () => now);
    await addGuests(a, 2, '小林');
    // A transaction written by a newer version of Yadocho on A: a table this version does not know.
    const first = everything(a.core)[0] as Record<string, unknown>;
    const future = {
      ...first,
      hlc: a.log.upTo(a.core.nodeId) + 2048,
      schema: a.log.schema + 1,
      entries: [{ table: 999, row: 'future-setting', col: 1, value: 'x', prev: null }],
    };
    b.core.changes.apply([...everything(a.core), future]);
    expect(b.db.prepare('SELECT reason FROM log_held').pluck().all()).toEqual(['unknown_schema']);
    expect(b.log.upTo(a.core.nodeId)).toBe(future.hlc);

    const bc = link(b, c);
    bc.flush();
    expect(c.db.prepare('SELECT reason FROM log_held').pluck().all()).toEqual(['unknown_schema']);
    expect(c.log.digest(a.core.nodeId, future.hlc)).toEqual(b.log.digest(a.core.nodeId, future.hlc));
    expect(guestNames(c)).toEqual(guestNames(a));

    // The newer PC says its schema in its hello; the status shows it, so the screen can say to update.
    const hub = createSyncHub({ log: c.log, device: 'C', now: () => now });
    hub.attach('N', { send() {}, close() {} });
    hub.receive('N', { t: 'hello', protocol: 1, device: 'N', schema: c.log.schema + 1 });
    expect(hub.status()[0]?.peerSchema).toBe(c.log.schema + 1);
  });

  it('goes on past a transaction whose values the tables refuse: kept aside and forwarded, the rest applied', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    const c = await makePc('C', () => now);
    await addGuests(a, 3, '大野');
    // A faulty PC F cleared a guest's family name (NOT NULL): B kept it aside and holds it as received.
    const fromA = everything(a.core) as Array<{ hlc: number; entries: Array<{ table: number; row: string }> }>;
    const guestInsert = fromA.find((tx) => tx.entries.some((entry) => entry.table === tableSpec('guests').id));
    const faultyNode = '0190a000-0000-7000-8000-0000000000f0';
    const faulty = {
      node: faultyNode,
      hlc: (fromA.at(-1)?.hlc ?? 0) + 1,
      staff: null,
      call: 'guests.update',
      schema: a.log.schema,
      entries: [
        {
          table: tableSpec('guests').id,
          row: guestInsert?.entries[0]?.row,
          col: columnSpec('guests', 'family_name')?.id,
          value: null,
          prev: null,
        },
      ],
    };
    const report = b.core.changes.apply([...fromA, faulty]);
    expect(report.held.map((held) => held.reason)).toEqual(['cannot_store']);
    expect(guestNames(b)).toEqual(guestNames(a));

    // C catches up from B: A's guests, and F's transaction forwarded and kept aside there too.
    const bc = link(b, c);
    bc.flush();
    expect(guestNames(c)).toEqual(guestNames(a));
    expect(c.db.prepare('SELECT reason FROM log_held').pluck().all()).toEqual(['cannot_store']);
    expect(c.log.digest(faultyNode, faulty.hlc)).toEqual(b.log.digest(faultyNode, faulty.hlc));
    // And what A writes next still arrives.
    await addGuests(a, 1, '後藤');
    b.core.changes.apply(everything(a.core));
    bc.flush();
    expect(guestNames(c)).toEqual(guestNames(a));
  });

  it('forwards a transaction that names no call, as any other (a register that never held sample data left it out)', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    // A PC that is not here now wrote a transaction without a call's name (the contract allows it), and A took it in.
    const elsewhere = '0190f000-0000-7000-8000-0000000000aa';
    const stamp = makeStamp(now - 60_000, 0);
    // Its one entry is a note on a guest whose insert has not come (kept in the log until it does).
    const note = { table: tableSpec('guests').id, col: columnSpec('guests', 'note')?.id as number };
    const entry = { ...note, row: '0190f000-0000-7000-8000-0000000000bb', value: 'メモ', prev: null };
    const kept = a.core.changes.apply([
      { node: elsewhere, hlc: stamp, staff: null, call: null, schema: a.log.schema, entries: [entry] },
    ]);
    expect(kept.applied).toBe(1);
    expect(a.log.upTo(elsewhere)).toBe(stamp);
    const wire = link(a, b);
    wire.flush();
    expect(b.log.upTo(elsewhere)).toBe(stamp);
    expect(a.hub.status()[0]?.behind).toBe(0);
  });

  it('never ships sample data: a PC that tried the app with it syncs only what staff recorded', async () => {
    const now = Date.parse('2026-06-15T10:00:00+09:00');
    const a = await makePc('A', () => now);
    const b = await makePc('B', () => now);
    await a.call('demo.load', { count: 20 });
    const sample = guestNames(a).length;
    expect(sample).toBeGreaterThanOrEqual(20);
    await addGuests(a, 2, '本物');
    const wire = link(a, b);
    wire.flush();
    expect(guestNames(b)).toEqual(['本物0', '本物1']);
    const shipped = wire.sentBy('A').flatMap((m) => (m.t === 'txs' ? (m.transactions as Array<{ call: string }>) : []));
    expect(shipped.some((tx) => tx.call === 'demo.load')).toBe(false);
    expect(shipped.length).toBeGreaterThan(0);
    expect(a.hub.status()[0]?.behind).toBe(0);
  });
});
