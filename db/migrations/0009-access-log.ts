import type { Migration } from './migration.ts';

// 閲覧記録: who looked at, printed, exported or disclosed what about which guest (electron/core/access/).
//
// access_log (synced, append-only): one row per recorded access. Written through the write path like every
// synced table, so each entry is in the change log and reaches the other PCs; a row is never changed or
// tombstoned. `staff_id` is the person chosen at the PC (NULL when nobody was), `guest_id` the guest it was
// about (NULL for a whole-day sheet or an export of many guests), `action` a code (shared/contract/access-log.ts),
// `detail` a small JSON object saying what (which sheet and day, which kinds and filter, how many rows),
// `node` the PC's node id. `created_at` is the write's HLC time: what the list is ordered and filtered by.
//
// Indexes serve the list's keyset paging newest first, alone and with the staff, guest or action filter.
// (Migration 8 is roles-core's: the numbers are reserved so the issue-12 branches merge.)

export const accessLog: Migration = {
  version: 9,
  name: 'access-log',
  sql: `
    CREATE TABLE access_log (
      id TEXT PRIMARY KEY,
      staff_id TEXT REFERENCES staff(id),
      guest_id TEXT REFERENCES guests(id),
      action TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}',
      node TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX access_log_recent ON access_log(created_at, id);
    CREATE INDEX access_log_staff ON access_log(staff_id, created_at, id);
    CREATE INDEX access_log_guest ON access_log(guest_id, created_at, id) WHERE guest_id IS NOT NULL;
    CREATE INDEX access_log_action ON access_log(action, created_at, id);
  `,
};
