import { z } from 'zod';
import { calendarDate, id, text } from './common.ts';
import { call } from './define.ts';

// Guests, stays, allergies and requests written out for other systems and for the inn's own records: one
// .xlsx with a sheet per kind, or a CSV (UTF-8 with a byte-order mark, CRLF) of one kind, which Excel on a
// Japanese PC opens as it is. What is written is chosen like on the screens: every guest, the guests a search
// finds (all of them, not the first page), or the stays arriving in a date range and their guests. The file
// is made in the core as a job (progress, cancel) and handed to the screen with files.download.

export const EXPORT_KINDS = ['guests', 'stays', 'allergies', 'requests'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportFilterSchema = z.discriminatedUnion(
  'by',
  [
    /** Every guest on record (deleted ones never). */
    z.object({ by: z.literal('all') }).strict(),
    /** Every guest the guest search finds for this text (the same keys, no limit). */
    z.object({ by: z.literal('search'), query: text(100).pipe(z.string().min(1, { error: 'required' })) }).strict(),
    /** Stays arriving from `from` to `to` (both included); guests, allergies and requests of the people in them. */
    z
      .object({ by: z.literal('dates'), from: calendarDate(), to: calendarDate() })
      .strict()
      .refine((value) => value.to >= value.from, { error: 'range_invalid', path: ['to'] }),
  ],
  { error: 'invalid_choice' },
);
export type ExportFilter = z.infer<typeof exportFilterSchema>;

export const exportInputSchema = z
  .object({
    kinds: z
      .array(z.enum(EXPORT_KINDS, { error: 'invalid_choice' }))
      .min(1, { error: 'required' })
      .refine((kinds) => new Set(kinds).size === kinds.length, { error: 'duplicate' }),
    format: z.enum(EXPORT_FORMATS, { error: 'invalid_choice' }),
    filter: exportFilterSchema,
    /** The language of the headers, sheet names and words (severity, status): the screen's. */
    language: z.enum(['ja', 'en'], { error: 'invalid_choice' }),
  })
  .strict()
  // A CSV file holds one table; each kind is a file of its own.
  .refine((value) => value.format !== 'csv' || value.kinds.length === 1, { error: 'csv_one_kind', path: ['kinds'] });

export const exportCalls = {
  'exports.run': call({
    summary:
      'Writes guests, stays, allergies and requests to an .xlsx (a sheet per kind) or a CSV of one kind (UTF-8 with BOM, CRLF), filtered by a search or by arrival dates, as a job with progress and cancel. Answers the file to fetch with files.download and the number of data rows.',
    writes: false,
    job: true,
    input: exportInputSchema,
    output: z.object({ file: id, name: z.string(), rows: z.number().int() }),
  }),
};
