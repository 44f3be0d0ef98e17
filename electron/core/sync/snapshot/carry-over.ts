import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createLogStore } from '../../../../db/log/store.ts';
import { createExporter } from '../../changes/export.ts';
import { createOriginLog } from '../../changes/origins.ts';
import type { SyncLog } from '../session-terms.ts';

// After a register copy was swapped in: what the previous register (kept aside) holds that the copy does not,
// applied to the copy through the apply path, as if a peer had sent it. The new PC's own transactions up to
// its `snapshot_ask` are in the copy already (the member acknowledged them before copying); this brings in
// what was written here after that, while the copy was on its way, so nothing written on this PC is lost
// by the swap. Per origin, what follows the copy's latest stamp: a continuation of the prefix the copy holds.
// Sample data stays behind, as sync never ships it (changes/origins.ts).

const BATCH = 500;

export function carryOver(aside: string, log: SyncLog): number {
  if (!existsSync(aside)) return 0;
  const old = new Database(aside, { readonly: true, fileMustExist: true });
  try {
    const origins = createOriginLog(old, createExporter(old, createLogStore(old)));
    let carried = 0;
    for (const { node, upTo } of origins.states()) {
      let after = log.upTo(node);
      while (after < upTo) {
        const batch = origins.after(node, after, BATCH);
        if (batch.length === 0) break;
        log.apply(batch);
        carried += batch.length;
        after = batch.at(-1)?.hlc as number;
      }
    }
    return carried;
  } finally {
    old.close();
  }
}
