import type { Database } from 'better-sqlite3';
import { encodeField, encodeRow, isUuid, type Stored } from '../../../db/log/codec.ts';
import { type ColumnSpec, knowsValue, type TableSpec, tableSpecById } from '../../../db/log/registry.ts';
import { encodeRowId, type LogStore, WHOLE_ROW } from '../../../db/log/store.ts';
import type { Derivations } from './derived.ts';
import { type Hlc, isStamp, stampToIso } from './hlc.ts';
import { mergedValue, versionsOf } from './merge.ts';
import type { RowStore, Touched } from './rows.ts';
import { rewriteShipped, type ScrubPolicy } from './scrub.ts';
import { type ShippedEntry, type ShippedTx, shippedTxSchema } from './shipped.ts';
import { createStorageCheck } from './storable.ts';

// The apply path: remote transactions come in here, and only here. For each transaction, in the caller's
// SQLite transaction:
// - already held (same origin node and stamp)? nothing to do: applying a batch twice changes nothing;
// - malformed? refused; stamped more than five minutes ahead of this PC's clock, or naming a table, column
//   or enum value this version does not know? kept aside in log_held, to apply later (see retryHeld);
// - otherwise its header and entries are kept exactly as received, and each field it touches is recomputed
//   from every entry held for it by the merge rule (merge.ts), so the result does not depend on the order
//   transactions arrive in. A row whose insert has not arrived yet waits in the log until it does.
// Row hooks and derived columns run as for a local write; no new entry is written. An entry about an erased
// guest's personal fields is kept blanked (scrub.ts).
//
// A transaction whose values this PC's tables refuse (a NULL where a column needs a value, text where it needs
// a number: a fault on the PC that wrote it, or a newer version's data) must not stop the rest. Otherwise the
// batch would fail whole, the other PC would send it again, and nothing more would ever arrive from it. Each
// entry's values are checked on their own first (storable.ts), and such a transaction is kept aside as
// `cannot_store`. What that check cannot see (a row hook that cannot read a value) still fails the batch: the
// engine then applies it again one transaction at a time, each in a savepoint (`guard`), and keeps aside the
// ones refused. Both kinds are tried again with every batch, and staff see them, each under the reason that
// holds it now (heldReasonOf: what waiting for the clock cannot cure comes first).

export type ApplyReport = {
  applied: number;
  duplicates: number;
  held: Array<{ node: string; hlc: unknown; reason: HeldReason }>;
  refused: Array<{ index: number; reason: string }>;
};

export type HeldReason = 'clock_ahead' | 'unknown_schema' | 'cannot_store';

/** What trying the kept-aside transactions again did; with one accepted by staff, why it still waits, if it does. */
export type RetryOutcome = { applied: number; acceptedStillHeld?: HeldReason };

/**
 * Runs one part of an apply in a savepoint with a Touched of its own, merged into the caller's on success.
 * False when this PC's tables refused what the part wrote: the savepoint is rolled back, nothing of it stays.
 */
export type Guard = (part: (touched: Touched) => void) => boolean;

/** Screens that show what is kept aside (conflicts.held) refetch when this is among the changed tables. */
export const HELD_TABLE = 'log_held';

export type ApplyContext = {
  log: LogStore;
  rows: RowStore;
  derivations: Derivations;
  hlc: Hlc;
  clock: () => number;
  db: Database;
  /** What erasure rewrites in an entry before it is kept (scrub.ts); none until the domain sets it. */
  scrubPolicy: () => ScrubPolicy | undefined;
};

function unknownSchema(entries: readonly ShippedEntry[]): boolean {
  for (const entry of entries) {
    const table = tableSpecById(entry.table);
    if (!table) return true;
    if (entry.col === WHOLE_ROW) {
      if (!Array.isArray(entry.value)) return true;
      for (const [col, value] of entry.value) {
        const column = table.columns.find((c) => c.id === col);
        if (!column || !knowsValue(column, value)) return true;
      }
    } else {
      const column = table.columns.find((c) => c.id === entry.col);
      if (!column || Array.isArray(entry.value) || !knowsValue(column, entry.value)) return true;
    }
  }
  return false;
}

/** Recomputes the given columns of one row from every entry the log holds for it. */
export function refreshRow(
  ctx: ApplyContext,
  spec: TableSpec,
  id: string,
  columns: readonly ColumnSpec[],
  touched: Touched,
) {
  const rowId = encodeRowId(id);
  const before = ctx.rows.read(spec.name, id);
  const entries = ctx.log.rowEntries(spec.id, rowId, before);
  touched.entriesRead(spec.name, id, entries);
  const latest = entries.reduce((max, entry) => Math.max(max, entry.hlc), 0);
  if (!before) {
    if (!entries.some((entry) => entry.col === WHOLE_ROW)) return; // its insert has not arrived yet
    const values: Record<string, Stored> = {};
    for (const column of spec.columns) {
      const value = mergedValue(column, versionsOf(entries, column, ctx.log.nodeOf));
      if (value !== undefined) values[column.name] = value;
    }
    ctx.rows.insert(
      spec.name,
      id,
      ctx.derivations.withPlaceholders(spec.name, { ...values, updated_at: stampToIso(latest) }),
    );
    ctx.rows.afterWrite(spec.name, undefined, id, touched);
    for (const column of spec.columns) touched.field(spec.name, id, column.name);
    return;
  }
  const changes: Record<string, Stored> = {};
  for (const column of columns) {
    const value = mergedValue(column, versionsOf(entries, column, ctx.log.nodeOf));
    if (value !== undefined && value !== before[column.name]) changes[column.name] = value;
    touched.field(spec.name, id, column.name);
  }
  const updatedAt = stampToIso(latest);
  if (updatedAt !== before.updated_at) changes.updated_at = updatedAt;
  if (Object.keys(changes).length === 0) return;
  const after = ctx.rows.update(spec.name, id, changes, entries);
  ctx.rows.afterWrite(spec.name, before, id, touched, after);
}

