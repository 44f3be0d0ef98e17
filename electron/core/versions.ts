import type { SyncedTable } from '../../db/schema.ts';
import type { CoreContext } from './context.ts';

// Records a form edits are read with their version (ctx.changes.versionOf: the latest local transaction that
// wrote the row), and the edit sends it back: the write path refuses it as edited_since when a field it
// changes was changed after that (changes/write.ts, `basedOn`).

export function withVersion<T extends { id: string }>(
  ctx: CoreContext,
  table: SyncedTable,
  record: T,
): T & { version: number } {
  return { ...record, version: ctx.changes.versionOf(table, record.id) };
}
