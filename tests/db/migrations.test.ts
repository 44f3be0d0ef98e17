import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, NewerDatabaseError } from '../../db/migrate.ts';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number };
type IndexInfo = { name: string; unique: number; origin: 'c' | 'u' | 'pk'; partial: number };
type IndexColumn = { name: string | null; desc: number; coll: string; key: number };
type ForeignKey = { id: number; table: string; from: string; to: string | null; on_update: string; on_delete: string };

/**
 * The schema as text, one line per fact, so a snapshot diff reads like a migration:
 *
 *   table stays STRICT
 *     stays.guest_id TEXT NOT NULL REFERENCES guests(id)
 *     index stays_arrival (arrival_date)
 *   table search_term STRICT WITHOUT ROWID PRIMARY KEY (term, rank, recency DESC, guest)
 *
 * Every column with its type, NOT NULL, DEFAULT, PRIMARY KEY and reference; every index with its columns
 * (order, collation), uniqueness and WHERE; unique constraints; any view or trigger by name.
 */
function describeSchema(db: Database.Database): string {
  const pragma = <T>(text: string) => db.pragma(text) as T[];
  const objects = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ type: string; name: string; tbl_name: string; sql: string | null }>;
  const lines: string[] = [];
  for (const table of objects.filter((o) => o.type === 'table')) {
    const name = table.name;
    const [info] = pragma<{ name: string; wr: number; strict: number }>(`table_list(${name})`);
    const columns = pragma<Column>(`table_xinfo(${name})`);
    const indexes = pragma<IndexInfo>(`index_list(${name})`);
    const keyOf = (index: string) =>
      pragma<IndexColumn>(`index_xinfo(${index})`)
        .filter((c) => c.key === 1)
        .map(
          (c) =>
            `${c.name ?? '<expression>'}${c.coll !== 'BINARY' ? ` COLLATE ${c.coll}` : ''}${c.desc ? ' DESC' : ''}`,
        )
        .join(', ');
    const pkIndex = indexes.find((i) => i.origin === 'pk');
    const pkColumns = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const pkKey = pkIndex ? keyOf(pkIndex.name) : pkColumns.map((c) => c.name).join(', ');
    const pkOnTable = pkColumns.length > 1 || pkKey.includes(' ');
    const references = new Map<string, string>();
    for (const fk of pragma<ForeignKey>(`foreign_key_list(${name})`)) {
      const actions = [
        fk.on_update !== 'NO ACTION' ? ` ON UPDATE ${fk.on_update}` : '',
        fk.on_delete !== 'NO ACTION' ? ` ON DELETE ${fk.on_delete}` : '',
      ].join('');
      references.set(fk.from, `${references.get(fk.from) ?? ''} REFERENCES ${fk.table}(${fk.to ?? ''})${actions}`);
    }

    lines.push(
      [
        `table ${name}`,
        info?.strict ? ' STRICT' : '',
        info?.wr ? ' WITHOUT ROWID' : '',
        pkOnTable ? ` PRIMARY KEY (${pkKey})` : '',
      ].join(''),
    );
    for (const c of columns) {
      lines.push(
        [
          `  ${name}.${c.name} ${c.type || 'ANY'}`,
          c.hidden === 2 || c.hidden === 3 ? ' GENERATED' : '',
          c.notnull ? ' NOT NULL' : '',
          c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : '',
          c.pk && !pkOnTable ? ' PRIMARY KEY' : '',
          references.get(c.name) ?? '',
        ].join(''),
      );
    }
    for (const index of [...indexes].sort((a, b) => a.name.localeCompare(b.name))) {
      if (index.origin === 'pk') continue;
      const sql = objects.find((o) => o.name === index.name)?.sql ?? '';
      const where = index.partial
        ? ` WHERE ${(/\bWHERE\b([\s\S]*)$/i.exec(sql)?.[1] ?? '').trim().replace(/\s+/g, ' ')}`
        : '';
      const kind = index.origin === 'u' ? 'unique' : `${index.unique ? 'unique index' : 'index'} ${index.name}`;
      lines.push(`  ${kind} (${keyOf(index.name)})${where}`);
    }
  }
  for (const other of objects.filter((o) => o.type !== 'table' && o.type !== 'index')) {
    lines.push(`${other.type} ${other.name} ON ${other.tbl_name}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('migrations', () => {
  it('build the whole schema from an empty database, in WAL mode', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-db-')), 'y.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Every table, column, index and reference: a rename or a type change fails here, so a change to the schema
    // is a deliberate, additive migration. After adding one, regenerate with `npx vitest run -u` and read the diff.
    await expect(describeSchema(db)).toMatchFileSnapshot('__snapshots__/schema.txt');
    db.close();
  });

  it('are idempotent: opening an up-to-date database again changes nothing and keeps the data', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-db-')), 'y.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    const before = describeSchema(first);
    first.close();
    const second = openDatabase(file);
    expect(describeSchema(second)).toEqual(before);
    expect(second.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'kept' });
    second.close();
  });

  it('bring a database of the previous release (schema 1, guests only) up to date, keeping its guests', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-db-')), 'y.sqlite');
    const old = new Database(file);
    const [first] = MIGRATIONS;
    old.exec(first?.sql ?? '');
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO guests (id, family_name, family_reading, created_at, updated_at, last_activity_at)
         VALUES ('0190a000-0000-7000-8000-000000000001', '山田', 'やまだ', '2025-01-01', '2025-01-01', 1)`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT family_name FROM guests').all()).toEqual([{ family_name: '山田' }]);
    const classes = db.prepare('SELECT legal_class, count(*) AS n FROM allergens GROUP BY legal_class').all();
    expect(classes).toEqual([
      { legal_class: 'mandatory', n: 8 },
      { legal_class: 'recommended', n: 20 },
    ]);
    db.close();
  });

  it('are snapshotted closely enough that a renamed column, a new type, default or index column shows', () => {
    const described = (sql: string) => {
      const db = new Database(':memory:');
      db.exec(sql);
      const text = describeSchema(db);
      db.close();
      return text;
    };
    const base =
      "CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT NOT NULL DEFAULT '', b INTEGER); CREATE INDEX t_a ON t(a);";
    expect(described(base)).toBe(
      [
        'table t',
        '  t.id TEXT PRIMARY KEY',
        "  t.a TEXT NOT NULL DEFAULT ''",
        '  t.b INTEGER',
        '  index t_a (a)',
        '',
      ].join('\n'),
    );
    const variants = [
      base.replace('b INTEGER', 'c INTEGER'),
      base.replace('b INTEGER', 'b TEXT'),
      base.replace("DEFAULT ''", "DEFAULT 'x'"),
      base.replace('NOT NULL ', ''),
      base.replace('ON t(a)', 'ON t(a, b)'),
      base.replace('ON t(a)', 'ON t(a DESC)'),
      base.replace('ON t(a)', 'ON t(a) WHERE b > 0'),
      base.replace('id TEXT PRIMARY KEY', 'id TEXT'),
      base.replace('b INTEGER', 'b INTEGER REFERENCES t(id)'),
    ];
    for (const variant of variants) expect(described(variant)).not.toBe(described(base));
  });

  it('refuse a database written by a newer version rather than damage it', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(NewerDatabaseError);
  });
});
