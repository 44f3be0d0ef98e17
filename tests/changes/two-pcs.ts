import { makeStaffedCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';

/** Two PCs of one inn on one simulated clock (ten in the morning, 2026-06-15), and a way to sync them. */
export async function twoPcs(options: { aheadMs?: number } = {}) {
  // 10:00 at the inn (Asia/Tokyo, the default zone), whatever zone the test process runs in.
  let now = Date.parse('2026-06-15T10:00:00+09:00');
  const a = await makeStaffedCore({ clock: () => now });
  const b = await makeStaffedCore({ clock: () => now + (options.aheadMs ?? 0) });
  /** Sends each PC what the other holds, both ways. */
  const sync = () => {
    const fromA = everything(a.core);
    const fromB = everything(b.core);
    return { toB: b.core.changes.apply(fromA), toA: a.core.changes.apply(fromB) };
  };
  const tick = (ms = 1) => {
    now += ms;
  };
  return { a, b, sync, tick, now: () => now };
}
