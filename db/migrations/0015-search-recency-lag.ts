import type { Migration } from './migration.ts';

// The search index's deferred moves (electron/core/guests/search-index.ts, "Recency moves wait"). An edit that
// changes only a guest's last activity would move all ~58 of the guest's search rows to the new recency inside the
// edit's own transaction: about two thirds of a `guests.update`. The move now waits for the core's next idle
// moment; meanwhile this table says at which recency the guest's rows still stand, so a later write (or the idle
// flush) removes them by their exact key. Local and derived like search_term: never synced, never logged, emptied
// by every rebuild of the index.

export const searchRecencyLag: Migration = {
  version: 15,
  name: 'search-recency-lag',
  sql: `
    CREATE TABLE search_recency_lag (
      guest INTEGER PRIMARY KEY,
      recency INTEGER NOT NULL
    ) STRICT;
  `,
};
