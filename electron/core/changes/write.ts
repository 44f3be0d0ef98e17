import { encodeField, type Stored } from '../../../db/log/codec.ts';
import { columnSpec, tableSpec } from '../../../db/log/registry.ts';
import { encodeRowId, type LogStore, WHOLE_ROW } from '../../../db/log/store.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import type { Derivations } from './derived.ts';
import type { Hlc } from './hlc.ts';
import { stampToIso, stampWall } from './hlc.ts';
import { versionsOf, winner } from './merge.ts';
import { type RowStore, type StoredRow, storable, type Touched } from './rows.ts';
import type { ScrubPolicy } from './scrub.ts';

// The local write path. Every insert or update of a synced table goes through a session's writeRow, which
// in the caller's transaction writes the row and logs it: one header per committed write (its HLC stamp,
// node, staff member, call and schema version) and one entry per changed field, or one entry carrying the
// whole row for an insert. Each entry records the version it replaced, so another PC can tell a later edit
// from a concurrent one. Nothing is physically deleted: a delete is a deleted_at tombstone.

export type WriteOptions = {
  /**
   * The row's version the edit was based on (what the form was opened on). When a field this write changes
   * was changed since, by this PC or another, the write is refused with a conflict naming both values.
   */
  basedOn?: number;
};

export type WriteSession = {
  /** Insert or update one row. Returns the logged columns that changed (empty when nothing did). */
  writeRow(table: SyncedTable, id: string, values: Record<string, unknown>, options?: WriteOptions): string[];
  /** This write's time, from the HLC: what recorded-at, deleted-at and timeline times are. */
  now(): string;
  /** The same time in milliseconds. */
  nowMs(): number;
  /** A new record id, as the core makes them (ctx.newId). */
  newId(): string;
};

/** Logged columns the write path sets itself on an edit: never what "changed since the form opened" is about. */
const NOT_EDITED = new Set(['last_activity_at']);

export type FieldConflict = {
  table: string;
  id: string;
  column: string;
  yours: Stored;
  theirs: Stored;
  staff: number | null;
  at: string;
};

export type WriteContext = {
  log: LogStore;
  rows: RowStore;
  derivations: Derivations;
  hlc: Hlc;
  node: number;
  schema: number;
  newId: () => string;
  /** Erasure's rule (scrub.ts): a local write about an erased guest is kept blank, as a received one is. */
  scrubPolicy?: () => ScrubPolicy | undefined;
};