function keep(ctx: ApplyContext, tx: ShippedTx): void {
  const node = ctx.log.nodeRef(tx.node);
  const seq = ctx.log.appendTx({
    hlc: tx.hlc,
    node,
    staff: ctx.log.staffRef(tx.staff),
    call: ctx.log.callRef(tx.call),
    schema: tx.schema,
  });
  const policy = ctx.scrubPolicy();
  tx.entries.forEach((received, position) => {
    // An entry about an erased guest is kept blanked: arriving late from a PC that was offline, it cannot
    // bring the name back (erasure/policy.ts). Its header and versions are kept as they are.
    const spec = tableSpecById(received.table);
    const entry =
      policy && spec && policy.tables.has(spec.name)
        ? rewriteShipped(received, policy(spec, received.row, received))
        : received;
    ctx.log.appendEntry(seq, position, {
      tbl: entry.table,
      row: encodeRowId(entry.row),
      col: entry.col,
      value:
        entry.col === WHOLE_ROW
          ? encodeRow(entry.value as Array<[number, Stored]>)
          : encodeField(entry.value as Stored),
      prevHlc: entry.prev?.hlc ?? null,
      prevNode: entry.prev ? ctx.log.nodeRef(entry.prev.node) : null,
      // An insert has no base; on one, base marks an insert this PC keeps partly in its row (db/log/row-backed.ts).
      base: entry.base === undefined || entry.col === WHOLE_ROW ? null : encodeField(entry.base),
    });
  });
}

