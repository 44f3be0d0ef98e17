import { z } from 'zod';
import { calendarDate, id } from './common.ts';
import { call } from './define.ts';

// 閲覧記録: who opened a guest card, printed a sheet, exported or disclosed guest data, when, about which guest
// and from which PC (docs/access-log.md). Entries are made by the core as those calls run; this contract lists
// them for managers and lets the screens record what only they see happen (a sheet sent to the printer).

/**
 * What was done. A code is stored in a synced column: a PC that does not know a newer code holds the entry
 * back until it is updated (db/log/registry.ts), so codes are only ever added.
 */
export const ACCESS_ACTIONS = ['card_opened', 'sheet_printed', 'exported', 'disclosed'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export const SHEETS = ['briefing', 'kitchen'] as const;
export const PRINT_WAYS = ['print', 'pdf'] as const;

/**
 * What an entry was about, beyond the guest: a small JSON object, every field optional, so an entry made by a
 * newer PC with fields this one does not know still lists (the unknown ones are left out). No free text a person
 * typed is kept here (an export's search words may be a guest's name or phone): the log must not become a second
 * copy of personal data.
 */
export const accessDetailSchema = z.object({
  /** sheet_printed: which sheet (briefing, kitchen), for which arrival day, one stay's or the whole day's. */
  sheet: z.string().optional(),
  date: z.string().optional(),
  stayId: z.string().optional(),
  /** sheet_printed: sent to the printer (print) or saved as a PDF (pdf). */
  via: z.string().optional(),
  /**
   * exported: `register` (書き出し), `set_aside` (an import's rows not taken), `guest_register` (宿泊者名簿, with
   * `format`, `from`, `to`); disclosed: `pdf`, `json`.
   */
  what: z.string().optional(),
  /** exported: the kinds written (guests, stays, allergies, requests), the format and the filter used. */
  kinds: z.array(z.string()).optional(),
  format: z.string().optional(),
  /** exported: all, search (which words is not kept) or dates (arrivals from `from` to `to`). */
  filter: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  /** exported: the number of data rows written. */
  rows: z.number().int().optional(),
});
export type AccessDetail = z.infer<typeof accessDetailSchema>;

/** A guest as the log names them; `state` says when the card no longer shows them as they were. */
export const GUEST_STATES = ['active', 'deleted', 'merged', 'erased', 'unknown'] as const;

export const accessEntrySchema = z.object({
  id: z.string(),
  /** The write's time (HLC), ISO UTC: shown on the inn's clock. */
  at: z.string(),
  action: z.enum(ACCESS_ACTIONS),
  /** Who was chosen at the PC; null when nobody was. */
  staff: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** null: an entry about no one guest (a whole day's sheet, an export of many). */
  guest: z
    .object({
      id: z.string(),
      familyName: z.string(),
      givenName: z.string(),
      /** deleted, merged into another card, erased (its name is gone), unknown (not on this PC yet). */
      state: z.enum(GUEST_STATES),
    })
    .nullable(),
  pc: z.object({
    node: z.string(),
    /** The PC's name when the register has one (none yet: PCs are named with sync); else null. */
    name: z.string().nullable(),
    /** The last 8 characters of its node id (the first ones are a time, alike on PCs set up together). */
    short: z.string(),
    /** Whether it is this PC. */
    here: z.boolean(),
  }),
  detail: accessDetailSchema,
});
export type AccessEntry = z.infer<typeof accessEntrySchema>;

/** Where a page ended: the next page starts after this entry (newest first). */
export const accessCursorSchema = z.object({ at: z.string().max(40), id: z.string().max(40) }).strict();
export type AccessCursor = z.infer<typeof accessCursorSchema>;

export const ACCESS_PAGE_MAX = 500;

export const accessListInputSchema = z
  .object({
    /** The inn's days, both included (its time zone). */
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    /** A staff member, or `none` for what was done with nobody chosen at the PC. */
    staffId: z.union([id, z.literal('none')], { error: 'invalid_choice' }).optional(),
    guestId: id.optional(),
    action: z.enum(ACCESS_ACTIONS, { error: 'invalid_choice' }).optional(),
    /** A PC's node id. */
    node: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(ACCESS_PAGE_MAX).optional(),
    after: accessCursorSchema.optional(),
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.to >= value.from, { error: 'range_invalid', path: ['to'] });

export const accessLogCalls = {
  'accessLog.list': call({
    summary:
      'The access log (閲覧記録), newest first: who opened a guest card, printed a sheet, exported or disclosed, when, about which guest, from which PC. Filters by the inn’s days, staff (or `none`), guest, action and PC; pages by keyset (`after`: the `next` of the page before; 50 a page unless `limit`).',
    writes: false,
    input: accessListInputSchema,
    output: z.object({ entries: z.array(accessEntrySchema), next: accessCursorSchema.nullable() }),
  }),
  'accessLog.sheetPrinted': call({
    summary:
      'Records in the access log that a sheet was sent to the printer (`print`) or saved as a PDF (`pdf`): the screen says so for printing and Electron’s PDF, and the HTTP door for each PDF it makes (/api/sheets). A stay’s sheet is about its guest, a whole day’s about none. Recorded with nobody chosen too, under no one.',
    // Not a write for the dispatcher: printing needs nobody chosen, and the entry is its own small write
    // (electron/core/access/record.ts).
    writes: false,
    input: z
      .object({
        sheet: z.enum(SHEETS, { error: 'invalid_choice' }),
        date: calendarDate(),
        stayId: id.optional(),
        via: z.enum(PRINT_WAYS, { error: 'invalid_choice' }),
      })
      .strict(),
    output: z.object({ entry: z.string() }),
  }),
};
