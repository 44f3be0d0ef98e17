import type { Database } from 'better-sqlite3';
import { v5 as uuidv5 } from 'uuid';
import { encodeField, encodeRow, type Stored } from '../log/codec.ts';
import { columnSpec, TABLE_SPECS } from '../log/registry.ts';
import { createLogStore, encodeRowId, WHOLE_ROW } from '../log/store.ts';
import { SEEDED_ALLERGENS, seededAllergenId } from './0002-service.ts';
import type { Migration } from './migration.ts';

// The replayable log (see docs/data-model.md, "The change log"). Replaces change_log, which could not rebuild
// a row (updated_at and last_activity_at were never logged), had no transaction and no unique key, and cost
// about 343 bytes per field in 36-character ids. Its entries are converted, history kept; then every row
// gets one baseline insert carrying its current values, so that replaying the log into a new database
// rebuilds it exactly, including rows that were bulk-loaded without entries.
//
// Also: conflicts (what a merge broke, derived on each PC), conflict_decisions (staff's answers, synced),
// node_epochs (this file's node ids over its life), log_held (received transactions not applied yet), and
// request_log (answers to write calls by request id, so a retry does not record twice).

const SQL = `
  CREATE TABLE log_nodes (id INTEGER PRIMARY KEY, node BLOB NOT NULL UNIQUE) STRICT;
  CREATE TABLE log_staff (id INTEGER PRIMARY KEY, staff ANY NOT NULL UNIQUE) STRICT;
  CREATE TABLE log_calls (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;

  CREATE TABLE log_tx (
    seq INTEGER PRIMARY KEY,
    hlc INTEGER NOT NULL,
    node INTEGER NOT NULL REFERENCES log_nodes(id),
    staff INTEGER REFERENCES log_staff(id),
    call INTEGER REFERENCES log_calls(id),
    schema INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX log_tx_origin ON log_tx(node, hlc);

  CREATE TABLE log_entry (
    id INTEGER PRIMARY KEY,
    tbl INTEGER NOT NULL,
    row ANY NOT NULL,
    col INTEGER NOT NULL,
    value ANY,
    prev_hlc INTEGER,
    prev_node INTEGER,
    base ANY
  ) STRICT;
  CREATE INDEX log_entry_field ON log_entry(tbl, row, col);

  CREATE TABLE log_held (
    node BLOB NOT NULL,
    hlc INTEGER NOT NULL,
    reason TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    tx TEXT NOT NULL,
    PRIMARY KEY (node, hlc)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE node_epochs (
    node TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    reason TEXT NOT NULL
  ) STRICT;

  CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_a TEXT NOT NULL,
    row_b TEXT,
    field TEXT,
    detail TEXT NOT NULL
  ) STRICT;
  CREATE INDEX conflicts_a ON conflicts(row_a, kind, field);
  CREATE INDEX conflicts_b ON conflicts(row_b, kind) WHERE row_b IS NOT NULL;

  CREATE TABLE conflict_decisions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    choice TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    decided_by TEXT REFERENCES staff(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE request_log (
    id TEXT PRIMARY KEY,
    call TEXT NOT NULL,
    at INTEGER NOT NULL,
    result TEXT NOT NULL
  ) STRICT;
  CREATE INDEX request_log_at ON request_log(at);

  -- The allergy that supersedes another is found from its "supersedes" (superseded_by is derived from it).
  CREATE INDEX allergies_supersedes ON allergies(supersedes) WHERE supersedes IS NOT NULL;
`;

/** The namespace of baseline nodes: the node that stands for "what this PC held when the log began". */
const BASELINE_NAMESPACE = '6f1d3b8e-6a43-5c5e-9d0b-3b1e2a7c9f10';
const COUNTER_SPAN = 2048;

type OldEntry = {
  seq: number;
  hlc: string;
  node_id: string;
  staff_id: string | null;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
};

function oldStamp(hlc: string): number {
  const [wall, counter] = hlc.split(':').map(Number);
  return (wall ?? 0) * COUNTER_SPAN + Math.min(counter ?? 0, COUNTER_SPAN - 1);
}

function stored(value: unknown): Stored {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return (value ?? null) as Stored;
}

function msOf(iso: unknown): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : 0;
}

