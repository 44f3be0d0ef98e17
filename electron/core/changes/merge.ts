import { decodeField, decodeRow, type Stored } from '../../../db/log/codec.ts';
import type { ColumnSpec } from '../../../db/log/registry.ts';
import { type LoggedEntry, WHOLE_ROW } from '../../../db/log/store.ts';

// The merge rule, as a pure function of the entries a PC holds for one field, so every PC that holds the
// same entries computes the same value whatever order they arrived in:
// - an ordinary column takes the value of its greatest version, (HLC stamp, node id) compared in that order;
//   the node id breaks ties between two PCs that wrote in the same millisecond and counter;
// - a list column folds every entry's own change (what it added to and removed from the value it replaced)
//   in version order, so an addition made on one PC survives a concurrent edit on another.

/** One entry's say about one column: its version, its value, and the version it replaced. */
export type FieldVersion = {
  hlc: number;
  node: string;
  value: Stored;
  prevHlc: number | null;
  prevNode: string | null;
  /** List columns: the list the writer saw, when it differs from the replaced version's value. */
  base: Stored | null;
  /** Local sequence of the entry's transaction (arrival order here): what "changed since" compares. */
  tx: number;
  staff: number | null;
};

export function compareVersions(a: { hlc: number; node: string }, b: { hlc: number; node: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/**
 * The versions of one column among a row's entries (the column's own entries and the row's inserts).
 * `nodeOf` turns the log's local node numbers into node ids, which is what ties are broken by.
 */
export function versionsOf(
  entries: readonly LoggedEntry[],
  column: ColumnSpec,
  nodeOf: (ref: number) => string,
  decodeInsert: (entry: LoggedEntry) => ReadonlyMap<number, Stored> = decodedRow,
): FieldVersion[] {
  const versions: FieldVersion[] = [];
  for (const entry of entries) {
    let value: Stored;
    if (entry.col === WHOLE_ROW) {
      const row = decodeInsert(entry);
      if (!row.has(column.id)) continue;
      value = row.get(column.id) as Stored;
    } else if (entry.col === column.id) {
      value = decodeField(entry.value);
    } else continue;
    versions.push({
      hlc: entry.hlc,
      node: nodeOf(entry.node),
      value,
      prevHlc: entry.prevHlc,
      prevNode: entry.prevNode === null ? null : nodeOf(entry.prevNode),
      base: entry.col === WHOLE_ROW || entry.base === null ? null : decodeField(entry.base),
      tx: entry.tx,
      staff: entry.staff,
    });
  }
  return versions.sort(compareVersions);
}

/**
 * An insert's columns, decoded once and kept on the entry (an object of one read or apply). A WeakMap keyed by
 * the entry kept them before; memos in WeakMaps keyed by short-lived objects kept much of what a read allocated
 * alive through V8's young-generation collections (see warnings.ts and docs/performance.md).
 */
export function decodedRow(entry: LoggedEntry): ReadonlyMap<number, Stored> {
  entry.columns ??= new Map(decodeRow(entry.value as Buffer));
  return entry.columns;
}

/** The winning version (the greatest), or undefined when no entry sets the column. */
export function winner(versions: readonly FieldVersion[]): FieldVersion | undefined {
  return versions.at(-1);
}

function parseList(value: Stored): unknown[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

const keyOf = (item: unknown) => JSON.stringify(item);

/**
 * The merged value of a list column. Each entry, in version order, applies its own change to the result so
 * far: the items it added (in its value, not in the value it replaced) join, the items it removed leave, and
 * items it did not know about (added concurrently elsewhere) stay. For a sequence of edits where each
 * replaced the one before, the result is simply the last value.
 */
export function mergeList(versions: readonly FieldVersion[]): Stored {
  const byVersion = new Map(versions.map((version) => [`${version.hlc}|${version.node}`, version]));
  let state: unknown[] = [];
  for (const version of versions) {
    // What the writer saw: the merged list it replaced, kept with the entry when it was not simply the
    // replaced version's own value (a merge of concurrent edits had happened there).
    const replaced =
      version.prevHlc === null ? undefined : byVersion.get(`${version.prevHlc}|${version.prevNode ?? ''}`);
    const base = version.base !== null ? version.base : replaced?.value;
    const baseKeys = new Set(base !== undefined ? parseList(base).map(keyOf) : []);
    const items = parseList(version.value);
    const itemKeys = new Set(items.map(keyOf));
    const stateKeys = new Set(state.map(keyOf));
    const next = items.filter((item) => stateKeys.has(keyOf(item)) || !baseKeys.has(keyOf(item)));
    const nextKeys = new Set(next.map(keyOf));
    for (const item of state) {
      const key = keyOf(item);
      if (!itemKeys.has(key) && !baseKeys.has(key) && !nextKeys.has(key)) {
        next.push(item);
        nextKeys.add(key);
      }
    }
    state = next;
  }
  const last = versions.at(-1);
  // Keep the stored text as written when nothing concurrent happened (the same JSON spacing and order).
  if (last && JSON.stringify(parseList(last.value)) === JSON.stringify(state)) return last.value;
  return JSON.stringify(state);
}

/** The column's value as the merge rule says, or undefined when no entry sets it. */
export function mergedValue(column: ColumnSpec, versions: readonly FieldVersion[]): Stored | undefined {
  if (versions.length === 0) return undefined;
  return column.list ? mergeList(versions) : (winner(versions) as FieldVersion).value;
}
