import { z } from 'zod';
import { id } from './common.ts';
import { call } from './define.ts';
import { IMPORT_FIELDS } from './import-codes.ts';

// Importing sales (売上の取り込み): a CSV or sheet from a reservation or accounting system, one row per stay or bill
// (date, guest name, room, amount, maybe the reservation number), is read with the ledger import's reader, mapping
// and cleansing; each row is matched to one stay already recorded, and the run sets those stays' amounts as one
// batch that imports.undo takes back. What matches and what does not is in docs/import.md ("Importing sales").

/** How a sales row fared: one stay found, several, none, or a row that cannot be read. */
export const SALES_ROW_STATUSES = ['matched', 'ambiguous', 'not_found', 'invalid'] as const;
export type SalesRowStatus = (typeof SALES_ROW_STATUSES)[number];

export const salesCountsSchema = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  ambiguous: z.number().int(),
  notFound: z.number().int(),
  invalid: z.number().int(),
  /** Stays whose amount the run changes (matched stays already holding the amount are left alone). */
  stays: z.number().int(),
});
export type SalesCounts = z.infer<typeof salesCountsSchema>;

export const salesRowSchema = z.object({
  line: z.number().int(),
  status: z.enum(SALES_ROW_STATUSES),
  /** Why an invalid row cannot be read (a set-aside reason: bad_date, bad_amount, no_name…). */
  reason: z.string().nullable(),
  /** The row as read: the date (YYYY-MM-DD) or '' when unreadable, the name as written, rooms, amount. */
  date: z.string(),
  name: z.string(),
  rooms: z.array(z.string()),
  amountYen: z.number().int().nullable(),
  /** Stays that fit the row: one when matched, several when ambiguous. */
  candidates: z.number().int(),
  /** The matched stay, with its amount now and the one the run sets (rows of one stay add up). */
  stay: z
    .object({
      id: z.string(),
      guestName: z.string(),
      arrivalDate: z.string(),
      departureDate: z.string(),
      rooms: z.array(z.string()),
      oldAmountYen: z.number().int(),
      newAmountYen: z.number().int(),
    })
    .nullable(),
});
export type SalesRow = z.infer<typeof salesRowSchema>;

const salesInput = z
  .object({
    upload: id,
    /** Omitted: the mapping remembered for this source's header, else the one guessed from it. */
    mapping: z
      .array(z.enum(IMPORT_FIELDS, { error: 'invalid_choice' }).nullable())
      .max(200)
      .optional(),
  })
  .strict();

export const salesImportCalls = {
  'imports.salesPreview': call({
    summary:
      "Reads an uploaded sales file (date, name, room, amount, maybe the reservation number) with the ledger import's reader and mapping, matches each row to one stay by date, room and name (or the reservation number), and answers the counts and rows: matched (with the stay's amount now and after), ambiguous, not found, invalid. Writes nothing. A job.",
    writes: false,
    job: true,
    input: salesInput,
    output: z.object({
      fileName: z.string(),
      format: z.enum(['xlsx', 'csv']),
      encoding: z.string().nullable(),
      headerLine: z.number().int(),
      header: z.array(z.string()),
      mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
      mappingSource: z.enum(['guessed', 'remembered', 'given']),
      mappingIssues: z.array(z.string()),
      counts: salesCountsSchema,
      /** The rows, those that need a look (invalid, not found, ambiguous) first; at most 500. */
      rows: z.array(salesRowSchema),
    }),
  }),
  'imports.salesRun': call({
    summary:
      "Matches the sales file again and sets the matched stays' amounts as one import batch under the current staff member, through the write path (so it syncs and guest ranks follow). imports.undo takes it back.",
    writes: true,
    job: true,
    input: salesInput,
    output: z.object({ import: z.string(), counts: salesCountsSchema }),
  }),
};
