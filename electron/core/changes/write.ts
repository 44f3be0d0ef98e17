import type { Database } from 'better-sqlite3';
import type { Runner } from '../../../db/query.ts';
import { SYNCED_TABLES, type SyncedTable } from '../../../db/schema.ts';
import { type Hlc, hlcTime } from './hlc.ts';

// The one write path. Every insert or update of a synced table goes through writeRow, which in the
// caller's transaction writes the row and appends one change-log entry per changed field (table, row,
// column, new value, HLC, origin node, staff member). That log is the per-field history, the audit
// trail and what LAN sync ships. Nothing is physically deleted: a delete is a deleted_at tombstone.

export type Row = Record<string, unknown> & { id: string };

/** Runs after a row is written, inside the same transaction: keeps derived data (the search index) in step. */
export type RowHook = (before: (Row & { rowid: number }) | undefined, after: Row & { rowid: number }) => void;

export type WriteSession = {
  /** Insert or update one row. Returns the columns that changed (empty when nothing did). */
  writeRow(table: SyncedTable, id: string, values: Record<string, unknown>): string[];
  now(): string;
};

export type WritePath = {
  /** Runs `work` in one transaction as `staffId`; returns its result and the tables it changed. */
  transact<T>(staffId: string | null, work: (session: WriteSession) => T): { result: T; tables: string[] };
  onRowWritten(table: SyncedTable, hook: RowHook): void;
};

// Bookkeeping columns: they follow from the log (the time of a row's last entry, its last activity),
// so they are written to the row but not logged, and a write that changes only them changes nothing.
const BOOKKEEPING = new Set(['updated_at', 'last_activity_at']);

/** SQLite stores booleans as 0/1; the log keeps the stored value so replaying it rebuilds the row exactly. */
function storable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
}

export function createWritePath(
  db: Database,
  runner: Runner,
  hlc: Hlc,
  nodeId: string,
  clock: () => number,
): WritePath {
  const columns = new Map<SyncedTable, Set<string>>();
  for (const table of SYNCED_TABLES) {
    const info = db.pragma(`table_info(${table})`) as Array<{ name: string }>;
    columns.set(table, new Set(info.map((column) => column.name)));
  }
  const hooks = new Map<SyncedTable, RowHook[]>();
  const select = new Map(SYNCED_TABLES.map((t) => [t, db.prepare(`SELECT rowid, * FROM ${t} WHERE id = ?`)]));
  const appendLog = db.prepare(
    'INSERT INTO change_log (hlc, node_id, staff_id, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const transact = <T>(staffId: string | null, work: (session: WriteSession) => T) => {
    const tables = new Set<string>();
    const session: WriteSession = {
      now: () => new Date(clock()).toISOString(),
      writeRow(table, id, values) {
        const known = columns.get(table);
        for (const column of Object.keys(values)) {
          if (!known?.has(column) || column === 'id') throw new Error(`writeRow: no column ${table}.${column}`);
        }
        const before = select.get(table)?.get(id) as (Row & { rowid: number }) | undefined;
        const changed = Object.keys(values).filter((column) => !before || before[column] !== storable(values[column]));
        const logged = changed.filter((column) => !BOOKKEEPING.has(column));
        if (before && logged.length === 0) return [];
        const stamp = hlcTime(hlc.now());
        if (!before) {
          const names = Object.keys(values);
          runner
            .prepare(`INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`)
            .run(id, ...names.map((name) => storable(values[name])));
        } else {
          runner
            .prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
            .run(...changed.map((name) => storable(values[name])), id);
        }
        for (const column of logged) {
          appendLog.run(stamp, nodeId, staffId, table, id, column, JSON.stringify(storable(values[column])));
        }
        const after = select.get(table)?.get(id) as Row & { rowid: number };
        for (const hook of hooks.get(table) ?? []) hook(before, after);
        tables.add(table);
        return logged;
      },
    };
    const result = db.transaction(() => work(session))();
    return { result, tables: [...tables] };
  };

  return {
    transact,
    onRowWritten(table, hook) {
      hooks.set(table, [...(hooks.get(table) ?? []), hook]);
    },
  };
}
