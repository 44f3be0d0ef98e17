import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../db/schema.ts';
import { checkFile, checkSyncedWrites, findWrites, formatViolation } from './synced-writes.ts';

let root = '';

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

function write(rel: string, lines: string[]): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('synced-table writes', () => {
  it('reports exactly the direct writes to synced tables outside the write path', () => {
    root = mkdtempSync(path.join(tmpdir(), 'yadocho-synced-writes-'));
    write('electron/core/demo/bad.ts', [
      "import { sql } from '../../../db/query.ts';",
      "db.prepare('INSERT INTO guests (id, family_name) VALUES (?, ?)').run(id, name);",
      'ctx.run.run(sql.updateTable("stays").set({ note }).where("id", "=", id));',
      'db.exec(`',
      '  delete from follow_ups',
      '  WHERE banquet_id = ?`);',
      'db.prepare(`UPDATE ${table} SET note = ?`).run(note);',
    ]);
    write('electron/core/guests/clean.ts', [
      '// INSERT INTO guests (id) VALUES (?) is only a comment, and so is sql.deleteFrom("guests")',
      '/* UPDATE guests SET note = ? */',
      "const label = 'Update guests in bulk';",
      "const question = 'Delete from stays? The record stays.';",
      "const hint = 'insert into the stays list';",
      "db.prepare('SELECT id FROM guests WHERE id = ?').get(id);",
      "db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?').run();",
      "db.prepare('DELETE FROM search_term WHERE guest = ?').run(rowid);",
      "ctx.run.run(sql.deleteFrom('meta').where('key', '=', 'x'));",
      "const pattern = /'INSERT INTO guests (/;",
      "const insertInto = (table: string) => `-- ${table}`; insertInto('guests');",
      '',
    ]);
    write('renderer/guests/Note.tsx', [
      'export const Note = () => <p title="Update guests in bulk">Delete from stays where it ends</p>;',
      "const sqlText = 'UPDATE guests SET note = ? WHERE id = ?';",
    ]);
    write('electron/core/changes/write.ts', ['db.prepare(`INSERT INTO ${table} (id) VALUES (?)`);']);
    write('electron/core/changes/apply.ts', ["db.prepare('UPDATE guests SET note = ? WHERE id = ?');"]);
    write('db/migrations/0009-seed.ts', ["export const sql = 'INSERT INTO allergens (id) VALUES (1);';"]);
    write('tests/fixtures.ts', ["db.prepare('INSERT INTO guests (id) VALUES (?)');"]);

    expect(checkSyncedWrites(root).map(formatViolation)).toEqual([
      'electron/core/demo/bad.ts:2: writes the synced table guests directly (`INSERT INTO guests`): go through the write path (session.writeRow in electron/core/changes/write.ts)',
      "electron/core/demo/bad.ts:3: writes the synced table stays directly (`updateTable('stays')`): go through the write path (session.writeRow in electron/core/changes/write.ts)",
      'electron/core/demo/bad.ts:5: writes the synced table follow_ups directly (`delete from follow_ups`): go through the write path (session.writeRow in electron/core/changes/write.ts)',
      'electron/core/demo/bad.ts:7: writes a table named at run time (`UPDATE ${…}`), which may be synced: go through the write path (session.writeRow in electron/core/changes/write.ts)',
      'renderer/guests/Note.tsx:2: writes the synced table guests directly (`UPDATE guests`): go through the write path (session.writeRow in electron/core/changes/write.ts)',
    ]);
  });

  it('reads the synced tables from db/schema.ts', () => {
    const writes = (table: string) => checkFile('electron/core/x.ts', `db.prepare('DELETE FROM ${table} WHERE 1');`);
    for (const table of SYNCED_TABLES) expect(writes(table)).toHaveLength(1);
    expect(writes('meta')).toEqual([]);
    expect(writes('search_term')).toEqual([]);
    expect(writes('change_log')).toEqual([]);
  });

  it('finds every SQL form, any case, quoted or qualified names, and SQL inside nested templates', () => {
    const src = [
      'a(\'INSERT OR REPLACE INTO "Guests" (id) VALUES (?)\');',
      "b('REPLACE INTO [stays] (id) VALUES (?)');",
      "c('update or ignore main.served set note = ? where id = ?');",
      'd(`UPDATE guests SET ${cols.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`);',
      'e(`SELECT 1 ${soft ? `; DELETE FROM halls WHERE id = ?` : ""}`);',
      "f('INSERT INTO courses SELECT * FROM old_courses');",
      "g('WITH x AS (SELECT 1) INSERT INTO dishes DEFAULT VALUES');",
      'h(`INSERT INTO stays_${suffix} (id) VALUES (?)`);',
    ].join('\n');
    expect(findWrites(src).map((w) => `${w.line} ${w.table}`)).toEqual([
      '1 guests',
      '2 stays',
      '3 served',
      '4 guests',
      '5 halls',
      '6 courses',
      '7 dishes',
      '8 null',
    ]);
  });

  it('finds Kysely builder writes, aliased, listed or named at run time', () => {
    const src = [
      "sql.insertInto('allergies').values(row);",
      "sql\n  .replaceInto('requests as r')\n  .values(row);",
      "sql.deleteFrom(['guest_links', 'meta']);",
      'sql.mergeInto(`banquets`);',
      'sql.updateTable(table).set(values);',
      "sql.selectFrom('guests').selectAll();",
      "other.deleteFromCache('guests');",
    ].join('\n');
    expect(findWrites(src).map((w) => `${w.line} ${w.table}`)).toEqual([
      '1 allergies',
      '3 requests',
      '5 guest_links',
      '5 meta',
      '6 banquets',
      '7 null',
    ]);
  });

  it('lets a temporary exception cover its file and table, and reports it once it covers nothing', () => {
    root = mkdtempSync(path.join(tmpdir(), 'yadocho-synced-writes-'));
    write('electron/core/demo/seed.ts', ["db.prepare('INSERT INTO dishes (id) VALUES (?)');"]);
    write('electron/core/demo/other.ts', ["db.prepare('INSERT INTO courses (id) VALUES (?)');"]);
    const allowed = [
      { file: 'electron/core/demo/seed.ts', table: 'dishes' },
      { file: 'electron/core/demo/gone.ts', table: 'halls' },
    ];
    expect(checkSyncedWrites(root, { allowed }).map((v) => `${v.file}:${v.line}`)).toEqual([
      'electron/core/demo/gone.ts:0',
      'electron/core/demo/other.ts:1',
    ]);
  });
});
