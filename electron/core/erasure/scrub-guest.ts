import type { Database } from 'better-sqlite3';
import { decodeField, type Stored } from '../../../db/log/codec.ts';
import { type ColumnSpec, columnSpec, type TableSpec, tableSpec } from '../../../db/log/registry.ts';
import { encodeRowId, insertValues, WHOLE_ROW } from '../../../db/log/store.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import { columnLookup, packKey, unpackRow } from '../../../db/stored-form.ts';
import type { ChangeEngine } from '../changes/engine.ts';
import type { Touched } from '../changes/rows.ts';
import type { RowRewrite, ScrubPolicy } from '../changes/scrub.ts';
import type { ShippedEntry } from '../changes/shipped.ts';
import { blankOf, GUEST_TEXT_FIELDS, guestColumns, rowsOfGuestWhere, type TextFields, textColumns } from './fields.ts';

// Erasure as every PC carries it out. The erasure itself is one logged insert into `erasures`; whenever a PC
// holds such a row (its own write, a row applied from another PC, or a replay of the log), this blanks, on that
// PC, everything it keeps about the guest: the personal fields in the guest row and in every log entry (old
// values included), free text about the guest (their requests, allergies and stays, the deals they organised,
// what was served to them: fields.ts), the names in 名寄せ merge records, the
// transactions kept aside (log_held), the search index (a row hook of the guest row), the duplicate candidates
// and the answers kept for retried calls. Entries that arrive later are kept blanked by the same rule
// (`policy`, asked by the apply path). Everything here is a function of the synced rows and the log, so every PC
// ends with the same rows and the same log.

const blank = (column: ColumnSpec) => () => blankOf(column);
const rewriteOf = (columns: readonly ColumnSpec[], to: (column: ColumnSpec) => () => Stored = blank): RowRewrite =>
  new Map(columns.map((column) => [column.id, to(column)]));

export type GuestScrub = ReturnType<typeof createGuestScrub>;

