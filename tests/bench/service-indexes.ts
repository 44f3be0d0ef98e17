// The bulk service tables are loaded with their secondary indexes dropped, and the indexes rebuilt once
// at the end: one sorted build per index instead of tens of millions of random B-tree inserts.

import type { Database } from 'better-sqlite3';

const SERVICE_TABLES = ['stays', 'stay_party', 'allergies', 'requests', 'served', 'menu_plans'];

/** Drops the service tables' secondary indexes; returns what recreates them (and analyses the tables). */
export function dropServiceIndexes(db: Database): (log: (line: string) => void) => void {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${SERVICE_TABLES.map(() => '?').join(', ')})`,
    )
    .all(...SERVICE_TABLES) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);

  return (log) => {
    const indexStarted = performance.now();
    for (const { sql } of indexes) db.exec(sql);
    for (const table of SERVICE_TABLES) db.exec(`ANALYZE ${table}`);
    log(`  service indexes built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  };
}
