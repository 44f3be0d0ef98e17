import { z } from 'zod';
import { id } from './common.ts';
import { call } from './define.ts';
import { IMPORT_FIELDS, IMPORT_KINDS } from './import-codes.ts';
import { salesCountsSchema } from './sales-import.ts';

// Importing an inn's ledger (an Excel sheet, a CSV from its reservation or accounting system): the file is
// sent with files.upload, read and cleansed into a preview (imports.preview), then written as one batch under
// the staff member who ran it (imports.run), which can later be undone as one step (imports.undo). What each
// step does is in docs/import.md.

export { IMPORT_FIELDS, type ImportField } from './import-codes.ts';

export const columnMappingSchema = z.array(z.enum(IMPORT_FIELDS, { error: 'invalid_choice' }).nullable()).max(200);
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;

/** One change cleansing made to a cell, for the report: which column, from what, to what, by which rule. */
export const cleanseChangeSchema = z.object({
  field: z.enum(IMPORT_FIELDS),
  column: z.number().int(),
  from: z.string(),
  to: z.string(),
  rule: z.string(),
});

/** How a ledger row's person was matched. */
export const IMPORT_MATCHES = ['new', 'existing', 'earlier_row'] as const;

export const importPreviewRowSchema = z.object({
  line: z.number().int(),
  familyName: z.string(),
  givenName: z.string(),
  familyReading: z.string(),
  givenReading: z.string(),
  phones: z.array(z.string()),
  postalCode: z.string(),
  address: z.string(),
  birthday: z.string(),
  email: z.string(),
  arrivalDate: z.string().nullable(),
  departureDate: z.string().nullable(),
  rooms: z.array(z.string()),
  amountYen: z.number().int().nullable(),
  allergies: z.array(z.string()),
  match: z.enum(IMPORT_MATCHES),
  /** The existing guest's name (match `existing`) or the earlier row's line (`earlier_row`). */
  matchedName: z.string().nullable(),
  matchedLine: z.number().int().nullable(),
  changes: z.array(cleanseChangeSchema),
});

export const setAsideRowSchema = z.object({
  line: z.number().int(),
  reason: z.string(),
  column: z.number().int().nullable(),
  value: z.string().nullable(),
});

export const importCountsSchema = z.object({
  /** Data rows read (after the header, without empty rows). */
  rows: z.number().int(),
  newGuests: z.number().int(),
  /** Rows whose person is a guest already in the register. */
  matchedGuests: z.number().int(),
  /** Rows whose person is the same as an earlier row's (a ledger kept one line per visit). */
  repeatRows: z.number().int(),
  stays: z.number().int(),
  allergies: z.number().int(),
  setAside: z.number().int(),
  /** Cells cleansing changed. */
  changes: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

const importInput = z
  .object({
    upload: id,
    /** Omitted: the mapping remembered for this ledger's header, else the one guessed from it. */
    mapping: columnMappingSchema.optional(),
  })
  .strict();

export const importSummarySchema = z.object({
  id: z.string(),
  /** A ledger (guests, stays, allergies) or sales (the amounts of stays already recorded). */
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  createdAt: z.string(),
  staffName: z.string().nullable(),
  /** A ledger's counts; a sales import's rows are counted here as `rows` only, its own counts in `sales`. */
  counts: importCountsSchema,
  sales: salesCountsSchema.nullable(),
  /** False when the import was stopped (cancelled, or the PC was closed) before every row was written. */
  finished: z.boolean(),
  undoneAt: z.string().nullable(),
  undoneByName: z.string().nullable(),
});

export const importCalls = {
  'imports.preview': call({
    summary:
      'Reads an uploaded ledger, guesses or takes the column mapping, cleanses and matches every row, and answers the counts, the first rows as they would be recorded, the rows set aside with their reasons and what cleansing changed. Writes nothing. A job (progress, cancel).',
    writes: false,
    job: true,
    input: importInput,
    output: z.object({
      fileName: z.string(),
      format: z.enum(['xlsx', 'csv']),
      encoding: z.string().nullable(),
      sheetName: z.string().nullable(),
      headerLine: z.number().int(),
      header: z.array(z.string()),
      mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
      mappingSource: z.enum(['guessed', 'remembered', 'given']),
      /** Mapping problems that stop the import (no name column, a name mapped twice). */
      mappingIssues: z.array(z.string()),
      counts: importCountsSchema,
      preview: z.array(importPreviewRowSchema),
      setAside: z.array(setAsideRowSchema),
      /** How many cells each cleansing rule changed. */
      changeSummary: z.array(z.object({ rule: z.string(), count: z.number().int() })),
    }),
  }),
  'imports.run': call({
    summary:
      'Writes an uploaded ledger as one import batch under the current staff member, through the write path (so it syncs): new guests, stays for visit rows, allergies marked 要確認. A job in slices (progress, cancel: what was written stays, and can be undone). Then scans for duplicates (名寄せ) and counts the pairs with a guest it made.',
    writes: true,
    job: true,
    input: importInput,
    output: z.object({
      import: z.string(),
      counts: importCountsSchema,
      /**
       * Pairs the duplicate scan run after the import proposes with a guest it made (名寄せ: 重複の確認): a
       * person the ledger spells differently from the register, which an import never merges on a guess.
       */
      possibleDuplicates: z.number().int(),
    }),
  }),
  'imports.setAsideFile': call({
    summary:
      'The rows an import would set aside, as a CSV Excel opens (UTF-8 with BOM): the original cells plus the reason, to fix and import again. Answers a file for files.download.',
    writes: false,
    input: importInput.extend({ language: z.enum(['ja', 'en']) }),
    output: z.object({ file: z.string(), name: z.string(), rows: z.number().int() }),
  }),
  'imports.list': call({
    summary: 'The imports made on this register, newest first, with their counts and whether they were undone.',
    writes: false,
    input: z.object({}).strict(),
    output: z.object({ imports: z.array(importSummarySchema) }),
  }),
  'imports.undo': call({
    summary:
      'Undoes a whole import as one step: its stays and guests are removed (tombstones) and its allergies retracted, except records staff made or changed since, which stay (counted as kept). A sales import puts back the amounts its stays had, except on a stay whose amount was changed since (kept). A job (progress).',
    writes: true,
    job: true,
    input: z.object({ import: id }).strict(),
    output: z.object({
      guests: z.number().int(),
      stays: z.number().int(),
      allergies: z.number().int(),
      /** Guests kept because something was recorded for them after the import. */
      keptGuests: z.number().int(),
      /** A sales import: stays whose amount was put back, and stays kept as staff changed them since. */
      amounts: z.number().int(),
      keptAmounts: z.number().int(),
    }),
  }),
};