export function createGuestScrub(db: Database, engine: Pick<ChangeEngine, 'scrubber' | 'setScrubPolicy' | 'log'>) {
  const erasureOf = db.prepare('SELECT id, released_at FROM erasures WHERE guest_id = ?');
  const erasureById = db.prepare('SELECT released_at FROM erasures WHERE id = ?');
  const anyErasure = db.prepare('SELECT EXISTS (SELECT 1 FROM erasures)').pluck();
  // The tables holding free text about a guest, each with its path to the guest (fields.ts); names from that list.
  const textFields = new Map(GUEST_TEXT_FIELDS.map((fields) => [fields.table as string, fields]));
  const viaOfRow = new Map(GUEST_TEXT_FIELDS.map(({ table, via }) => [table, columnLookup(db, table, via, 'id')]));
  const viaOfParent = new Map(
    GUEST_TEXT_FIELDS.flatMap(({ table, parent }) =>
      parent ? [[table, columnLookup(db, parent.table, parent.via, 'id')]] : [],
    ),
  );
  const rowsOfGuest = new Map(
    GUEST_TEXT_FIELDS.map((fields) => [
      fields.table,
      // The parameter is the guest's id, a text id in every parent table.
      columnLookup(db, fields.table, 'id', fields.parent ? null : fields.via, rowsOfGuestWhere(fields)),
    ]),
  );
  /**
   * The values a parent row's column has had in the log. An apply batch keeps every entry before it refreshes any
   * row, so a stage or a serving arriving with its deal or stay (both written offline) finds its parent there.
   */
  const parentLinks = (table: SyncedTable, id: string, column: string): unknown[] => {
    const spec = columnSpec(table, column) as ColumnSpec;
    const entries = engine.log.fieldEntries(tableSpec(table).id, encodeRowId(id), spec.id);
    return entries.map((entry) =>
      entry.col === WHOLE_ROW ? insertValues(entry).find(([c]) => c === spec.id)?.[1] : decodeField(entry.value),
    );
  };
  /**
   * Whether a row of a text table is about an erased guest: by the link the entry carries (an insert), the row's
   * link now, or any link the log holds for it. A 名寄せ merge moves a row from one guest to another; a PC that
   * erased the first guest before it heard of the merge blanked the row, so every PC must count a row that was
   * ever the erased guest's, whatever its link says now, or they would end apart.
   */
  const leadsToErased = (fields: TextFields, row: string, entry: ShippedEntry): boolean => {
    const viaColumn = columnSpec(fields.table, fields.via)?.id;
    const carried =
      entry.col === WHOLE_ROW
        ? (entry.value as Array<[number, Stored]>).find(([col]) => col === viaColumn)?.[1]
        : undefined;
    const vias = new Set<unknown>([
      carried,
      viaOfRow.get(fields.table)?.get(row),
      ...parentLinks(fields.table, row, fields.via),
    ]);
    vias.delete(undefined);
    vias.delete(null);
    if (!fields.parent) return [...vias].some(isErased);
    const { parent } = fields;
    return [...vias].some(
      (via) =>
        typeof via === 'string' &&
        [viaOfParent.get(fields.table)?.get(via), ...parentLinks(parent.table, via, parent.via)].some(isErased),
    );
  };
  const mergesOf = db.prepare('SELECT id FROM guest_merges WHERE kept_id = ? OR merged_id = ?').pluck();
  const mergeChangesOf = db.prepare('SELECT changes FROM guest_merges WHERE kept_id = ? OR merged_id = ?').pluck();
  const childrenOf = new Map(
    GUEST_TEXT_FIELDS.flatMap(({ table, via, parent }) =>
      parent ? [[table, columnLookup(db, table, 'id', via)]] : [],
    ),
  );
  /** The rows (by table) a merge moved away from or to the guest: their [table, id, column, before, after] records. */
  const movedByMerges = (guestId: string): Map<string, Set<string>> => {
    const moved = new Map<string, Set<string>>();
    for (const text of mergeChangesOf.all(guestId, guestId) as string[]) {
      let items: unknown;
      try {
        items = JSON.parse(text);
      } catch {
        continue;
      }
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (!Array.isArray(item) || (item[3] !== guestId && item[4] !== guestId)) continue;
        const [table, id] = item as [string, string];
        if (!moved.has(table)) moved.set(table, new Set());
        moved.get(table)?.add(id);
      }
    }
    return moved;
  };
  const forgetCandidates = db.prepare('DELETE FROM duplicate_candidates WHERE guest_a = ? OR guest_b = ?');
  // Answers kept for a retried call (changes/request-log.ts) may hold the guest's card as it was.
  const forgetAnswers = db.prepare('DELETE FROM request_log WHERE instr(result, ?) > 0');

  // Most registers never erase anyone: the apply path then asks nothing per entry.
  let erasing = anyErasure.get() === 1;
  const isErased = (guestId: unknown) => typeof guestId === 'string' && erasureOf.get(guestId) !== undefined;

  const guests = tableSpec('guests');
  const guestRewrite = () => rewriteOf(guestColumns());
  const personal = () => new Map(guestColumns().map((column) => [column.name, column]));

  /** A merge record's changes ([table, id, column, before, after]) with an erased guest's personal values blank. */
  const mergeChanges = (value: Stored): Stored => {
    if (typeof value !== 'string' || value === '[]') return value;
    let items: unknown;
    try {
      items = JSON.parse(value);
    } catch {
      return value;
    }
    if (!Array.isArray(items)) return value;
    const columns = personal();
    let changed = false;
    const next = items.map((item) => {
      if (!Array.isArray(item) || item[0] !== 'guests') return item;
      const column = columns.get(item[2] as string);
      if (!column || !isErased(item[1])) return item;
      const empty = blankOf(column);
      if (item[3] === empty && item[4] === empty) return item;
      changed = true;
      return [item[0], item[1], item[2], empty, empty];
    });
    return changed ? JSON.stringify(next) : value;
  };
  const mergeSpec = tableSpec('guest_merges');
  const mergeRewrite: RowRewrite = new Map([[columnSpec('guest_merges', 'changes')?.id as number, mergeChanges]]);

  const erasureSpec = tableSpec('erasures');
  const heldColumn = columnSpec('erasures', 'held') as ColumnSpec;
  const releasedColumn = columnSpec('erasures', 'released_at') as ColumnSpec;
  const heldRewrite: RowRewrite = new Map([[heldColumn.id, () => null]]);

  const rule = (spec: TableSpec, row: string, entry: ShippedEntry): RowRewrite | undefined => {
    if (!erasing) return undefined;
    const fields = textFields.get(spec.name);
    if (fields) return leadsToErased(fields, row, entry) ? rewriteOf(textColumns(spec.name)) : undefined;
    switch (spec.name) {
      case 'guests':
        return isErased(row) ? guestRewrite() : undefined;
      case 'guest_merges':
        return mergeRewrite;
      case 'erasures': {
        const local = erasureById.get(row) as { released_at: string | null } | undefined;
        const carriesRelease =
          entry.col === WHOLE_ROW
            ? (entry.value as Array<[number, Stored]>).some(([col, v]) => col === releasedColumn.id && v !== null)
            : entry.col === releasedColumn.id && entry.value !== null;
        return local?.released_at || carriesRelease ? heldRewrite : undefined;
      }
      default:
        return undefined;
    }
  };
  const rowOf = new Map(
    GUEST_TEXT_FIELDS.map(({ table }) => {
      const read = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
      return [
        table as string,
        (id: string) => {
          const row = read.get(packKey(table, id)) as Record<string, unknown> | undefined;
          return row && unpackRow(table, row);
        },
      ];
    }),
  );
  /**
   * What a text row still holds, blanked when the row is about an erased guest. A row's field entries can reach a
   * PC before the row itself, and a merge's link can arrive after the erasure and lose to a later link: either way
   * the erasure found nothing to blank then, and the text would stay here while the other PCs blanked it. A deal
   * or a stay takes its stage and served notes with it.
   */
  const rescrub = (table: string, after: Record<string, unknown> | undefined, touched: Touched) => {
    if (!erasing || running || !after) return;
    const fields = textFields.get(table);
    const id = after.id;
    if (!fields || typeof id !== 'string') return;
    const children = GUEST_TEXT_FIELDS.filter((child) => child.parent?.table === table);
    const ownText = fields.columns.some((column) => typeof after[column] === 'string' && after[column] !== '');
    if (!ownText && children.length === 0) return;
    const asRow: ShippedEntry = { table: tableSpec(fields.table).id, row: id, col: -1, value: null, prev: null };
    if (!leadsToErased(fields, id, asRow)) return;
    running = true;
    try {
      if (ownText)
        engine.scrubber.rewriteRow(tableSpec(fields.table), id, rewriteOf(textColumns(fields.table)), touched);
      for (const child of children) {
        const rewrite = rewriteOf(textColumns(child.table));
        for (const childId of (childrenOf.get(child.table)?.all(id) ?? []) as string[]) {
          engine.scrubber.rewriteRow(tableSpec(child.table), childId, rewrite, touched);
        }
      }
    } finally {
      running = false;
    }
  };
  const afterApply = (rows: ReadonlyArray<{ table: string; id: string }>, touched: Touched) => {
    if (!erasing) return;
    for (const { table, id } of rows) {
      const read = rowOf.get(table);
      if (read) rescrub(table, read(id), touched);
    }
  };

  const policy: ScrubPolicy = Object.assign(rule, {
    afterApply,
    tables: new Set<string>(['guests', ...GUEST_TEXT_FIELDS.map((f) => f.table), 'guest_merges', 'erasures']),
  });
  engine.setScrubPolicy(policy);

  let running = false;
  /** Blanks everything this PC keeps about an erased guest (see above). Runs after every write of its erasure. */
  const scrub = (guestId: string, touched: Touched) => {
    const { scrubber } = engine;
    const erasure = erasureOf.get(guestId) as { id: string; released_at: string | null } | undefined;
    if (!erasure) return;
    erasing = true;
    scrubber.rewriteRow(guests, guestId, guestRewrite(), touched);
    const moved = movedByMerges(guestId);
    for (const fields of GUEST_TEXT_FIELDS) {
      const { table } = fields;
      const rewrite = rewriteOf(textColumns(table));
      const ids = new Set((rowsOfGuest.get(table)?.all(guestId) ?? []) as string[]);
      // Rows a merge moved away from the guest (or their children, for a table reached through a parent).
      if (!fields.parent) for (const id of moved.get(table) ?? []) ids.add(id);
      else
        for (const parentId of moved.get(fields.parent.table) ?? []) {
          for (const id of childrenOf.get(table)?.all(parentId) ?? []) ids.add(id as string);
        }
      for (const id of ids) scrubber.rewriteRow(tableSpec(table), id, rewrite, touched);
    }
    for (const id of mergesOf.all(guestId, guestId) as string[])
      scrubber.rewriteRow(mergeSpec, id, mergeRewrite, touched);
    if (erasure.released_at) scrubber.rewriteRow(erasureSpec, erasure.id, heldRewrite, touched);
    scrubber.rewriteHeld(policy);
    if (forgetCandidates.run(guestId, guestId).changes > 0) touched.tables.add('duplicate_candidates');
    forgetAnswers.run(guestId);
    touched.tables.add('guests');
  };

  return {
    policy,
    isErased,
    /**
     * The row hook on each text table. A row's field entries can reach a PC before the row itself (an edit sent on
     * ahead of the insert it follows): if the guest's erasure came in between, those entries were kept as they were
     * (no row yet to say whose they are), and the row built from them when the insert arrives would bring their
     * text back. Once the row exists and leads to an erased guest, what it still holds is blanked, log included,
     * as the erasure did on the PCs that had the row already.
     */
    onTextRowWritten(table: SyncedTable, after: Record<string, unknown> | undefined, touched: Touched) {
      rescrub(table, after, touched);
    },
    /** The row hook on `erasures`: local writes, applied rows and replays all come through here. */
    onErasureWritten(after: Record<string, unknown>, touched: Touched) {
      if (running) return; // the erasure row's own rewrite (a released hold) comes back through its hook
      running = true;
      try {
        scrub(after.guest_id as string, touched);
      } finally {
        running = false;
      }
    },
  };
}