export function createApplier(ctx: ApplyContext) {
  const isHeld = ctx.db.prepare('SELECT 1 FROM log_held WHERE node = ? AND hlc = ?').pluck();
  const anyHeldRow = ctx.db.prepare('SELECT 1 FROM log_held LIMIT 1').pluck();
  const hold = ctx.db.prepare('INSERT INTO log_held (node, hlc, reason, received_at, tx) VALUES (?, ?, ?, ?, ?)');
  const unhold = ctx.db.prepare('DELETE FROM log_held WHERE node = ? AND hlc = ?');
  const heldRows = ctx.db.prepare('SELECT reason, tx FROM log_held ORDER BY hlc');
  const heldAgain = ctx.db.prepare('UPDATE log_held SET reason = ? WHERE node = ? AND hlc = ?');
  const storable = createStorageCheck(ctx.db);

  /**
   * Why a transaction must wait, if it must. What no waiting for the clock cures comes first: a newer
   * version's names, then values these tables refuse; staff are offered "apply anyway" only for a clock
   * ahead, and pressing it must be able to work.
   */
  const heldReasonOf = (tx: ShippedTx, clockAhead: boolean): HeldReason | undefined =>
    unknownSchema(tx.entries)
      ? 'unknown_schema'
      : !storable(tx.entries)
        ? 'cannot_store'
        : clockAhead
          ? 'clock_ahead'
          : undefined;

  const holdAside = (tx: ShippedTx, reason: HeldReason, report: ApplyReport, touched: Touched) => {
    hold.run(encodeRowId(tx.node), tx.hlc, reason, ctx.clock(), JSON.stringify(tx));
    report.held.push({ node: tx.node, hlc: tx.hlc, reason });
    touched.tables.add(HELD_TABLE);
  };

  // The rows a batch touched, refreshed once each when the whole batch is in the log: the merge rule is a
  // function of the entries held, so a row edited by many transactions of a batch is recomputed once, and its
  // hooks (the search index) see only the net change.
  const pending = new Map<string, { spec: TableSpec; id: string; columns: Map<number, ColumnSpec> }>();

  const applyOne = (tx: ShippedTx) => {
    ctx.hlc.receive(tx.hlc);
    keep(ctx, tx);
    for (const entry of tx.entries) {
      const spec = tableSpecById(entry.table) as TableSpec;
      const key = `${entry.table}|${entry.row}`;
      let target = pending.get(key);
      if (!target) {
        target = { spec, id: entry.row, columns: new Map() };
        pending.set(key, target);
      }
      const columns = entry.col === WHOLE_ROW ? spec.columns : spec.columns.filter((c) => c.id === entry.col);
      for (const column of columns) target.columns.set(column.id, column);
    }
  };

  /** Recomputes every row the transactions applied since the last flush touched. */
  const flush = (touched: Touched): void => {
    // In table and id order: ids are UUIDv7, so this walks each table, its log entries (an insert sits near
    // the other rows made that day) and their indexes front to back, instead of a random page per row.
    const targets = [...pending.values()].sort((a, b) =>
      a.spec.id !== b.spec.id ? a.spec.id - b.spec.id : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    pending.clear();
    for (const { spec, id, columns } of targets) refreshRow(ctx, spec, id, [...columns.values()], touched);
    ctx.scrubPolicy()?.afterApply?.(
      targets.map(({ spec, id }) => ({ table: spec.name, id })),
      touched,
    );
  };

  /** One transaction applied and its rows recomputed in a savepoint; false when this PC's tables refused it. */
  const applyGuarded = (tx: ShippedTx, guard: Guard): boolean =>
    guard((part) => {
      applyOne(tx);
      flush(part);
    });

  return {
    /**
     * Applies a batch of remote transactions inside the caller's SQLite transaction. With `guard`, one at a
     * time, each in a savepoint: a transaction this PC's tables refuse is kept aside (cannot_store).
     */
    apply(batch: readonly unknown[], touched: Touched, guard?: Guard): ApplyReport {
      const report: ApplyReport = { applied: 0, duplicates: 0, held: [], refused: [] };
      // Nothing kept aside (the usual case): no transaction of the batch can be among them but one it holds.
      const anyHeld = anyHeldRow.get() !== undefined;
      const heldAlready = (node: string, hlc: number) =>
        (anyHeld || report.held.length > 0) && isHeld.get(encodeRowId(node), hlc) !== undefined;
      batch.forEach((raw, index) => {
        // Most of what a peer resends is already here: tell that from the origin and stamp alone, before
        // checking the whole transaction's shape.
        const origin = raw as { node?: unknown; hlc?: unknown } | null;
        if (
          typeof origin?.node === 'string' &&
          isUuid(origin.node) &&
          isStamp(origin.hlc) &&
          (ctx.log.findTx(ctx.log.nodeRef(origin.node), origin.hlc) !== undefined ||
            heldAlready(origin.node, origin.hlc))
        ) {
          report.duplicates++;
          return;
        }
        const parsed = shippedTxSchema.safeParse(raw);
        if (!parsed.success) {
          report.refused.push({ index, reason: 'malformed' });
          return;
        }
        const tx = parsed.data as ShippedTx;
        const verdict = ctx.hlc.check(tx.hlc);
        if (verdict === 'malformed') {
          report.refused.push({ index, reason: 'malformed_stamp' });
          return;
        }
        const reason = heldReasonOf(tx, verdict === 'ahead');
        if (reason) {
          holdAside(tx, reason, report, touched);
          return;
        }
        if (!guard) applyOne(tx);
        else if (!applyGuarded(tx, guard)) {
          pending.clear();
          holdAside(tx, 'cannot_store', report, touched);
          return;
        }
        report.applied++;
      });
      return report;
    },

    flush,
    /** After the caller's transaction rolled back: what it had gathered to recompute is gone with it. */
    discardPending() {
      pending.clear();
    },

    /**
     * Applies what was kept aside and can be applied now: the clock has caught up, this PC now knows the
     * schema, or its tables now take the values. With `accept`, staff have looked at a far-ahead transaction
     * and take it as it is. Each one in its own savepoint (`guard`): one still refused stays aside, and the
     * rest go in. The caller flushes what it applied before (these are flushed one by one).
     */
    retryHeld(guard: Guard, touched: Touched, accept?: { node: string; hlc: number }): RetryOutcome {
      const outcome: RetryOutcome = { applied: 0 };
      for (const row of heldRows.all() as Array<{ reason: HeldReason; tx: string }>) {
        const tx = JSON.parse(row.tx) as ShippedTx;
        const accepted = accept !== undefined && accept.node === tx.node && accept.hlc === tx.hlc;
        const verdict = ctx.hlc.check(tx.hlc);
        const stillHeld = (reason: HeldReason) => {
          if (accepted) outcome.acceptedStillHeld = reason;
          if (reason === row.reason) return;
          // Staff see why it waits now: a transaction that waited for the clock and that the tables refuse
          // offers no "apply anyway" any more, since applying it is not what keeps it aside.
          heldAgain.run(reason, encodeRowId(tx.node), tx.hlc);
          touched.tables.add(HELD_TABLE);
        };
        const reason = heldReasonOf(tx, verdict !== 'ok' && !accepted);
        if (reason) stillHeld(reason);
        else if (
          guard((part) => {
            unhold.run(encodeRowId(tx.node), tx.hlc);
            part.tables.add(HELD_TABLE);
            if (accepted && verdict === 'ahead') ctx.hlc.acceptAhead(tx.hlc);
            applyOne(tx);
            flush(part);
          })
        )
          outcome.applied++;
        else {
          pending.clear();
          stillHeld('cannot_store');
        }
      }
      return outcome;
    },
  };
}

export type Applier = ReturnType<typeof createApplier>;
