import { createHash } from 'node:crypto';

// A PC's device id is the SHA-256 of its public key (SubjectPublicKeyInfo, DER): the key is what other PCs pin,
// so the id names the key, not a certificate that could be reissued. Canonically it is 52 characters of base32
// (RFC 4648 alphabet, no padding), which is what the code stores and compares.
//
// People read ids aloud and compare them on two screens while pairing, so the shown form carries a check
// character after each 13 characters (Luhn mod 32 over the same alphabet): any single mistyped or misread
// character is caught. 4 × (13 + 1) = 56 characters, shown as 8 groups of 7 joined by '-'.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE = ALPHABET.length;
const ID_LENGTH = 52;
const CHUNK = 13;
const CHUNKS = ID_LENGTH / CHUNK;
const CHECKED_LENGTH = ID_LENGTH + CHUNKS;
const GROUP = 7;

export type ParsedDeviceId = { ok: true; id: string } | { ok: false; reason: 'length' | 'alphabet' | 'check' };

export function deviceIdFromSpki(der: Uint8Array): string {
  return base32(createHash('sha256').update(der).digest());
}

/** The grouped form with check characters, e.g. `ABCDEFG-HIJKLMN-…` (8 groups of 7). */
export function formatDeviceId(id: string): string {
  if (!isCanonical(id)) throw new Error('formatDeviceId: not a canonical device id');
  let checked = '';
  for (let i = 0; i < CHUNKS; i += 1) {
    const chunk = id.slice(i * CHUNK, (i + 1) * CHUNK);
    checked += chunk + luhnCheckCharacter(chunk);
  }
  const groups: string[] = [];
  for (let i = 0; i < checked.length; i += GROUP) groups.push(checked.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * Reads an id as a person typed or pasted it: any case, spaces and dashes anywhere, with the check characters
 * (then verified) or without them.
 */
export function parseDeviceId(text: string): ParsedDeviceId {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  for (const char of compact) if (!ALPHABET.includes(char)) return { ok: false, reason: 'alphabet' };
  let id: string;
  if (compact.length === ID_LENGTH) {
    id = compact;
  } else if (compact.length === CHECKED_LENGTH) {
    id = '';
    for (let i = 0; i < CHUNKS; i += 1) {
      const chunk = compact.slice(i * (CHUNK + 1), (i + 1) * (CHUNK + 1));
      if (!luhnValid(chunk)) return { ok: false, reason: 'check' };
      id += chunk.slice(0, CHUNK);
    }
  } else {
    return { ok: false, reason: 'length' };
  }
  // 256 bits fill 51 characters and one bit of the 52nd; its other four bits are zero. Another last
  // character would decode to the same key under a different string, and ids are compared as strings.
  if (!isCanonical(id)) return { ok: false, reason: 'check' };
  return { ok: true, id };
}

/** The first 7 characters: enough to tell a handful of PCs apart in a list, never to identify one. */
export function shortDeviceId(id: string): string {
  return id.slice(0, GROUP);
}

function isCanonical(id: string): boolean {
  if (id.length !== ID_LENGTH) return false;
  for (const char of id) if (!ALPHABET.includes(char)) return false;
  return (ALPHABET.indexOf(id.charAt(ID_LENGTH - 1)) & 0b01111) === 0;
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((buffer >> bits) & 31);
    }
  }
  if (bits > 0) out += ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

// Luhn mod N: from the right, every second code point is doubled and its base-N digits summed. Doubling is a
// permutation of 0..N-1 for even N, so changing any one character changes the sum modulo N: caught.
function luhnSum(text: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    let addend = ALPHABET.indexOf(text.charAt(i));
    if (double) {
      addend *= 2;
      addend = Math.floor(addend / BASE) + (addend % BASE);
    }
    sum += addend;
    double = !double;
  }
  return sum % BASE;
}

function luhnCheckCharacter(chunk: string): string {
  return ALPHABET.charAt((BASE - luhnSum(chunk, true)) % BASE);
}

function luhnValid(chunkWithCheck: string): boolean {
  return luhnSum(chunkWithCheck, false) === 0;
}
