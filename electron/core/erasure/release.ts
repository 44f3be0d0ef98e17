import type { CoreContext } from '../context.ts';

// The end of a legal hold: once three years have passed since the guest's last stay, the 宿泊者名簿 fields kept
// with the erasure record are erased too. Run at start and then a few times a day by the core (create-core.ts);
// each PC may run it, and two PCs releasing the same hold write the same values (merged as any edit).

export const RELEASE_EVERY_MS = 6 * 60 * 60 * 1000;

/** Releases every hold whose end day has passed on the inn's calendar. Returns how many were released. */
export function releaseDueHolds(ctx: CoreContext): { released: number; tables: string[] } {
  const due = ctx.run
    .prepare('SELECT id FROM erasures WHERE held IS NOT NULL AND hold_until < ?')
    .pluck()
    .all(ctx.today()) as string[];
  if (due.length === 0) return { released: 0, tables: [] };
  const { tables } = ctx.changes.transact(null, 'erasures.releaseHold', (session) => {
    for (const id of due) session.writeRow('erasures', id, { held: null, released_at: session.now() });
  });
  return { released: due.length, tables };
}
