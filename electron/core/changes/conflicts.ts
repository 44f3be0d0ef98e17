import type { Database } from 'better-sqlite3';
import { v5 as uuidv5 } from 'uuid';
import { columnSpec, tableSpec } from '../../../db/log/registry.ts';
import { encodeRowId, type LoggedEntry, type LogStore } from '../../../db/log/store.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import { compareVersions, type FieldVersion, versionsOf } from './merge.ts';
import type { Touched } from './rows.ts';

// What per-field merging cannot keep true by itself becomes a recorded conflict for staff to resolve; it is
// never undone behind their backs. After every local write and every apply, the checks run again on the rows
// the transaction touched and the conflicts table is brought in line.
//
// A conflict is a pure function of the synced rows and the log: two PCs holding the same data hold the same
// conflicts, with the same ids (derived from what the conflict is about). A staff member's answer is a
// conflict_decisions row with the conflict's id, synced like any record; a decided conflict is not listed.

const CONFLICT_NAMESPACE = '2b0c5d1e-8f3a-5b7c-9d2e-4a6b8c0d1e2f';

export function conflictId(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, CONFLICT_NAMESPACE);
}

export type ConflictFound = {
  /** What the conflict is about, stable across PCs: the conflict's id is derived from kind and key. */
  key: string;
  table: string;
  rowA: string;
  rowB?: string | null;
  field?: string | null;
  detail: unknown;
};

export type InvariantCheck = {
  kind: string;
  /** For a touched row of one of these tables: the subjects to check again. */
  subjects: Partial<Record<SyncedTable, (id: string) => string[]>>;
  /**
   * The columns the check reads, per table: a row whose written columns are known (Touched.fields) and are
   * none of these cannot change the outcome. A batch of 80,000 stay notes from another PC then checks no dates.
   */
  columns?: Partial<Record<SyncedTable, readonly string[]>>;
  /** Every conflict of this kind that involves the subject (as row_a or row_b). */
  check(subject: string): ConflictFound[];
};

/**
 * Columns whose concurrent values are not a disagreement: when each PC made the row, and bookkeeping the write
 * path sets itself at every edit (a guest's last activity; changes/write.ts passes over it too). Lists merge.
 * A PIN's hash is a secret: two PINs set apart resolve by the later write, as any field does, but are never
 * shown as a conflict, whose panel (conflicts.list) would put both hashes before the desk to guess offline.
 */
const NOT_EDITS = new Set(['created_at', 'last_activity_at', 'pin_hash']);

/** From this many rows edited in one transaction, the rows holding a concurrent-edit conflict are read at once. */
export const MANY_ROWS_EDITED = 1_000;
/** …as long as there are at most this many of them (see fieldConflictLookup). */
const FIELD_CONFLICT_ROWS_READ = 10_000;

