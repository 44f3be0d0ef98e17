import type { Migration } from './migration.ts';

// 顧客ランク (electron/core/ranks/, docs/guest-rank.md). Migrations 8 to 11 are other parts of issue 12.
//
// The rules themselves are one synced settings row, `rank_rules` (a JSON list, edited as a whole by a manager).
//
// guest_manual_ranks (synced, table 24): a rank a manager gave a guest by hand (VIP), which wins over the
// computed ones. One row per guest, its id derived from the guest id, so two PCs giving a rank to the same guest
// edit one row (a concurrent edit of it is a conflict for staff); `rank_name` null is "taken away".
//
// guest_ranks (local, derived, never synced): each guest's current rank, from the stays, the rules and the manual
// ranks, kept in step by the write and apply paths' row hooks and recomputed as a job after a rule change and when
// the day moves the windows. Only guests with a rank have a row. meta holds what it was computed with
// (`guest_ranks_rules`, `guest_ranks_day`).

export const guestRank: Migration = {
  version: 12,
  name: 'guest-rank',
  sql: `
    CREATE TABLE guest_manual_ranks (
      id TEXT PRIMARY KEY,
      guest_id TEXT NOT NULL REFERENCES guests(id),
      rank_name TEXT,
      set_by TEXT REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX guest_manual_ranks_guest ON guest_manual_ranks(guest_id);

    CREATE TABLE guest_ranks (
      guest_id TEXT PRIMARY KEY,
      rank_name TEXT NOT NULL,
      manual INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX guest_ranks_name ON guest_ranks(rank_name);

    -- Visits only (what ranks count), covering what a rank needs: by guest for the recompute and a guest's own
    -- rank, by day for the guests a new day moves and the preview. A stay that is not a visit is in neither.
    CREATE INDEX stays_visited_guest ON stays(guest_id, arrival_date, amount_yen)
      WHERE deleted_at IS NULL AND status IN ('in_house', 'departed');
    CREATE INDEX stays_visited_arrival ON stays(arrival_date, guest_id, amount_yen)
      WHERE deleted_at IS NULL AND status IN ('in_house', 'departed');
  `,
};
