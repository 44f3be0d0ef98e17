import { createHash, timingSafeEqual } from 'node:crypto';

// The short authentication string. The joiner commits to its nonce before it sees the inviter's, and the
// inviter picks its nonce before it sees the joiner's, so neither side (nor a machine in the middle playing
// either side) can choose a nonce that steers the code. A machine in the middle runs two sessions, one with
// each honest PC, under its own key; to pass it would need both sessions to give the same code. In the session
// where it is the joiner it is committed before it learns the inviter's nonce; in the session where it is the
// inviter the honest joiner is committed before it learns the machine's nonce. It cannot try nonce after nonce
// until the codes agree ("grind"): each pairing gives it one chance in a million, and then a person must
// still confirm its name and short device id on the inviter.

export const NONCE_BYTES = 32;
const COMMIT_TAG = Buffer.from('yadocho-pair-v1', 'utf8');
const CODE_TAG = 'yadocho-pair-code-v1';

/** H(nonceJ ‖ spkiJ ‖ "yadocho-pair-v1"). The nonce has a fixed length and the tag is last, so the split is unambiguous. */
export function commitment(nonceJ: Buffer, spkiJ: Buffer): Buffer {
  return createHash('sha256').update(nonceJ).update(spkiJ).update(COMMIT_TAG).digest();
}

function field(hash: ReturnType<typeof createHash>, bytes: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  hash.update(length).update(bytes);
}

export type CodeInputs = {
  inviter: { spki: Buffer; deviceId: string; nonce: Buffer };
  joiner: { spki: Buffer; deviceId: string; nonce: Buffer };
};

/**
 * The six digits both sides show or expect: SHA-256 over a domain tag and every input, each prefixed with its
 * length (so no two different inputs hash the same bytes), inviter's fields first. The first 64 bits of the
 * digest are reduced mod 10^6. 2^64 is not a multiple of 10^6, so some codes are one value in 2^64 likelier
 * than others: no code is likelier than 10^-6 × (1 + 10^6 / 2^64) ≈ 10^-6 × (1 + 5.4 × 10^-14). Not worth
 * a rejection loop.
 */
export function pairingCode({ inviter, joiner }: CodeInputs): string {
  const hash = createHash('sha256');
  field(hash, Buffer.from(CODE_TAG, 'utf8'));
  field(hash, inviter.spki);
  field(hash, joiner.spki);
  field(hash, Buffer.from(inviter.deviceId, 'utf8'));
  field(hash, Buffer.from(joiner.deviceId, 'utf8'));
  field(hash, inviter.nonce);
  field(hash, joiner.nonce);
  const value = hash.digest().readBigUInt64BE(0) % 1_000_000n;
  return value.toString().padStart(6, '0');
}

/** What a person typed, as six ASCII digits (full-width digits from a Japanese IME, spaces and dashes allowed), or null. */
export function normalizeTypedCode(typed: string): string | null {
  const digits = typed.normalize('NFKC').replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}

/** Compares two six-digit codes in constant time. */
export function sameCode(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Compares two commitments in constant time. */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
