import { makeStaffedCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';

/** Two PCs of one inn on one simulated clock (ten in the morning, 2026-06-15), and a way to sync them. */
export async function twoPcs(options: { aheadMs?: number } = {}) {
  let now = new Date(2026, 5, 15, 10, 0, 0).getTime();
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
