import type { Database } from 'better-sqlite3';
import { SEARCH_KEYS_VERSION } from './search-keys.ts';

// Which version of the search keys (search-keys.ts) this database's index was made with, in the local meta
// table (the index is derived and local: each PC makes its own). An index made by older keys cannot be kept up
// to date (a guest's old rows are removed by recomputing their keys), so the core rebuilds it on opening.

const META_KEY = 'search_keys_version';

/** Records that the index now holds the current keys: after a rebuild, or over a register with no guests yet. */
export function markSearchKeysCurrent(db: Database): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    META_KEY,
    String(SEARCH_KEYS_VERSION),
  );
  db.prepare(`DELETE FROM meta WHERE key = '${PENDING_IMPORT_KEY}'`).run();
}

/** An import whose guests were to be indexed at its end (search-index.ts, deferImport): set while it runs. */
const PENDING_IMPORT_KEY = 'search_pending_import';

/**
 * Whether the index must be rebuilt before search finds everyone as the current keys would. A register with no
 * guest has nothing to rebuild: it is marked current at once.
 */
export function searchKeysStale(db: Database): boolean {
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
  // Still set at start: the PC stopped while an import was writing, and its guests have no index rows yet.
  const pending = db.prepare('SELECT 1 FROM meta WHERE key = ?').get(PENDING_IMPORT_KEY) !== undefined;
  if (stored === String(SEARCH_KEYS_VERSION) && !pending) return false;
  if (!db.prepare('SELECT 1 FROM guests LIMIT 1').get()) {
    markSearchKeysCurrent(db);
    return false;
  }
  return true;
}
