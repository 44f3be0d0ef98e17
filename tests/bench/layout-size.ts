import { copyFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

// `node tests/bench/layout-size.ts REGISTER [--keep]`: what a bench register would weigh in a denser layout
// (issue 9's 10 GB at 1,000,000 guests). On a copy of the file, every domain table is rewritten with its ids
// as their 16 bytes and its ISO timestamps as integer milliseconds, its indexes made again, and the file
// vacuumed; the register as built is vacuumed too, so the two differ only by the layout. The log, the search
// index and the clock tables are left as they are (the log already keeps ids and times packed, db/log/codec.ts).
// Prints both sizes, the largest parts, and how much of the log is inserted rows kept whole.
//
// A measurement, not a migration: the app reads nothing in this layout. The columns are told apart by their
// values (every value a canonical UUID, or every value an ISO time), in the first 2,000 rows of each table.

const { values, positionals } = parseArgs({
  options: { keep: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const source = positionals[0];
if (!source) throw new Error('usage: node tests/bench/layout-size.ts REGISTER [--keep]');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SAMPLE_ROWS = 2_000;
/** Left as they are: the log and its tables, the derived search index, SQLite's own. */
const UNTOUCHED = ["name LIKE 'sqlite_%'", "name LIKE 'log_%'", "name LIKE 'search_%'"];

type Kind = 'uuid' | 'iso' | 'keep';

function kindOf(values: unknown[]): Kind {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return 'keep';
  if (present.every((value) => typeof value === 'string' && UUID.test(value))) return 'uuid';
  if (present.every((value) => typeof value === 'string' && ISO_MS.test(value))) return 'iso';
  return 'keep';
}

/** The column's value in the denser layout (a value that does not fit the kind is kept as it is). */
function converted(column: string, kind: Kind): string {
  if (kind === 'uuid') return `CASE WHEN ${column} GLOB '*-*' THEN unhex(${column}, '-') ELSE ${column} END`;
  if (kind === 'iso')
    return `CASE WHEN ${column} GLOB '*T*Z' THEN CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER) ELSE ${column} END`;
  return column;
}

function densify(db: Database.Database) {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND NOT (${UNTOUCHED.join(' OR ')})`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = db.pragma(`table_info(${table})`) as Array<{ name: string; pk: number }>;
    const sample = db.prepare(`SELECT * FROM ${table} LIMIT ${SAMPLE_ROWS}`).all() as Array<Record<string, unknown>>;
    if (sample.length === 0) continue;
    const kinds = new Map(columns.map((column) => [column.name, kindOf(sample.map((row) => row[column.name]))]));
    const indexes = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
      .pluck()
      .all(table) as string[];
    const singleKey = columns.filter((column) => column.pk > 0).length === 1;
    const definition = columns
      .map((column) => `${column.name} ANY${singleKey && column.pk === 1 ? ' PRIMARY KEY' : ''}`)
      .join(', ');
    const select = columns.map((column) => converted(column.name, kinds.get(column.name) ?? 'keep')).join(', ');
    db.exec(`CREATE TABLE ${table}__dense (${definition});
      INSERT INTO ${table}__dense SELECT ${select} FROM ${table};
      DROP TABLE ${table};
      ALTER TABLE ${table}__dense RENAME TO ${table};`);
    for (const sql of indexes) db.exec(sql);
    const changed = [...kinds].filter(([, kind]) => kind !== 'keep').map(([name, kind]) => `${name} (${kind})`);
    console.log(`  ${table}: ${changed.join(', ') || 'nothing to pack'}`);
  }
}

function report(label: string, db: Database.Database) {
  db.exec('VACUUM');
  const total = db.prepare('SELECT sum(pgsize) FROM dbstat').pluck().get() as number;
  console.log(`${label}: ${(total / 1e9).toFixed(3)} GB`);
  const parts = db
    .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12')
    .all() as Array<{ name: string; bytes: number }>;
  for (const part of parts) console.log(`  ${part.name.padEnd(32)} ${(part.bytes / 1e6).toFixed(1)} MB`);
  return total;
}

const copies = { asBuilt: `${source}.layout-as-built`, dense: `${source}.layout-dense` };
for (const copy of Object.values(copies)) copyFileSync(source, copy);
try {
  const asBuilt = new Database(copies.asBuilt);
  asBuilt.pragma('journal_mode = OFF');
  const before = report('as built, vacuumed', asBuilt);
  const inserts = asBuilt
    .prepare('SELECT count(*) AS entries, sum(length(value)) AS bytes FROM log_entry WHERE col = 0')
    .get() as { entries: number; bytes: number | null };
  console.log(
    `  the log's inserted rows, kept whole: ${inserts.entries.toLocaleString('en')} entries, ` +
      `${((inserts.bytes ?? 0) / 1e6).toFixed(1)} MB of values`,
  );
  asBuilt.close();

  const dense = new Database(copies.dense);
  dense.pragma('journal_mode = OFF');
  dense.pragma('foreign_keys = OFF');
  console.log('ids as 16 bytes, times as integer milliseconds:');
  densify(dense);
  const after = report('denser layout, vacuumed', dense);
  dense.close();
  console.log(`the denser layout is ${((1 - after / before) * 100).toFixed(1)} % smaller`);
} finally {
  if (!values.keep) for (const copy of Object.values(copies)) rmSync(copy, { force: true });
}
