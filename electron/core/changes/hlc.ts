// A hybrid logical clock: wall-clock milliseconds and a counter in one integer,
//   stamp = milliseconds × 2048 + counter   (under 2^53, so exact in JavaScript and SQLite, until 2109).
// Stamps from one PC always increase even if its clock steps back, and every stamp accepted from another PC
// pushes this clock past it, so ordering by (stamp, node) respects cause and effect. The node is kept beside
// the stamp in the log, not inside it.
//
// A remote stamp more than MAX_DRIFT_MS ahead of this PC's clock is refused, not merged: one PC whose clock
// reads 2099 must not drag every other PC there for good. The caller keeps such a transaction aside (see
// apply.ts) until this clock catches up or staff accept it. A malformed stamp is refused the same way, never
// turned into NaN.

export const COUNTER_BITS = 11;
const COUNTER_SPAN = 2 ** COUNTER_BITS;
const MAX_COUNTER = COUNTER_SPAN - 1;
/** The largest wall time a stamp can carry (year 2109). */
const MAX_WALL = Math.floor(Number.MAX_SAFE_INTEGER / COUNTER_SPAN);
export const MAX_DRIFT_MS = 5 * 60_000;

export type Stamp = number;

export type Received = 'ok' | 'ahead' | 'malformed';

export type Hlc = {
  /** A new stamp, later than every one this clock has issued or accepted. */
  now(): Stamp;
  /** Merges a remote stamp, unless it is malformed or too far ahead; says which. */
  receive(remote: unknown): Received;
  /** Whether a remote stamp would be accepted now, without merging it. */
  check(remote: unknown): Received;
  /** Merges a far-ahead stamp that staff chose to accept (the clock then runs ahead with it). */
  acceptAhead(remote: Stamp): void;
  /** The latest stamp issued or accepted (0 before the first). */
  last(): Stamp;
};

export function stampWall(stamp: Stamp): number {
  return Math.floor(stamp / COUNTER_SPAN);
}

export function stampCounter(stamp: Stamp): number {
  return stamp % COUNTER_SPAN;
}

export function makeStamp(wall: number, counter: number): Stamp {
  return wall * COUNTER_SPAN + counter;
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The stamp's wall time as ISO-8601 UTC: what domain times ("recorded at", "deleted at") show. */
export function stampToIso(stamp: Stamp): string {
  return new Date(stampWall(stamp)).toISOString();
}

export function createHlc(clock: () => number, last: Stamp = 0): Hlc {
  let wall = stampWall(last);
  let counter = stampCounter(last);

  const physical = () => {
    const now = Math.floor(clock());
    // A clock that reads garbage must not corrupt the stamps: fall back to the last wall time.
    return Number.isSafeInteger(now) && now >= 0 && now <= MAX_WALL ? now : wall;
  };

  const advance = (remoteWall: number, remoteCounter: number) => {
    const nextWall = Math.max(wall, remoteWall, physical());
    if (nextWall === wall && nextWall === remoteWall) counter = Math.max(counter, remoteCounter) + 1;
    else if (nextWall === wall) counter += 1;
    else if (nextWall === remoteWall) counter = remoteCounter + 1;
    else counter = 0;
    wall = nextWall;
    if (counter > MAX_COUNTER) {
      // More than 2,048 events in one millisecond: borrow the next millisecond rather than overflow.
      wall += 1;
      counter = 0;
    }
  };

  const check = (remote: unknown): Received => {
    if (!isStamp(remote) || stampWall(remote) > MAX_WALL) return 'malformed';
    return stampWall(remote) > physical() + MAX_DRIFT_MS ? 'ahead' : 'ok';
  };

  return {
    now() {
      advance(0, 0);
      return makeStamp(wall, counter);
    },
    receive(remote) {
      const verdict = check(remote);
      if (verdict === 'ok') advance(stampWall(remote as Stamp), stampCounter(remote as Stamp));
      return verdict;
    },
    check,
    acceptAhead(remote) {
      if (check(remote) !== 'malformed') advance(stampWall(remote), stampCounter(remote));
    },
    last: () => makeStamp(wall, counter),
  };
}
