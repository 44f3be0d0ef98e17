import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// A PIN is kept only as a salted scrypt hash: `scrypt$N$r$p$salt$hash` (base64url), so the parameters can be
// raised later without breaking PINs set before. scrypt with N=2^14, r=8 (16 MiB, about 50 ms here) makes each
// guess slow; a 4-digit PIN still falls to an attacker holding the file, which is why the real defence is the
// lockout (5 wrong PINs → 5 minutes, per PC) and the file's own protection (db/private-files.ts).

const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export function hashPin(pin: string): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Whether `pin` is the PIN `stored` was made from; compared in constant time. */
export function verifyPin(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(n) * Number(r),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
