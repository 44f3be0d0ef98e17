import type { Migration } from './migration.ts';

// Erasure on a guest's request (APPI; electron/core/erasure/, docs/erasure.md).
//
// erasures (synced, table 23): one row per erased guest, its id derived from the guest's id, so two PCs erasing
// the same guest make one record. Its insert is the erasure itself: every PC that holds it (written here, or
// applied from another PC, or replayed) blanks the guest's personal fields in the row and in every change-log
// entry, and refuses them in entries that arrive later. `held` keeps the 宿泊者名簿 fields (name, address,
// contact; nationality and passport number) the Inns and Hotels Act makes the inn keep, as JSON, for the
// register only, until `hold_until` (three years after the guest's last stay); `released_at` is set when a
// PC's daily job found the hold over, and then `held` is blanked everywhere too.
export const erasures: Migration = {
  version: 11,
  name: 'erasures',
  sql: `
    CREATE TABLE erasures (
      id TEXT PRIMARY KEY,
      guest_id TEXT NOT NULL REFERENCES guests(id),
      reason TEXT NOT NULL DEFAULT '',
      requested_by TEXT REFERENCES staff(id),
      held TEXT,
      hold_until TEXT,
      released_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX erasures_guest ON erasures(guest_id);
    CREATE INDEX erasures_holding ON erasures(hold_until) WHERE held IS NOT NULL;
  `,
};
