import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHlc,
  MAX_DRIFT_MS,
  makeStamp,
  stampCounter,
  stampToIso,
  stampWall,
} from '../../electron/core/changes/hlc.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { twoPcs } from './two-pcs.ts';

describe('hybrid logical clock', () => {
  it('issues increasing stamps even when the PC clock steps back', () => {
    let now = 1_000_000;
    const hlc = createHlc(() => now);
    const a = hlc.now();
    now -= 5_000; // the clock was set back
    const b = hlc.now();
    const c = hlc.now();
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(stampWall(c)).toBe(1_000_000);
  });

  it('moves past every remote stamp it accepts, and continues from the latest stamp on record', () => {
    const now = 2_000_000;
    const hlc = createHlc(() => now);
    const remote = makeStamp(now + 60_000, 7); // a minute ahead: within the drift limit
    expect(hlc.receive(remote)).toBe('ok');
    expect(hlc.now()).toBeGreaterThan(remote);
    const restarted = createHlc(() => now, hlc.last());
    expect(restarted.now()).toBeGreaterThan(remote);
  });

  it('refuses a stamp more than five minutes ahead, and does not move for it', () => {
    const now = 3_000_000;
    const hlc = createHlc(() => now);
    const before = hlc.now();
    const future = makeStamp(now + MAX_DRIFT_MS + 1, 0);
    expect(hlc.check(future)).toBe('ahead');
    expect(hlc.receive(future)).toBe('ahead');
    const after = hlc.now();
    expect(after).toBeLessThan(future);
    expect(stampWall(after)).toBe(now);
    expect(after).toBeGreaterThan(before);
    // Exactly at the limit is accepted.
    expect(hlc.receive(makeStamp(now + MAX_DRIFT_MS, 0))).toBe('ok');
  });

  it('refuses malformed stamps without turning them into NaN', () => {
    const hlc = createHlc(() => 4_000_000);
    for (const bad of [Number.NaN, -1, 1.5, '123', null, undefined, {}, Number.MAX_SAFE_INTEGER + 2, 2 ** 60]) {
      expect(hlc.receive(bad)).toBe('malformed');
    }
    const stamp = hlc.now();
    expect(Number.isSafeInteger(stamp)).toBe(true);
    expect(stampToIso(stamp)).toBe(new Date(4_000_000).toISOString());
  });

  it('a clock that reads garbage keeps the stamps valid and increasing', () => {
    let reading = 5_000_000;
    const hlc = createHlc(() => reading);
    const a = hlc.now();
    reading = Number.NaN;
    const b = hlc.now();
    reading = -10;
    const c = hlc.now();
    expect([a, b, c].every(Number.isSafeInteger)).toBe(true);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
  });

  it('borrows the next millisecond when the counter is full, so stamps never collide', () => {
    const hlc = createHlc(() => 6_000_000);
    const seen = new Set<number>();
    let previous = 0;
    for (let i = 0; i < 5_000; i++) {
      const stamp = hlc.now();
      expect(stamp).toBeGreaterThan(previous);
      seen.add(stamp);
      previous = stamp;
    }
    expect(seen.size).toBe(5_000);
    expect(stampCounter(previous)).toBeLessThan(2048);
  });

  it('is monotonic under any interleaving of clock readings, local events and remote stamps (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: -10_000, max: 10_000 }) }),
            fc.record({ kind: fc.constant('now' as const) }),
            fc.record({
              kind: fc.constant('remote' as const),
              ahead: fc.integer({ min: -600_000, max: 600_000 }),
              counter: fc.integer({ min: 0, max: 2047 }),
            }),
          ),
          { maxLength: 200 },
        ),
        (steps) => {
          let physical = 1_700_000_000_000;
          const hlc = createHlc(() => physical);
          let last = 0;
          for (const step of steps) {
            if (step.kind === 'tick') physical += step.ms;
            else if (step.kind === 'now') {
              const stamp = hlc.now();
              expect(stamp).toBeGreaterThan(last);
              last = stamp;
            } else {
              const remote = makeStamp(Math.max(0, physical + step.ahead), step.counter);
              const verdict = hlc.receive(remote);
              expect(verdict).toBe(step.ahead > MAX_DRIFT_MS ? 'ahead' : 'ok');
              if (verdict === 'ok') {
                const stamp = hlc.now();
                expect(stamp).toBeGreaterThan(remote);
                expect(stamp).toBeGreaterThan(last);
                last = stamp;
              }
            }
          }
        },
      ),
    );
  });

  it("a core started again continues after the latest stamp on its file, whichever PC's it is", async () => {
    // B's clock reads a minute ahead (within the drift limit): what A received from B is A's latest stamp.
    const { a, b, sync, now } = await twoPcs({ aheadMs: 60_000 });
    await a.call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう' } });
    const nodeOfA = a.db.prepare('SELECT node FROM log_tx ORDER BY seq DESC LIMIT 1').pluck().get();
    await b.call('guests.create', { fields: { familyName: '鈴木', familyReading: 'すずき' } });
    sync();
    const latest = () =>
      a.db.prepare('SELECT hlc, node FROM log_tx ORDER BY hlc DESC LIMIT 1').get() as {
        hlc: number;
        node: number;
      };
    const fromB = latest();
    expect(fromB.node).not.toBe(nodeOfA);
    a.core.close();
    const restarted = createCore({
      db: a.db,
      nodeId: openNodeIdentity(a.db).nodeId,
      clock: now,
      logger: { info() {}, warn() {}, error() {} },
    });
    const staff = (await restarted.call('staff.list', {})) as { ok: true; value: { staff: Array<{ id: string }> } };
    await restarted.call('staff.setCurrent', { id: staff.value.staff[0]?.id });
    const written = await restarted.call('guests.create', { fields: { familyName: '田中', familyReading: 'たなか' } });
    expect(written.ok).toBe(true);
    const after = latest();
    expect(after.node).toBe(nodeOfA);
    expect(after.hlc).toBeGreaterThan(fromB.hlc);
    restarted.close();
    b.core.close();
  });
});
