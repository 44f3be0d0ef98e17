import type { Database } from 'better-sqlite3';
import { bytesToUuid } from '../../db/log/codec.ts';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { ENTRY_BITS, encodeRowId } from '../../db/log/store.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import type { SyncedTable } from '../../db/schema.ts';
import { makeStamp } from '../../electron/core/changes/hlc.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import type { Core } from '../../electron/core/create-core.ts';
import { seededRandom } from '../../electron/core/demo/generate.ts';
import { SEED } from './build-database.ts';
import type { Figure } from './report.ts';
import { summarize } from './stats.ts';

// Taking in another PC's work: a batch of 100,000 remote field entries, as that PC would ship them
// (electron/core/changes/shipped.ts), applied by core.changes.apply in one go. The other PC edited guests
// (a note and the last activity, as guests.update writes them: 2 entries) and stays (their note: 1 entry),
// rows this database holds, each edit naming the version it replaced (what that PC had from this one), and
// stamped now. The baseline applies a batch of the same shape one transaction per apply call (each its own
// SQLite transaction, as a naive sync loop would), timed on its first 10,000 entries and scaled to 100,000.
// Every batch edits rows of its own, so none is warmer.

export const APPLY_ENTRIES = 100_000;
export const APPLY_TARGET_MS = 5_000;
/** Measured batches (the baseline is one more). */
const APPLY_RUNS = 3;
/** Entries the baseline applies one transaction at a time, scaled to APPLY_ENTRIES. */
const BASELINE_ENTRIES = 10_000;

type Batch = { transactions: ShippedTx[]; guests: number; stays: number };

/** Distinct seeded rowids in 1..max, `count` of them, never one already taken. */
export function distinctRowids(random: () => number, max: number, count: number, taken: Set<number>): number[] {
  if (taken.size + count > max * 0.9) throw new Error(`apply: ${count} more distinct rows of ${max} is too many`);
  const out: number[] = [];
  while (out.length < count) {
    const rowid = 1 + Math.floor(random() * max);
    if (taken.has(rowid)) continue;
    taken.add(rowid);
    out.push(rowid);
  }
  return out;
}

/** Makes batches of another PC's edits to rows of `db`, each batch on rows of its own. */
export function batchMaker(db: Database, size: number) {
  const random = seededRandom(SEED + 31);
  const guestRows = new Set<number>();
  const stayRows = new Set<number>();
  const stayCount = db.prepare('SELECT max(rowid) FROM stays').pluck().get() as number;
  const guestId = db.prepare('SELECT id FROM guests WHERE rowid = ?').pluck();
  const stayId = db.prepare('SELECT id FROM stays WHERE rowid = ?').pluck();
  // The version this PC holds for a field (its greatest (HLC, node) among the row's insert and the field's
  // entries): what the other PC, having synced, replaced.
  const version = db.prepare(
    `SELECT t.hlc, n.node FROM log_entry e JOIN log_tx t ON t.seq = e.id >> ${ENTRY_BITS} JOIN log_nodes n ON n.id = t.node
      WHERE e.tbl = ? AND e.row = ? AND e.col IN (0, ?) ORDER BY t.hlc DESC, n.node DESC LIMIT 1`,
  );
  const staff = db.prepare('SELECT id FROM staff ORDER BY created_at LIMIT 1').pluck().get() as string;
  const column = (table: SyncedTable, name: string) => {
    const spec = columnSpec(table, name);
    if (!spec) throw new Error(`${table}.${name} is not logged`);
    return { table: tableSpec(table).id, col: spec.id };
  };
  const guestNote = column('guests', 'note');
  const guestActivity = column('guests', 'last_activity_at');
  const stayNote = column('stays', 'note');
  const prev = (field: { table: number; col: number }, id: string) => {
    const found = version.get(field.table, encodeRowId(id), field.col) as { hlc: number; node: Buffer } | undefined;
    return found ? { hlc: found.hlc, node: bytesToUuid(found.node) } : null;
  };
  // Guests edited per batch: 10,000 (2 entries each) at 100,000 guests and more, the rest stay notes.
  const guestsPerBatch = Math.min(10_000, Math.floor(size / 10));
  let made = 0;

  return (node: string): Batch => {
    made++;
    const guests = distinctRowids(random, size, guestsPerBatch, guestRows).map((r) => guestId.get(r) as string);
    const stays = distinctRowids(random, stayCount, APPLY_ENTRIES - 2 * guestsPerBatch, stayRows).map(
      (r) => stayId.get(r) as string,
    );
    const now = Date.now();
    let stamp = makeStamp(now - 60_000, 0);
    const tx = (call: string, entries: ShippedTx['entries']): ShippedTx => ({
      node,
      hlc: stamp++,
      staff,
      call,
      schema: LATEST_VERSION,
      entries,
    });
    const transactions: ShippedTx[] = [];
    // Interleaved as the other PC's staff worked: a guest edited, then a few stays.
    const perGuest = stays.length / Math.max(1, guests.length);
    let s = 0;
    guests.forEach((id, i) => {
      transactions.push(
        tx('guests.update', [
          { ...guestNote, row: id, value: `別のPCで編集 ${made}-${i}`, prev: prev(guestNote, id) },
          { ...guestActivity, row: id, value: now - 60_000 + i, prev: prev(guestActivity, id) },
        ]),
      );
      for (; s < Math.round((i + 1) * perGuest); s++) {
        const stay = stays[s] as string;
        transactions.push(
          tx('stays.update', [{ ...stayNote, row: stay, value: `別のPCで ${made}-${s}`, prev: prev(stayNote, stay) }]),
        );
      }
    });
    for (; s < stays.length; s++) {
      const stay = stays[s] as string;
      transactions.push(
        tx('stays.update', [{ ...stayNote, row: stay, value: `別のPCで ${made}-${s}`, prev: prev(stayNote, stay) }]),
      );
    }
    return { transactions, guests: guests.length, stays: stays.length };
  };
}

