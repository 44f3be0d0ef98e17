// Indexes the manager's view needs to answer one year at 1,000,000 guests within its target, for the lead to
// put in a numbered migration (this branch has no migration number; nothing here runs in the app). The calls
// answer the same without them, slower: the planner takes them when present, and staff-records.ts looks
// `log_tx_staff` up by name. tests/bench/manager-figures.ts times manager.overview without and with them.
//
// - stays_report: the period's arrivals by day with their status, tombstone, guest and amount in the index, so
//   counting and summing read no table rows. Migration 12's partial index of visits by day
//   (stays_visited_arrival) finds the same stays, but SQLite still reads each stay's row for the status and
//   tombstone its WHERE names (a row lookup per arrival: the larger part of the time at 1,000,000 guests).
// - requests_report: requests by the instant recorded, with what the figure groups and times (none today:
//   requests_guest leads with the guest).
// - log_tx_staff: each (person, call) pair's writes in a period as one range count (log_tx has only
//   (node, hlc)). log_tx is local (the log itself, not a synced table), so the index is too.
export const MANAGER_VIEW_INDEXES = [
  'CREATE INDEX IF NOT EXISTS stays_report ON stays (arrival_date, status, deleted_at, guest_id, amount_yen)',
  'CREATE INDEX IF NOT EXISTS requests_report ON requests (created_at, category, status, handled_at)',
  'CREATE INDEX IF NOT EXISTS log_tx_staff ON log_tx (staff, call, hlc)',
] as const;
