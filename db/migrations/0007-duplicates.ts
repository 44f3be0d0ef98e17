import type { Migration } from './migration.ts';

// 名寄せ: finding and merging duplicate guests (electron/core/duplicates/).
//
// guest_merges (synced): one row per merge of two guests, with its id derived from the pair (kept, merged), so two
// PCs merging the same pair make one record. `changes` lists every field the merge changed, as
// [table, id, column, before, after], so an undo puts back exactly those values and nothing recorded since; it is
// a list column (add-wins), so what two PCs each moved for one merge is all undone. `undone_at` marks an undo.
//
// duplicate_decisions (synced): staff's answer about a pair the scan proposed: `not_same` (別人, never proposed
// again) or `later` (あとで, listed after the others). Its id is derived from the pair (in id order), so two PCs
// deciding the same pair make one row.
//
// guests.merged_into (synced): the guest a deleted guest was merged into, written with its deleted_at by the
// merge and cleared with it by the undo. The search index keeps a merged guest's terms and search answers with
// the kept guest, so the name on the old card still finds the person.
//
// Two indexes on guests serve the blocks a new guest is checked against at import (duplicates/candidates-for.ts)
// that the search index does not already answer: the birthday and the postcode.
//
// duplicate_candidates (local, derived, never synced): the last scan's pairs with their score and reasons, kept
// so the review screen opens at once; each PC scans its own register.

export const duplicates: Migration = {
  version: 7,
  name: 'duplicates',
  sql: `
    ALTER TABLE guests ADD COLUMN merged_into TEXT REFERENCES guests(id);

    CREATE INDEX guests_birthday ON guests(birthday) WHERE birthday <> '';
    CREATE INDEX guests_postal_code ON guests(postal_code) WHERE postal_code <> '';

    CREATE TABLE guest_merges (
      id TEXT PRIMARY KEY,
      kept_id TEXT NOT NULL REFERENCES guests(id),
      merged_id TEXT NOT NULL REFERENCES guests(id),
      changes TEXT NOT NULL DEFAULT '[]',
      merged_by TEXT REFERENCES staff(id),
      undone_at TEXT,
      undone_by TEXT REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX guest_merges_kept ON guest_merges(kept_id);
    CREATE INDEX guest_merges_merged ON guest_merges(merged_id);
    CREATE INDEX guest_merges_recent ON guest_merges(created_at);

    CREATE TABLE duplicate_decisions (
      id TEXT PRIMARY KEY,
      guest_a TEXT NOT NULL REFERENCES guests(id),
      guest_b TEXT NOT NULL REFERENCES guests(id),
      decision TEXT NOT NULL,
      decided_by TEXT REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE duplicate_candidates (
      guest_a TEXT NOT NULL,
      guest_b TEXT NOT NULL,
      score INTEGER NOT NULL,
      reasons TEXT NOT NULL,
      PRIMARY KEY (guest_a, guest_b)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX duplicate_candidates_score ON duplicate_candidates(score DESC, guest_a, guest_b);
  `,
};
