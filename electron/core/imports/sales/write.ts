import { columnSpec, tableSpec } from '../../../../db/log/registry.ts';
import { encodeRowId } from '../../../../db/log/store.ts';
import type { SalesCounts } from '../../../../shared/contract/sales-import.ts';
import type { Actor, CoreContext } from '../../context.ts';
import type { SliceClock, SliceProgress } from '../../jobs/runner.ts';
import { writeInSlices } from '../../jobs/write-slices.ts';
import type { SalesPlan } from './plan.ts';

// Writing a sales import and taking it back. The run is one transaction through the write path: the `imports`
// row (kind 'sales') with every changed stay's amount before and after, and each stay's new amount, so the batch
// is whole or absent and the change log (and LAN sync) has it all. The stays' row hooks keep guest ranks in step.
//
// The undo follows the ledger import's rule: what staff recorded since stays. A stay whose amount was written
// after the import (its change log holds a later entry of amount_yen), or that no longer holds the amount the
// import set, keeps what it holds now; so does a stay removed since. The others get back the amount they had.

export type SalesLine = { stay: string; before: number; after: number };

export function* writeSales(
  actor: Actor,
  plan: SalesPlan,
  importId: string,
): Generator<SliceProgress, SalesCounts, void> {
  const lines: SalesLine[] = [...plan.stays]
    .filter(([, amounts]) => amounts.before !== amounts.after)
    .map(([stay, amounts]) => ({ stay, ...amounts }));
  // One transaction, so a stop or a failure never leaves half a batch: the job yields once, before it.
  yield { done: 0, total: lines.length };
  return actor.write((session) => {
    const now = session.now();
    session.writeRow('imports', importId, {
      kind: 'sales',
      file_name: plan.fileName,
      source_key: plan.sourceKey,
      format: plan.table.format,
      mapping: JSON.stringify(plan.mapping),
      counts: JSON.stringify(plan.counts),
      sales: JSON.stringify(lines),
      staff_id: actor.staffId,
      finished_at: now,
      undone_at: null,
      undone_by: null,
      created_at: now,
    });
    for (const line of lines) session.writeRow('stays', line.stay, { amount_yen: line.after, updated_at: now });
    return plan.counts;
  });
}

export type SalesUndoCounts = { amounts: number; keptAmounts: number };

/** Whether the stay's amount was written after the import's own write (the hybrid clock orders the two). */
function amountWrittenSince(ctx: CoreContext, stayId: string, importHlc: number): boolean {
  const column = columnSpec('stays', 'amount_yen');
  if (!column) return false;
  return ctx.changes.log
    .fieldEntries(tableSpec('stays').id, encodeRowId(stayId), column.id)
    .some((entry) => entry.hlc > importHlc && (entry.col === column.id || entry.col === 0));
}

/** The hybrid-clock stamp of the import's write: its `sales` column is written once, with the amounts. */
function importStamp(ctx: CoreContext, importId: string): number {
  const column = columnSpec('imports', 'sales');
  if (!column) return Number.POSITIVE_INFINITY;
  const entries = ctx.changes.log.fieldEntries(tableSpec('imports').id, encodeRowId(importId), column.id);
  return Math.max(0, ...entries.map((entry) => entry.hlc));
}

export function* undoSales(
  ctx: CoreContext,
  actor: Actor,
  slice: SliceClock,
  importId: string,
): Generator<SliceProgress, SalesUndoCounts, void> {
  const text = ctx.db.prepare('SELECT sales FROM imports WHERE id = ?').pluck().get(importId) as string | null;
  const lines = JSON.parse(text ?? '[]') as SalesLine[];
  const stamp = importStamp(ctx, importId);
  const current = ctx.db.prepare('SELECT amount_yen, deleted_at FROM stays WHERE id = ?');
  const counts: SalesUndoCounts = { amounts: 0, keptAmounts: 0 };
  let done = 0;
  return yield* writeInSlices(
    actor,
    slice,
    function* (session) {
      for (const line of lines) {
        done++;
        const stay = current.get(line.stay) as { amount_yen: number; deleted_at: string | null } | undefined;
        if (
          !stay ||
          stay.deleted_at !== null ||
          stay.amount_yen !== line.after ||
          amountWrittenSince(ctx, line.stay, stamp)
        ) {
          counts.keptAmounts++;
        } else {
          session.writeRow('stays', line.stay, { amount_yen: line.before, updated_at: session.now() });
          counts.amounts++;
        }
        yield;
      }
      session.writeRow('imports', importId, { undone_at: session.now(), undone_by: actor.staffId });
      return counts;
    },
    () => ({ done, total: lines.length }),
  );
}
