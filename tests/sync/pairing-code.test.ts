import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitment, normalizeTypedCode, pairingCode, sameCode } from '../../electron/core/sync/pairing/code.ts';

const side = (seed: number) => ({
  spki: Buffer.alloc(91, seed),
  deviceId: String(seed).repeat(64).slice(0, 64),
  nonce: Buffer.alloc(32, seed + 1),
});

describe('pairing code', () => {
  it('is six digits, the same for the same inputs, and changes with each input or a swap of roles', () => {
    const inviter = side(1);
    const joiner = side(2);
    const code = pairingCode({ inviter, joiner });
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(pairingCode({ inviter: side(1), joiner: side(2) })).toBe(code);
    expect(pairingCode({ inviter: joiner, joiner: inviter })).not.toBe(code);
    for (const key of ['spki', 'deviceId', 'nonce'] as const) {
      expect(pairingCode({ inviter: { ...inviter, [key]: side(3)[key] }, joiner })).not.toBe(code);
      expect(pairingCode({ inviter, joiner: { ...joiner, [key]: side(3)[key] } })).not.toBe(code);
    }
  });

  it('does not let bytes move between fields (every field is length-prefixed)', () => {
    const inviter = side(1);
    const joiner = side(2);
    const moved = { ...inviter, spki: Buffer.concat([inviter.spki, joiner.spki.subarray(0, 1)]) };
    expect(pairingCode({ inviter: moved, joiner: { ...joiner, spki: joiner.spki.subarray(1) } })).not.toBe(
      pairingCode({ inviter, joiner }),
    );
  });

  it('spreads codes evenly: each leading digit about a tenth of 20,000 random sessions', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const code = pairingCode({ inviter: { ...side(1), nonce: randomBytes(32) }, joiner: side(2) });
      counts[Number(code[0])] = (counts[Number(code[0])] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count - 2_000)).toBeLessThan(250); // > 5 standard deviations
  });

  it('binds the commitment to the nonce and the key', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (a, b) => {
          const key = Buffer.alloc(91, 7);
          const same = Buffer.from(a).equals(Buffer.from(b));
          expect(commitment(Buffer.from(a), key).equals(commitment(Buffer.from(b), key))).toBe(same);
        },
      ),
    );
    expect(
      commitment(Buffer.alloc(32), Buffer.alloc(91, 1)).equals(commitment(Buffer.alloc(32), Buffer.alloc(91, 2))),
    ).toBe(false);
  });

  it('reads what a person types: full-width digits, spaces and a dash; nothing else', () => {
    expect(normalizeTypedCode('０１２ ３４５')).toBe('012345');
    expect(normalizeTypedCode('012-345')).toBe('012345');
    expect(normalizeTypedCode('01234')).toBeNull();
    expect(normalizeTypedCode('01234a')).toBeNull();
    expect(normalizeTypedCode('٠١٢٣٤٥')).toBeNull(); // other scripts' digits are not what the inviter shows
    expect(sameCode('012345', '012345')).toBe(true);
    expect(sameCode('012345', '012346')).toBe(false);
    expect(sameCode('012345', '12345')).toBe(false);
  });
});
