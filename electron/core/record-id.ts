import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

// Record ids: UUIDv7 (time-ordered, so a table's new rows land at the end of its index), made by the `uuid`
// package from random bytes drawn 4 KiB at a time. Its own draw asks the OS for 16 bytes per id, which was a
// twentieth of a 100,000-row import's time. The order within one millisecond follows uuid's own rule (a
// random start, then +1 per id; a full counter moves to the next millisecond), kept here because passing our
// random bytes also means passing the time and the counter.

const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let used = POOL_BYTES;
let lastMs = -Infinity;
let sequence = 0;

function randomBytes16(): Uint8Array {
  if (used + 16 > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + 16);
  used += 16;
  return bytes;
}

/** A new record id (UUIDv7), increasing within this process. */
export function newRecordId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    // uuid's rule: 31 random bits, so the counter has room before it wraps.
    sequence =
      (((random[6] as number) & 0x7f) << 24) |
      ((random[7] as number) << 16) |
      ((random[8] as number) << 8) |
      (random[9] as number);
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMs++;
  }
  return uuidv7({ random, msecs: lastMs, seq: sequence });
}