function convertOldLog(db: Database, log: ReturnType<typeof createLogStore>, schema: number) {
  const rows = db.prepare('SELECT * FROM change_log ORDER BY node_id, hlc, seq').iterate() as Iterable<OldEntry>;
  const lastStamp = new Map<string, number>();
  const lastVersion = new Map<string, [number, number]>();
  let current: { key: string; tx: number; position: number } | undefined;
  const converted: Array<() => void> = [];
  for (const entry of rows) {
    const column = TABLE_SPECS.find((spec) => spec.name === entry.tbl);
    const spec = column && columnSpec(column.name, entry.col);
    if (!column || !spec) continue; // bookkeeping or now-derived columns: not logged any more
    const key = `${entry.node_id}|${entry.hlc}`;
    converted.push(() => {
      if (current?.key !== key) {
        // One old stamp per writeRow call becomes one transaction; keep each node's stamps strictly rising.
        const stamp = Math.max(oldStamp(entry.hlc), (lastStamp.get(entry.node_id) ?? -1) + 1);
        lastStamp.set(entry.node_id, stamp);
        const tx = log.appendTx({
          hlc: stamp,
          node: log.nodeRef(entry.node_id),
          staff: log.staffRef(entry.staff_id),
          call: log.callRef('migration.history'),
          schema,
        });
        current = { key, tx, position: 0 };
      }
      const field = `${column.id}|${entry.row_id}|${spec.id}`;
      const prev = lastVersion.get(field) ?? null;
      const value = stored(entry.value === null ? null : JSON.parse(entry.value));
      log.appendEntry(current.tx, current.position++, {
        tbl: column.id,
        row: encodeRowId(entry.row_id),
        col: spec.id,
        value: encodeField(value),
        prevHlc: prev?.[0] ?? null,
        prevNode: prev?.[1] ?? null,
      });
      lastVersion.set(field, [lastStamp.get(entry.node_id) as number, log.nodeRef(entry.node_id)]);
    });
  }
  // Iterating and writing on one connection at once is not allowed: convert after reading.
  for (const step of converted) step();
}

/**
 * One insert per existing row, carrying its current values, on this PC's baseline node. It is stamped at the
 * row's last update (and after any converted entry of the row, so it wins over them); updated_at is then set
 * to what the log says, which it already was unless two rows shared a millisecond.
 */
function writeBaseline(db: Database, log: ReturnType<typeof createLogStore>, nodeId: string, schema: number) {
  const seeds = new Set(SEEDED_ALLERGENS.map((_, index) => seededAllergenId(index + 1)));
  const baselineNode = log.nodeRef(uuidv5(nodeId, BASELINE_NAMESPACE));
  const used = new Set<number>();
  const call = log.callRef('migration.baseline');
  // TABLE_SPECS is today's registry: a table a later migration makes does not exist yet at schema 4, and a
  // later column is not on the rows yet (its own migration's default fills it, as on any other PC).
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
  for (const spec of TABLE_SPECS) {
    if (!exists.get(spec.name)) continue;
    const rows = db.prepare(`SELECT * FROM ${spec.name}`).all() as Array<Record<string, unknown>>;
    const setUpdatedAt = db.prepare(`UPDATE ${spec.name} SET updated_at = ? WHERE id = ?`);
    for (const row of rows) {
      if (spec.name === 'allergens' && seeds.has(row.id as string)) continue; // every PC seeds these itself
      const rowId = encodeRowId(row.id as string);
      const latest = Math.max(-1, ...log.rowEntries(spec.id, rowId).map((entry) => entry.hlc));
      let stamp = Math.max(msOf(row.updated_at) * COUNTER_SPAN, latest + 1);
      while (used.has(stamp)) stamp += 1;
      used.add(stamp);
      const tx = log.appendTx({ hlc: stamp, node: baselineNode, staff: null, call, schema });
      const values = spec.columns
        .filter((column) => column.name in row)
        .map((column) => [column.id, stored(row[column.name])] as const);
      log.appendEntry(tx, 0, {
        tbl: spec.id,
        row: rowId,
        col: WHOLE_ROW,
        value: encodeRow(values),
        prevHlc: null,
        prevNode: null,
      });
      const updatedAt = new Date(Math.floor(stamp / COUNTER_SPAN)).toISOString();
      if (updatedAt !== row.updated_at) setUpdatedAt.run(updatedAt, row.id);
    }
  }
}

export const replayableLog: Migration = {
  version: 4,
  name: 'replayable log',
  sql: SQL,
  run(db) {
    const schema = 4;
    const log = createLogStore(db);
    const node = db.prepare("SELECT value FROM meta WHERE key = 'node_id'").pluck().get() as string | undefined;
    convertOldLog(db, log, schema);
    if (node) {
      writeBaseline(db, log, node, schema);
      db.prepare("INSERT INTO node_epochs (node, started_at, reason) VALUES (?, ?, 'before_log_4')").run(
        node,
        new Date().toISOString(),
      );
    }
    db.exec('DROP TABLE change_log');
  },
};
