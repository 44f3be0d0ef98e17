import type { Database } from 'better-sqlite3';
import { type ColumnSpec, TABLE_SPECS, type TableSpec, tableSpecById } from '../../../db/log/registry.ts';
import { WHOLE_ROW } from '../../../db/log/store.ts';
import { formsOf } from '../../../db/stored-form.ts';
import type { ShippedEntry } from './shipped.ts';

// Whether this PC's tables can take the values a remote transaction carries, judged entry by entry on its own,
// before anything is applied. A PC with a fault (or a newer version with other rules) may send a NULL where a
// column needs a value, text where a STRICT table needs a number, or phones that are no list. Judged on the
// merged row instead, the fault would surface on whichever transaction came to be applied with it (an
// innocent insert arriving after the faulty edit), and that one would be kept aside in its place.
//
// Only what SQLite itself would refuse (or the list merge could not read) is flagged: text in a TEXT column,
// a whole number in an INTEGER one, a number SQLite would turn into text, all pass.

type ColumnRule = { type: string; notNull: boolean; hasDefault: boolean; list: boolean; textOnly: boolean };

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fits(rule: ColumnRule, value: unknown): boolean {
  if (value === null) return !rule.notNull;
  // A column kept packed (an id, a time) holds the contract's text: a number there would read back as a time.
  if (rule.textOnly) return typeof value === 'string';
  if (rule.list) {
    if (typeof value !== 'string') return false;
    try {
      return Array.isArray(JSON.parse(value));
    } catch {
      return false;
    }
  }
  switch (rule.type) {
    case 'INTEGER':
    case 'INT':
      return typeof value === 'number' ? Number.isInteger(value) : INTEGER_TEXT.test(String(value));
    case 'REAL':
      return typeof value === 'number' || NUMBER_TEXT.test(String(value));
    default:
      return typeof value === 'string' || typeof value === 'number';
  }
}

export type StorageCheck = (entries: readonly ShippedEntry[]) => boolean;

/** Reads each synced table's column rules once; the check then says whether every entry's values fit. */
export function createStorageCheck(db: Database): StorageCheck {
  const rules = new Map<number, Map<number, ColumnRule>>();
  /** Per table, the logged columns an insert must carry: NOT NULL without a default. */
  const required = new Map<number, ColumnSpec[]>();
  for (const spec of TABLE_SPECS) {
    const info = db.pragma(`table_info(${spec.name})`) as Array<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
    }>;
    const byName = new Map(info.map((column) => [column.name, column]));
    const columns = new Map<number, ColumnRule>();
    for (const column of spec.columns) {
      const found = byName.get(column.name);
      if (!found) continue;
      columns.set(column.id, {
        type: found.type.toUpperCase(),
        notNull: found.notnull === 1,
        hasDefault: found.dflt_value !== null,
        list: column.list === true,
        textOnly: formsOf(spec.name)?.[column.name] !== undefined,
      });
    }
    rules.set(spec.id, columns);
    required.set(
      spec.id,
      spec.columns.filter((column) => {
        const rule = columns.get(column.id);
        return rule?.notNull && !rule.hasDefault;
      }),
    );
  }

  const insertFits = (spec: TableSpec, pairs: ReadonlyArray<[number, unknown]>) => {
    const columns = rules.get(spec.id);
    const given = new Set<number>();
    for (const [col, value] of pairs) {
      const rule = columns?.get(col);
      if (rule && !fits(rule, value)) return false;
      given.add(col);
    }
    return (required.get(spec.id) ?? []).every((column) => given.has(column.id));
  };

  return (entries) =>
    entries.every((entry) => {
      const spec = tableSpecById(entry.table);
      if (!spec) return true; // a table this version does not know: kept aside as unknown_schema before this
      if (entry.col === WHOLE_ROW) return insertFits(spec, entry.value as Array<[number, unknown]>);
      const rule = rules.get(spec.id)?.get(entry.col);
      return !rule || fits(rule, entry.value);
    });
}
