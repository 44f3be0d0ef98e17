import type { Database } from 'better-sqlite3';
import { decodeField } from '../../../db/log/codec.ts';
import { decodeRowId, ENTRY_BITS, type LogStore, WHOLE_ROW } from '../../../db/log/store.ts';
import { originForms } from './origin-forms.ts';
import type { ShippedTx } from './shipped.ts';

// Reads transactions out of the log as another PC takes them in (apply.ts): whole transactions, in this
// PC's arrival order, which keeps every origin's own order and puts a cause before its effect.

type TxRow = { seq: number; hlc: number; node: number; staff: number | null; call: number | null; schema: number };
type EntryRow = {
  id: number;
  tbl: number;
  row: unknown;
  col: number;
  value: unknown;
  prev_hlc: number | null;
  prev_node: number | null;
  base: unknown;
};

export function createExporter(db: Database, log: LogStore) {
  const txs = db.prepare('SELECT seq, hlc, node, staff, call, schema FROM log_tx WHERE seq > ? ORDER BY seq LIMIT ?');
  // Sample data's transactions left out, or none (origin-forms.ts).
  const originTxs = originForms(
    db,
    `SELECT seq, hlc, node, staff, call, schema FROM log_tx
      WHERE node = @node AND hlc > @after AND hlc <= @until /*skip*/ ORDER BY hlc LIMIT @limit`,
  );
  const entries = db.prepare(
    `SELECT id, tbl, row, col, value, prev_hlc, prev_node, base FROM log_entry WHERE id >= ? AND id < ? ORDER BY id`,
  );
  const span = 2 ** ENTRY_BITS;

  const shipped = (tx: TxRow): ShippedTx => ({
    node: log.nodeOf(tx.node),
    hlc: tx.hlc,
    staff: log.staffOf(tx.staff),
    call: log.callOf(tx.call),
    schema: tx.schema,
    entries: (entries.all(tx.seq * span, (tx.seq + 1) * span) as EntryRow[]).map((entry) => ({
      table: entry.tbl,
      row: decodeRowId(entry.row),
      col: entry.col,
      value:
        entry.col === WHOLE_ROW
          ? log.insertColumns(entry.tbl, entry.row as Buffer | string, entry)
          : decodeField(entry.value),
      prev: entry.prev_hlc === null ? null : { hlc: entry.prev_hlc, node: log.nodeOf(entry.prev_node as number) },
      // On an insert, base only marks one kept partly in its row (db/log/row-backed.ts): shipped whole, without it.
      ...(entry.base === null || entry.col === WHOLE_ROW ? {} : { base: decodeField(entry.base) }),
    })),
  });

  return {
    /** Up to `limit` transactions after local sequence `after`, with the sequence to continue from. */
    after(after: number, limit = 1000): { transactions: ShippedTx[]; next: number } {
      const rows = txs.all(after, limit) as TxRow[];
      return { transactions: rows.map(shipped), next: rows.at(-1)?.seq ?? after };
    },
    /**
     * Up to `limit` transactions of one origin (its log_nodes number), stamped in (after, until], in its order,
     * leaving out those of one call (`skipCall`, a log_calls number: sample data, which sync never ships).
     */
    byOrigin(node: number, after: number, until: number, limit: number, skipCall: number | null): ShippedTx[] {
      return (originTxs(skipCall).all({ node, after, until, limit, skip: skipCall }) as TxRow[]).map(shipped);
    },
  };
}

export type Exporter = ReturnType<typeof createExporter>;
