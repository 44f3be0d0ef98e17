import type { Migration } from './migration.ts';

// A ledger import is one batch (electron/core/imports/): the `imports` row says what file, which mapping,
// who ran it and what it made, and every guest, stay and allergy it made names it in `import_id`, so the
// batch can be undone as one step later without touching what staff recorded since. The mapping of the
// latest import from a source (the same header) is the one offered next time. All synced like any write.
//
// An allergy from a ledger's free-text column has confirmed_at '' (never confirmed with the guest): the
// screens show it as 要確認 until staff confirm or correct it against the catalogue.

export const imports: Migration = {
  version: 6,
  name: 'imports',
  sql: `
    CREATE TABLE imports (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      source_key TEXT NOT NULL,
      format TEXT NOT NULL,
      mapping TEXT NOT NULL,
      counts TEXT NOT NULL,
      staff_id TEXT,
      finished_at TEXT,
      undone_at TEXT,
      undone_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX imports_source ON imports(source_key, created_at);
    ALTER TABLE guests ADD COLUMN import_id TEXT;
    ALTER TABLE stays ADD COLUMN import_id TEXT;
    ALTER TABLE allergies ADD COLUMN import_id TEXT;
    CREATE INDEX guests_import ON guests(import_id) WHERE import_id IS NOT NULL;
    CREATE INDEX stays_import ON stays(import_id) WHERE import_id IS NOT NULL;
    CREATE INDEX allergies_import ON allergies(import_id) WHERE import_id IS NOT NULL;
  `,
};
