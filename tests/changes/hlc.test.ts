import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHlc, parseHlc } from '../../electron/core/changes/hlc.ts';

describe('hybrid logical clock', () => {
  it('always moves forward, even when the PC clock jumps back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000_000 }), { minLength: 1, maxLength: 200 }),
        (readings) => {
          let i = 0;
          const hlc = createHlc('node-a', () => readings[Math.min(i++, readings.length - 1)] as number);
          let previous = '';
          for (let n = 0; n < readings.length; n++) {
            const stamp = hlc.now();
            expect(stamp > previous).toBe(true);
            previous = stamp;
          }
        },
      ),
    );
  });

  it('passes a timestamp received from another PC', () => {
    const hlc = createHlc('node-a', () => 1_000);
    const remote = '000000000005000:00007:node-b';
    hlc.receive(remote);
    const next = hlc.now();
    expect(next > remote).toBe(true);
    expect(parseHlc(next)).toMatchObject({ wall: 5_000, node: 'node-a' });
  });

  it('continues after the last stamp it issued before a restart', () => {
    const hlc = createHlc('node-a', () => 10, '000000000000500:00003:node-a');
    expect(hlc.now()).toBe('000000000000500:00004:node-a');
  });
});
