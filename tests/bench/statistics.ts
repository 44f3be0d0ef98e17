import Database from 'better-sqlite3';

// The app never gathers planner statistics (no ANALYZE, no PRAGMA optimize): its statements are written to get
// their plans without them (CROSS JOIN, INDEXED BY where the planner would guess wrong). The bench must time the
// file as the app keeps it. Statistics are not neutral: with sqlite_stat4 present, this SQLite (built with
// SQLITE_ENABLE_STAT4) prepares a statement again each time a parameter it sampled is bound, so every such call
// pays a prepare (an allergies look-up by guest: 17 µs instead of 1 µs on the 100,000-guest register), and a few
// plans differ (8 of the 98 statements the query-plan tests name, mostly scans of tables of a few rows).
// Registers built before this was seen carry statistics from an ANALYZE at the end of their build: they are
// dropped before the register is timed.

/** Drops the planner's statistics from a database file, if it has any. Says whether it did. */
export function dropStatistics(file: string): boolean {
  const db = new Database(file);
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite_stat%'")
      .pluck()
      .all() as string[];
    if (tables.length === 0) return false;
    for (const table of tables) db.exec(`DROP TABLE ${table}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } finally {
    db.close();
  }
}