const entriesOf = (batch: Batch) => batch.transactions.reduce((sum, tx) => sum + tx.entries.length, 0);

/**
 * Whether the register holds enough rows for every batch (the measured ones and the baseline's) to edit rows of
 * its own: a register of a few thousand guests (`--size 2000`) does not.
 */
function batchesFit(db: Database, size: number): { fit: boolean; stays: number; needed: number } {
  const stays = db.prepare('SELECT count(*) FROM stays').pluck().get() as number;
  const guestsPerBatch = Math.min(10_000, Math.floor(size / 10));
  const batches = APPLY_RUNS + 1;
  const needed = Math.ceil((batches * (APPLY_ENTRIES - 2 * guestsPerBatch)) / 0.9);
  return { fit: batches * guestsPerBatch <= size * 0.9 && needed <= stays, stays, needed };
}

/**
 * Applies batches of 100,000 remote field entries to the (scratch copy of the) bench database through
 * `core`, timed; the baseline applies one batch one transaction at a time. Checks what was applied.
 */
export function applyFigures(db: Database, core: Core, size: number, log: (line: string) => void): Figure[] {
  const room = batchesFit(db, size);
  if (!room.fit) {
    log(
      `  apply: not measured: ${APPLY_RUNS + 1} batches of ${APPLY_ENTRIES.toLocaleString('en')} edits, each to rows ` +
        `of its own, need about ${room.needed.toLocaleString('en')} stays; this register has ` +
        `${room.stays.toLocaleString('en')} (--size 100000 and up have enough)`,
    );
    return [];
  }
  const make = batchMaker(db, size);
  const note = db.prepare('SELECT note FROM guests WHERE id = ?').pluck();
  const check = (batch: Batch, label: string) => {
    const first = batch.transactions[0];
    const entry = first?.entries[0];
    if (entry && note.get(entry.row) !== entry.value) log(`  warning: ${label}: the first guest edit did not land`);
  };
  const samples: number[] = [];
  for (let run = 0; run < APPLY_RUNS; run++) {
    db.pragma('wal_checkpoint(TRUNCATE)'); // each run starts from an empty WAL, as after the idle checkpoint
    const built = performance.now();
    const batch = make(`7f000000-0000-7000-8000-00000000000${run + 1}`);
    const madeMs = performance.now() - built;
    const started = performance.now();
    const report = core.changes.apply(batch.transactions);
    const ms = performance.now() - started;
    samples.push(ms);
    if (report.applied !== batch.transactions.length || report.held.length > 0 || report.refused.length > 0) {
      log(
        `  warning: apply run ${run + 1}: ${JSON.stringify({ ...report, held: report.held.length, refused: report.refused.length })}`,
      );
    }
    check(batch, `apply run ${run + 1}`);
    log(
      `  apply run ${run + 1}: ${entriesOf(batch).toLocaleString('en')} field entries in ${batch.transactions.length.toLocaleString('en')} ` +
        `transactions (${batch.guests.toLocaleString('en')} guest edits, ${batch.stays.toLocaleString('en')} stay edits; ` +
        `built in ${(madeMs / 1000).toFixed(1)} s): applied in ${(ms / 1000).toFixed(2)} s`,
    );
  }
  // The baseline on a tenth of a batch (one call per transaction is ~30× slower: a whole batch would take
  // most of an hour), scaled to 100,000 entries.
  const batch = make('7f000000-0000-7000-8000-0000000000ff');
  db.pragma('wal_checkpoint(TRUNCATE)');
  // One SQLite transaction per remote transaction; SQLite's automatic checkpoint keeps the WAL bounded
  // (the core's own checkpoints wait for idle moments, which a loop never has).
  db.pragma('wal_autocheckpoint = 1000');
  const started = performance.now();
  let applied = 0;
  let entries = 0;
  for (const tx of batch.transactions) {
    if (entries >= BASELINE_ENTRIES) break;
    applied += core.changes.apply([tx]).applied;
    entries += tx.entries.length;
  }
  const sampleMs = performance.now() - started;
  const baselineMs = (sampleMs * APPLY_ENTRIES) / entries;
  db.pragma('wal_autocheckpoint = 0');
  if (applied === 0) log('  warning: the baseline applied nothing');
  check(batch, 'apply baseline');
  log(
    `  apply baseline, one transaction per apply call: ${entries.toLocaleString('en')} entries (${applied.toLocaleString('en')} ` +
      `transactions) in ${(sampleMs / 1000).toFixed(2)} s, ${(baselineMs / 1000).toFixed(1)} s for 100,000`,
  );
  return [
    {
      name: 'apply.batch_100k_fields',
      size,
      timing: summarize(samples),
      baseline: { runs: 1, p50: baselineMs, p95: baselineMs, p99: baselineMs },
    },
  ];
}