export function createConflicts(db: Database, log: LogStore) {
  const checks: InvariantCheck[] = [];
  const existing = db.prepare('SELECT id FROM conflicts WHERE kind = ? AND (row_a = ? OR row_b = ?)').pluck();
  const existingField = db
    .prepare("SELECT id FROM conflicts WHERE kind = 'field_edit' AND row_a = ? AND field = ?")
    .pluck();
  const decided = db.prepare('SELECT 1 FROM conflict_decisions WHERE id = ?').pluck();
  const remove = db.prepare('DELETE FROM conflicts WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO conflicts (id, kind, tbl, row_a, row_b, field, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET tbl = excluded.tbl, row_a = excluded.row_a, row_b = excluded.row_b,
       field = excluded.field, detail = excluded.detail`,
  );
  const current = db.prepare('SELECT detail FROM conflicts WHERE id = ?').pluck();
  const hasFieldConflicts = db
    .prepare("SELECT 1 FROM conflicts WHERE row_a = ? AND kind = 'field_edit' LIMIT 1")
    .pluck();
  const rowsWithFieldConflicts = db
    .prepare(`SELECT DISTINCT row_a FROM conflicts WHERE kind = 'field_edit' LIMIT ${FIELD_CONFLICT_ROWS_READ + 1}`)
    .pluck();
  /**
   * Whether a row holds a concurrent-edit conflict, asked for every row a transaction edited. A batch from
   * another PC edits tens of thousands of rows, and the rows with such a conflict are few: read them once.
   */
  const fieldConflictLookup = (rowsEdited: number): ((id: string) => boolean) => {
    if (rowsEdited >= MANY_ROWS_EDITED) {
      const rows = rowsWithFieldConflicts.all() as string[];
      if (rows.length <= FIELD_CONFLICT_ROWS_READ) {
        const set = new Set(rows);
        return (id) => set.has(id);
      }
    }
    return (id) => hasFieldConflicts.get(id) !== undefined;
  };

  /** Replaces the conflicts in one scope with the ones found; says whether anything changed. */
  const replace = (kind: string, before: string[], found: ConflictFound[]): boolean => {
    let changed = false;
    const keep = new Set<string>();
    for (const conflict of found) {
      const id = conflictId(kind, conflict.key);
      if (decided.get(id)) continue;
      keep.add(id);
      const detail = JSON.stringify(conflict.detail);
      if (current.get(id) === detail) continue;
      upsert.run(id, kind, conflict.table, conflict.rowA, conflict.rowB ?? null, conflict.field ?? null, detail);
      changed = true;
    }
    for (const id of before) {
      if (keep.has(id)) continue;
      remove.run(id);
      changed = true;
    }
    return changed;
  };

  const fieldEdits = (
    table: SyncedTable,
    id: string,
    columnName: string,
    entries: readonly LoggedEntry[],
  ): ConflictFound[] => {
    const column = columnSpec(table, columnName);
    if (!column || column.list || NOT_EDITS.has(columnName)) return [];
    const versions = versionsOf(entries, column, log.nodeOf);
    if (versions.length < 2) return [];
    const top = versions.at(-1) as FieldVersion;
    const replaced = new Set(versions.filter((v) => v.prevHlc !== null).map((v) => `${v.prevHlc}|${v.prevNode}`));
    const side = (v: FieldVersion) => ({ value: v.value, hlc: v.hlc, node: v.node, staff: log.staffOf(v.staff) });
    return versions
      .filter((v) => v !== top && !replaced.has(`${v.hlc}|${v.node}`) && v.value !== top.value)
      .sort(compareVersions)
      .map((leaf) => ({
        key: `${table}:${id}:${columnName}:${leaf.hlc}:${leaf.node}`,
        table,
        rowA: id,
        field: columnName,
        detail: { column: columnName, kept: side(top), other: side(leaf) },
      }));
  };

  return {
    register(check: InvariantCheck) {
      checks.push(check);
    },
    /** Brings the conflicts in line with what a transaction touched. Says whether any conflict changed. */
    afterTransaction(touched: Touched): boolean {
      let changed = false;
      for (const id of touched.rows.get('conflict_decisions') ?? []) {
        if (remove.run(id).changes > 0) changed = true;
      }
      for (const check of checks) {
        const subjects = new Set<string>();
        for (const [table, subjectsOf] of Object.entries(check.subjects)) {
          const read = check.columns?.[table as SyncedTable];
          for (const id of touched.rows.get(table as SyncedTable) ?? []) {
            // A row touched without its columns known (a derived column moved it), or inserted by this
            // transaction, is checked all the same.
            const key = `${table}|${id}`;
            const written = read && !touched.wholly.has(key) && touched.fields.get(key)?.columns;
            if (written && !read.some((column) => written.has(column))) continue;
            for (const subject of (subjectsOf as (id: string) => string[])(id)) subjects.add(subject);
          }
        }
        for (const subject of subjects) {
          const before = existing.all(check.kind, subject, subject) as string[];
          if (replace(check.kind, before, check.check(subject))) changed = true;
        }
      }
      const hasFieldConflict = fieldConflictLookup(touched.fields.size);
      for (const { table, id, columns } of touched.fields.values()) {
        // One read of the row's entries for all its columns; a row with a single entry has nothing concurrent.
        const entries = touched.entries.get(`${table}|${id}`) ?? log.rowEntries(tableSpec(table).id, encodeRowId(id));
        const found = entries.length < 2 ? [] : [...columns].map((column) => fieldEdits(table, id, column, entries));
        // Nearly always nothing is concurrent and nothing was: then there is nothing to compare, row by row.
        if (found.every((leaves) => leaves.length === 0) && !hasFieldConflict(id)) continue;
        [...columns].forEach((column, i) => {
          const before = existingField.all(id, column) as string[];
          if (replace('field_edit', before, found[i] ?? [])) changed = true;
        });
      }
      return changed;
    },
  };
}

export type Conflicts = ReturnType<typeof createConflicts>;
