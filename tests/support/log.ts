import type { Database } from 'better-sqlite3';
import { tableSpec } from '../../db/log/registry.ts';
import { encodeRowId } from '../../db/log/store.ts';
import type { SyncedTable } from '../../db/schema.ts';

/** How many rows of a synced table have an insert entry in the change log (came through the write path). */
export function rowsWithInsert(db: Database, table: SyncedTable): number {
  const ids = db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
  const logged = db.prepare('SELECT 1 FROM log_entry WHERE tbl = ? AND row = ? AND col = 0 LIMIT 1').pluck();
  const number = tableSpec(table).id;
  return ids.filter((id) => logged.get(number, encodeRowId(id))).length;
}

export function logEntryCount(db: Database): number {
  return db.prepare('SELECT count(*) FROM log_entry').pluck().get() as number;
}
