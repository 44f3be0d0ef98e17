import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import { createLagCounter, RECOUNT_EVERY_MS } from '../../electron/core/sync/lag.ts';
import { makeStaffedCore } from '../support/core.ts';

// What the screen shows a PC still has to send ("sending 1,234") is counted by ranges once it is large
// (sync/lag.ts). Whatever the order of writes here and acknowledgements there, it must equal a whole count.

describe('the count of what a peer lacks', () => {
  it('counted by ranges equals counting the log whole, through writes and acknowledgements in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ write: fc.integer({ min: 1, max: 4 }) }),
            fc.record({ ack: fc.double({ min: 0, max: 1, noNaN: true }) }),
            // A minute on: the count is made whole again, in steps, while writes and acks go on.
            fc.record({ later: fc.constant(true) }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        async (steps, exactBelow, recountStep) => {
          let now = Date.parse('2026-06-15T10:00:00+09:00');
          const pc = await makeStaffedCore({ clock: () => (now += 1) });
          const log = syncLogOf(pc.core);
          const lag = createLagCounter(log, { exactBelow, now: () => now, recountStep });
          const acked = new Map<string, number>();
          const whole = () =>
            log.states().reduce((sum, { node }) => sum + log.countAfter(node, acked.get(node) ?? 0), 0);
          let guest = 0;
          for (const step of steps) {
            if ('write' in step) {
              for (let i = 0; i < step.write; i++) {
                await pc.call('guests.create', { fields: { familyName: `客${guest++}`, familyReading: 'きゃく' } });
              }
            } else if ('later' in step) {
              now += RECOUNT_EVERY_MS;
            } else {
              // The peer acknowledges part of what this PC holds: up to some transaction of each origin.
              for (const { node, upTo } of log.states()) {
                const stamps = log.after(node, 0, 10_000).map((tx) => tx.hlc as number);
                const at = stamps[Math.floor(step.ack * stamps.length)] ?? upTo;
                acked.set(node, Math.max(acked.get(node) ?? 0, at));
              }
            }
            expect(lag.count(acked)).toBe(whole());
          }
          pc.core.close();
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('finds a hole filled below what it counted, by a recount in steps that each read a bounded part', async () => {
    let now = Date.parse('2026-06-15T10:00:00+09:00');
    const clock = () => (now += 1);
    // Another PC wrote 40 guests; this PC took them in with three missing, which a repair brings later.
    const origin = await makeStaffedCore({ clock });
    for (let i = 0; i < 40; i++) {
      await origin.call('guests.create', { fields: { familyName: `客${i}`, familyReading: 'きゃく' } });
    }
    const shipped = syncLogOf(origin.core);
    const node = origin.core.nodeId;
    const all = shipped.after(node, 0, 1_000);
    const missing = new Set([all[5], all[17], all[30]]);
    const pc = await makeStaffedCore({ clock });
    const real = syncLogOf(pc.core);
    real.apply(all.filter((tx) => !missing.has(tx)));
    // What each count() reads, in transactions: a whole count reads its whole range.
    let read = 0;
    const log: typeof real = {
      ...real,
      countAfter: (n, after) => {
        const count = real.countAfter(n, after);
        read += count;
        return count;
      },
      countBetween: (n, after, until) => {
        const count = real.countBetween(n, after, until);
        read += count;
        return count;
      },
      countStep: (n, after, until, limit) => {
        const step = real.countStep(n, after, until, limit);
        read += step.count;
        return step;
      },
    };
    const lag = createLagCounter(log, { exactBelow: 0, now: () => now, recountStep: 8 });
    // The peer holds what this PC wrote itself, and nothing of the other PC's yet.
    const acked = new Map([[pc.core.nodeId, real.upTo(pc.core.nodeId)]]);
    expect(lag.count(acked)).toBe(all.length - missing.size);
    real.apply([...missing]);
    // The ranges cannot see a hole filled below what they counted.
    expect(lag.count(acked)).toBe(all.length - missing.size);
    now += RECOUNT_EVERY_MS;
    const seen: number[] = [];
    // A step reads 8; the one that reads fewer is the last.
    const steps = Math.floor(all.length / 8) + 1;
    for (let call = 0; call < steps + 3; call++) {
      read = 0;
      seen.push(lag.count(acked));
      expect(read).toBeLessThanOrEqual(8);
    }
    // Until the last step, the count by ranges; from it on, the whole count.
    expect(seen).toEqual([...Array(steps - 1).fill(all.length - missing.size), ...Array(4).fill(all.length)]);
    // Once the count is whole again, the ranges carry on from it: the peer acknowledges the first ten.
    acked.set(node, all[9]?.hlc as number);
    expect(lag.count(acked)).toBe(all.length - 10);
    pc.core.close();
    origin.core.close();
  }, 60_000);
});
