import { CallFailure } from '../../../shared/contract/result.ts';
import type { Actor, CoreContext } from '../context.ts';
import { scanInSlices } from '../duplicates/scan.ts';

// An import matches a ledger's people to the register only when they are certainly the same (match.ts). The
// rest of 名寄せ is for staff: after an import that made guests, the duplicate scan runs over the whole
// register (blocking keys, seconds at 100,000 guests), and the import answers how many of its pairs involve a
// guest it made, so the screen can send staff to 重複の確認. A scan already running, or stopped, leaves the
// count at what the last scan found.

export async function duplicatesAfterImport(
  ctx: CoreContext,
  actor: Actor,
  importId: string,
  newGuests: number,
): Promise<number> {
  if (newGuests > 0 && !ctx.jobs.isRunning('duplicates.scan')) {
    try {
      await ctx.jobs.run('duplicates.scan', (slice) =>
        scanInSlices(
          ctx.db,
          (work) => actor.write(() => work()),
          slice,
          () => new Date(ctx.clock()).toISOString(),
        ),
      );
      actor.announce('duplicate_candidates');
    } catch (error) {
      if (!(error instanceof CallFailure && error.error.code === 'cancelled')) throw error;
    }
  }
  return ctx.db
    .prepare(
      `SELECT count(*) FROM duplicate_candidates c
        WHERE c.guest_a IN (SELECT id FROM guests WHERE import_id = ?)
           OR c.guest_b IN (SELECT id FROM guests WHERE import_id = ?)`,
    )
    .pluck()
    .get(importId, importId) as number;
}
