import { createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deviceIdFromSpki,
  formatDeviceId,
  parseDeviceId,
  shortDeviceId,
} from '../../electron/core/sync/device/device-id.ts';

// A fixed P-256 public key (the SPKI DER in base64). Its id must never change: PCs store each other's ids.
const FIXED_SPKI = Buffer.from(
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4eA4BRf5Jie5EnAzy4DkL7J0u/un7IfWUDR7Dfo7TvzTcyFJbkGf7ewD/sd7J/KI7tI6wAD/utX9S1yX9+SBLA==',
  'base64',
);

describe('device id', () => {
  it('is the base32 SHA-256 of the public key, known vectors', () => {
    // SHA-256 of nothing, base32 by Python's base64.b32encode with the padding removed: an independent encoder.
    expect(deviceIdFromSpki(new Uint8Array())).toBe('4OYMIQUY7QOBJGX36TEJS35ZEQT24QPEMSNZGTFESWMRW6CSXBKQ');
    // The fixed SPKI really is a P-256 key, and its id is pinned here.
    expect(createPublicKey({ key: FIXED_SPKI, format: 'der', type: 'spki' }).asymmetricKeyDetails).toEqual({
      namedCurve: 'prime256v1',
    });
    const id = deviceIdFromSpki(FIXED_SPKI);
    expect(id).toBe(FIXED_ID);
    expect(formatDeviceId(id)).toBe(FIXED_FORMATTED);
  });

  it('formats as 8 groups of 7 with check characters, and parses back in any case and spacing', () => {
    const id = deviceIdFromSpki(FIXED_SPKI);
    const shown = formatDeviceId(id);
    expect(shown).toMatch(/^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$/);
    expect(parseDeviceId(shown)).toEqual({ ok: true, id });
    expect(parseDeviceId(shown.toLowerCase())).toEqual({ ok: true, id });
    expect(parseDeviceId(shown.replace(/-/g, ' '))).toEqual({ ok: true, id });
    expect(parseDeviceId(` ${shown.replace(/-/g, '').split('').join(' - ')} `)).toEqual({ ok: true, id });
    expect(parseDeviceId(id)).toEqual({ ok: true, id });
    expect(parseDeviceId(id.toLowerCase())).toEqual({ ok: true, id });
    expect(shortDeviceId(id)).toBe(id.slice(0, 7));
  });

  it('says why a text is not an id', () => {
    const shown = formatDeviceId(deviceIdFromSpki(FIXED_SPKI));
    expect(parseDeviceId(shown.slice(0, -1))).toEqual({ ok: false, reason: 'length' });
    expect(parseDeviceId('')).toEqual({ ok: false, reason: 'length' });
    expect(parseDeviceId(`${shown.slice(0, -1)}1`)).toEqual({ ok: false, reason: 'alphabet' });
    expect(parseDeviceId(shown.replace(/-/g, '_'))).toEqual({ ok: false, reason: 'alphabet' });
    // The 52-character form has no check characters, but its last one carries only one bit of the key.
    const id = deviceIdFromSpki(FIXED_SPKI);
    expect(parseDeviceId(`${id.slice(0, -1)}B`)).toEqual({ ok: false, reason: 'check' });
  });

  it('catches any single changed character of a shown id (property)', () => {
    const anyId = fc.uint8Array({ minLength: 1, maxLength: 120 }).map((bytes) => deviceIdFromSpki(bytes));
    const replacement = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/=.'.split(''),
    );
    fc.assert(
      fc.property(anyId, fc.nat(55), replacement, (id, position, char) => {
        const shown = formatDeviceId(id);
        // The position-th of the 56 id characters, skipping the dashes between groups.
        const index = position + Math.floor(position / 7);
        fc.pre(shown.charAt(index) !== char.toUpperCase());
        const changed = shown.slice(0, index) + char + shown.slice(index + 1);
        const parsed = parseDeviceId(changed);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(['check', 'alphabet']).toContain(parsed.reason);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches a single changed character at every position and to every letter of one id', () => {
    const shown = formatDeviceId(deviceIdFromSpki(FIXED_SPKI));
    let tried = 0;
    for (let index = 0; index < shown.length; index += 1) {
      if (shown.charAt(index) === '-') continue;
      for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') {
        if (char === shown.charAt(index)) continue;
        tried += 1;
        expect(parseDeviceId(shown.slice(0, index) + char + shown.slice(index + 1))).toEqual({
          ok: false,
          reason: 'check',
        });
      }
    }
    expect(tried).toBe(56 * 31);
  });
});

// Computed once with Python (base64.b32encode(hashlib.sha256(der).digest())), not with the code under test.
const FIXED_ID = 'TG2H5OHDTKZTU3HIEF5GTXH2MJDOB7JHG2BHU7S25JM4EOWKYHTA';
const FIXED_FORMATTED = 'TG2H5OH-DTKZTU5-3HIEF5G-TXH2MJ7-DOB7JHG-2BHU7SW-25JM4EO-WKYHTAU';