export function openSession(
  ctx: WriteContext,
  staffId: string | null,
  call: string | null,
  touched: Touched,
): WriteSession {
  let stamp: number | undefined;
  let seq: number | undefined;
  let position = 0;
  // Entries already written in this transaction: a second write to the same field or row amends them.
  const inserts = new Map<string, number>();
  const fields = new Map<string, number>();

  const ensureStamp = () => {
    if (stamp === undefined) stamp = ctx.hlc.now();
    return stamp;
  };
  const ensureHeader = () => {
    if (seq === undefined) {
      seq = ctx.log.appendTx({
        hlc: ensureStamp(),
        node: ctx.node,
        staff: ctx.log.staffRef(staffId),
        call: ctx.log.callRef(call),
        schema: ctx.schema,
      });
    }
    return seq;
  };

  return {
    now: () => stampToIso(ensureStamp()),
    nowMs: () => stampWall(ensureStamp()),
    newId: ctx.newId,
    writeRow(table, id, values, options = {}) {
      const spec = tableSpec(table);
      const stored: Record<string, Stored> = {};
      for (const [column, value] of Object.entries(values)) {
        if (column === 'updated_at') continue; // follows from the log: the time of this write
        if (!columnSpec(table, column)) {
          const why = ctx.derivations.isDerived(table, column) ? 'is derived' : 'is not a logged column';
          throw new Error(`writeRow: ${table}.${column} ${why}`);
        }
        stored[column] = storable(value);
      }
      const policy = ctx.scrubPolicy?.();
      if (policy?.tables.has(table)) {
        const values = Object.entries(stored).map(
          ([column, value]) => [columnSpec(table, column)?.id as number, value] as [number, Stored],
        );
        const rewrite = policy(spec, id, { table: spec.id, row: id, col: WHOLE_ROW, value: values, prev: null });
        for (const [column, value] of Object.entries(stored)) {
          const apply = rewrite?.get(columnSpec(table, column)?.id as number);
          if (apply) stored[column] = apply(value);
        }
      }
      const before = ctx.rows.read(table, id);
      const rowKey = `${table}|${id}`;
      const rowId = encodeRowId(id);
      if (!before) {
        ctx.rows.insert(
          table,
          id,
          ctx.derivations.withPlaceholders(table, { ...stored, updated_at: stampToIso(ensureStamp()) }),
        );
        const inserted = ctx.rows.read(table, id) as StoredRow;
        const tx = ensureHeader();
        // Kept without its values: the row holds them until one changes (db/log/row-backed.ts).
        const entryId = ctx.log.appendEntry(tx, position++, {
          tbl: spec.id,
          row: rowId,
          col: WHOLE_ROW,
          value: null,
          prevHlc: null,
          prevNode: null,
        });
        inserts.set(rowKey, entryId);
        // A new row's fields have one version each (this one: the clock is past everything received), so
        // there is no concurrent edit to look for.
        ctx.rows.afterWrite(table, undefined, id, touched, inserted);
        touched.insertedRow(table, id);
        return spec.columns.map((column) => column.name);
      }

      const changed = Object.keys(stored).filter((column) => before[column] !== stored[column]);
      if (changed.length === 0) return [];
      const needsVersions = !inserts.has(rowKey);
      const entries = needsVersions ? ctx.log.rowEntries(spec.id, rowId, before) : [];
      const winners = new Map(
        changed.map((name) => [
          name,
          needsVersions ? winner(versionsOf(entries, columnSpec(table, name) as never, ctx.log.nodeOf)) : undefined,
        ]),
      );
      if (options.basedOn !== undefined) {
        const basedOn = options.basedOn;
        const stale = changed.flatMap((column): FieldConflict[] => {
          // Bookkeeping moves at every write (a guest's last activity): it is nobody's edit to compare.
          if (NOT_EDITED.has(column)) return [];
          const latest = winners.get(column);
          if (!latest || latest.tx <= basedOn) return [];
          return [
            {
              table,
              id,
              column,
              yours: stored[column] as Stored,
              theirs: before[column] as Stored,
              staff: latest.staff,
              at: stampToIso(latest.hlc),
            },
          ];
        });
        if (stale.length > 0) throw new EditedSince(stale);
      }

      const after = ctx.rows.update(
        table,
        id,
        {
          ...Object.fromEntries(changed.map((column) => [column, stored[column] as Stored])),
          updated_at: stampToIso(ensureStamp()),
        },
        entries,
      );
      const tx = ensureHeader();
      const insertEntry = inserts.get(rowKey);
      if (insertEntry !== undefined) {
        // Inserted in this same write: the insert's entry stands for the row as it ends up, so it holds no copy
        // (none was taken above: this write read no entries of the row).
        ctx.log.setEntryValue(insertEntry, null);
      } else {
        for (const column of changed) {
          const logged = columnSpec(table, column) as NonNullable<ReturnType<typeof columnSpec>>;
          const fieldKey = `${rowKey}|${column}`;
          const value = encodeField(stored[column] as Stored);
          const existing = fields.get(fieldKey);
          if (existing !== undefined) {
            ctx.log.setEntryValue(existing, value);
            continue;
          }
          const replaced = winners.get(column);
          // A list's change is what this write added and removed against the list on screen, which after a
          // merge is not the replaced version's own value: keep that list with the entry then (merge.ts).
          const seen = before[column] as Stored;
          const base = logged.list && replaced && replaced.value !== seen ? encodeField(seen) : null;
          fields.set(
            fieldKey,
            ctx.log.appendEntry(tx, position++, {
              tbl: spec.id,
              row: rowId,
              col: logged.id,
              value,
              prevHlc: replaced?.hlc ?? null,
              prevNode: replaced ? ctx.log.nodeRef(replaced.node) : null,
              base,
            }),
          );
        }
      }
      ctx.rows.afterWrite(table, before, id, touched, after);
      for (const column of changed) touched.field(table, id, column);
      return changed;
    },
  };
}

/** Raised by a session when an edit was based on a version older than a field it changes. */
export class EditedSince extends Error {
  readonly conflicts: FieldConflict[];
  constructor(conflicts: FieldConflict[]) {
    super(`edited since: ${conflicts.map((c) => `${c.table}.${c.column}`).join(', ')}`);
    this.conflicts = conflicts;
  }
}
