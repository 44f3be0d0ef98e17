import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';

/** This PC's identity in the change log and in sync: a UUIDv7 made once and kept in its database. */
export function loadOrCreateNodeId(db: Database): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'node_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const nodeId = uuidv7();
  db.prepare("INSERT INTO meta (key, value) VALUES ('node_id', ?)").run(nodeId);
  return nodeId;
}
