import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import { createLagCounter } from '../../electron/core/sync/lag.ts';
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
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 0, max: 6 }),
        async (steps, exactBelow) => {
          let now = Date.parse('2026-06-15T10:00:00+09:00');
          const pc = await makeStaffedCore({ clock: () => (now += 1) });
          const log = syncLogOf(pc.core);
          const lag = createLagCounter(log, { exactBelow, now: () => now });
          const acked = new Map<string, number>();
          const whole = () =>
            log.states().reduce((sum, { node }) => sum + log.countAfter(node, acked.get(node) ?? 0), 0);
          let guest = 0;
          for (const step of steps) {
            if ('write' in step) {
              for (let i = 0; i < step.write; i++) {
                await pc.call('guests.create', { fields: { familyName: `客${guest++}`, familyReading: 'きゃく' } });
              }
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
});
