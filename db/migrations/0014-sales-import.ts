import type { Migration } from './migration.ts';

// 売上の取り込み (electron/core/imports/sales/, docs/import.md "Importing sales"): a CSV of sales from a reservation
// or accounting system sets `stays.amount_yen` of the stays its rows match. It is an import like a ledger's, in the
// same `imports` table (one history, one undo call, its mapping remembered per source), told apart by `kind`.
//
// Why not a table of its own: what the undo needs is each stay's amount before and after, written once with the
// batch and never edited, so one JSON column (`sales`: [{ stay, before, after }]) holds it without a synced table
// and its merge rules; the stays it changed are found from it, since an amount change leaves `stays.import_id`
// (the import that made the stay) as it was.

export const salesImport: Migration = {
  version: 14,
  name: 'sales-import',
  sql: `
    ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'ledger';
    ALTER TABLE imports ADD COLUMN sales TEXT;
  `,
};
