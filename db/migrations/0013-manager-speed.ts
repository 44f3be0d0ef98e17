import type { Migration } from './migration.ts';

// The manager's view within its speed target (docs/manager-view.md, Speed; issue 12).
//
// manager_days (local, derived, never synced, like guest_ranks): per arrival day and the guest's rank today
// (guest_ranks; '' for none), the visits arriving that day (stays in the house or departed, not deleted), how
// many of them are their guest's first (no visit of the same guest on an earlier day) and their amount. manager.overview sums a period's rows (≈365 a year) instead of
// reading the period's arrivals and seeking each one's earlier visit. Kept in step by the stays' row hooks of the
// write and apply paths (electron/core/manager/day-totals.ts) and built as a job (`manager.days`) when missing or
// made by an older version; meta `manager_days` says which (`<version>` when whole, `<version>:<guest id>` while
// the job has reached that guest). Only synced rows go into it, so every PC derives the same.
//
// manager_request_months (local, derived): the request figures of whole months as a histogram, so a year reads a
// few thousand rows. requests_report: requests by the instant recorded, with what the figure groups and times,
// for the days of a period outside whole months (and the reference) to read the index alone. log_tx_staff: each (person, call) pair's writes in a period as one range count
// (log_tx is the local log, so the index is local too). allergies_recorded and allergies_current: each allergy
// figure a range count (electron/core/manager/allergies.ts) instead of a pass over every allergy.
export const managerSpeed: Migration = {
  version: 13,
  name: 'manager-speed',
  sql: `
    CREATE TABLE manager_days (
      day TEXT NOT NULL,
      rank TEXT NOT NULL,
      arrivals INTEGER NOT NULL,
      firsts INTEGER NOT NULL,
      yen INTEGER NOT NULL,
      PRIMARY KEY (day, rank)
    ) STRICT, WITHOUT ROWID;

    -- Per inn month of recording, category and status: how many requests, and for the done ones how many took
    -- each whole number of minutes (minutes -1: not timed). Local and derived like manager_days
    -- (electron/core/manager/request-months.ts); meta \`manager_request_months\` holds its version and zone.
    CREATE TABLE manager_request_months (
      month TEXT NOT NULL,
      category TEXT NOT NULL,
      status TEXT NOT NULL,
      minutes INTEGER NOT NULL,
      n INTEGER NOT NULL,
      PRIMARY KEY (month, category, status, minutes)
    ) STRICT, WITHOUT ROWID;

    CREATE INDEX requests_report ON requests (created_at, category, status, handled_at);
    CREATE INDEX log_tx_staff ON log_tx (staff, call, hlc);
    CREATE INDEX allergies_recorded ON allergies (created_at) WHERE supersedes IS NULL;
    CREATE INDEX allergies_current ON allergies (confirmed_at, severity, guest_id)
      WHERE superseded_by IS NULL AND retracted_at IS NULL;
  `,
};
