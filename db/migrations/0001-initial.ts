import type { Migration } from './migration.ts';

// The first schema. Synced tables (staff, guests, guest_links, change_log) only ever grow from here:
// later migrations add columns or tables, never drop or rename, so an older PC's changes still apply.
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    -- Local facts about this PC: its node id, the last clock reading, who is working here.
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      reading TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE guests (
      id TEXT PRIMARY KEY,
      family_name TEXT NOT NULL,
      given_name TEXT NOT NULL DEFAULT '',
      family_reading TEXT NOT NULL DEFAULT '',
      given_reading TEXT NOT NULL DEFAULT '',
      phones TEXT NOT NULL DEFAULT '[]',
      email TEXT NOT NULL DEFAULT '',
      postal_code TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      birthday TEXT NOT NULL DEFAULT '',
      organization TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      marketing_consent INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      -- Milliseconds of the guest's last activity (created, edited, later: stayed): the "recent first" order.
      last_activity_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX guests_deleted ON guests(deleted_at) WHERE deleted_at IS NOT NULL;

    CREATE TABLE guest_links (
      id TEXT PRIMARY KEY,
      guest_id TEXT NOT NULL REFERENCES guests(id),
      companion_id TEXT NOT NULL REFERENCES guests(id),
      relationship TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    CREATE INDEX guest_links_guest ON guest_links(guest_id);
    CREATE INDEX guest_links_companion ON guest_links(companion_id);

    -- One row per changed field of every write, in the same transaction as the write.
    -- value is the JSON of the new value; the previous value is the entry before it for the same field.
    -- hlc is the time part of the hybrid logical clock stamp; with node_id it orders every entry.
    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY,
      hlc TEXT NOT NULL,
      node_id TEXT NOT NULL,
      staff_id TEXT,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value TEXT
    ) STRICT;
    CREATE INDEX change_log_row ON change_log(tbl, row_id, hlc);
    CREATE INDEX change_log_hlc ON change_log(hlc, node_id);

    -- The search index: derived from guests by the write path, local to this PC, never synced.
    -- One row per searchable term of a guest: whole normalized fields (rank 0), their short prefixes
    -- (rank 1) and inner substrings of kanji names (rank 2). The key order (term, rank, recency DESC)
    -- lets one index walk return the best and most recent matches first, so a lookup reads only the
    -- rows it shows and never scans the guest table.
    CREATE TABLE search_term (
      term TEXT NOT NULL,
      rank INTEGER NOT NULL,
      recency INTEGER NOT NULL,
      guest INTEGER NOT NULL,
      PRIMARY KEY (term, rank, recency DESC, guest)
    ) STRICT, WITHOUT ROWID;
  `,
};
