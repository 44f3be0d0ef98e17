import type { Database } from 'better-sqlite3';
import type { ChangeEngine } from '../changes/engine.ts';
import { inWriteTransaction } from '../read-snapshot.ts';
import { otherConnectionsWatch } from './history-cache.ts';
import type { Catalogue } from './warnings.ts';

// The dish catalogue as the warnings read it (warnings.ts), kept between calls. Every arrivals read, kitchen sheet
// and menu check worked it out again: a few hundred dishes read, sorted in catalogue order (a Japanese collation
// of each reading) and indexed by allergen and category, about a millisecond, for a catalogue that changes a few
// times a season. As with history-cache.ts: kept only from a read outside a transaction, dropped by any write to a
// dish (a row hook, inside the writing transaction, whether it commits or not), and dropped when another
// connection committed to the file. Callers read it and never change it.

export type CatalogueCache = { get(read: () => Catalogue): Catalogue };

export function createCatalogueCache(db: Database, changes: Pick<ChangeEngine, 'onRowWritten'>): CatalogueCache {
  let kept: Catalogue | null = null;
  const changedElsewhere = otherConnectionsWatch(db);
  changes.onRowWritten('dishes', () => {
    kept = null;
  });
  return {
    get(read) {
      if (changedElsewhere()) kept = null;
      if (kept) return kept;
      const catalogue = read();
      if (!inWriteTransaction(db)) kept = catalogue;
      return catalogue;
    },
  };
}
