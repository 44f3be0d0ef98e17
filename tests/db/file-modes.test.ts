import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open.ts';
import { preparePrivateDatabase } from '../../db/private-files.ts';

// Guests' personal data must not be readable by other accounts on the PC: the database folder is 0700, the
// database and the files SQLite keeps beside it 0600, including those left wider by an older version.

const roots: string[] = [];
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'yadocho-modes-'));
  roots.push(root);
  return root;
}

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(4, '0');
const modesOf = (file: string) => ({
  folder: modeOf(join(file, '..')),
  file: modeOf(file),
  wal: modeOf(`${file}-wal`),
  shm: modeOf(`${file}-shm`),
});
const PRIVATE = { folder: '0700', file: '0600', wal: '0600', shm: '0600' };

function write(db: Database.Database, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('probe', value);
}

describe.skipIf(process.platform === 'win32')('database file modes (POSIX)', () => {
  it('creates the folders 0700 and the database 0600, and SQLite gives its -wal and -shm the same mode', () => {
    const root = tempRoot();
    const file = join(root, 'Yadocho', 'data', 'yadocho.sqlite');
    const db = openDatabase(file);
    open.push(db);
    write(db, 'first');
    expect(modeOf(join(root, 'Yadocho'))).toBe('0700');
    expect(modesOf(file)).toEqual(PRIVATE);
    db.close();

    // The last connection to close removes -wal and -shm; SQLite makes them again with the file's mode.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = new Database(file);
    open.push(again);
    write(again, 'second');
    expect(modesOf(file)).toEqual(PRIVATE);
  });

  it('tightens a 0755 folder and a 0644 database, -wal and -shm left by an older version', () => {
    const folder = join(tempRoot(), 'Yadocho');
    mkdirSync(folder);
    const file = join(folder, 'yadocho.sqlite');
    // An older version, still running: its connection keeps the WAL and the shared-memory file in place.
    const older = new Database(file);
    open.push(older);
    older.pragma('journal_mode = WAL');
    migrate(older);
    write(older, 'before');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
    chmodSync(folder, 0o755);
    expect(modesOf(file)).toEqual({ folder: '0755', file: '0644', wal: '0644', shm: '0644' });

    const db = openDatabase(file);
    open.push(db);
    expect(modesOf(file)).toEqual(PRIVATE);
    write(db, 'after');
    expect(older.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: 'after' });
  });

  it('leaves an existing folder the user chose as it is, but not the database in it', () => {
    const folder = join(tempRoot(), 'Documents');
    mkdirSync(folder);
    chmodSync(folder, 0o755);
    const file = join(folder, 'inn.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const db = openDatabase(file, { ownFolder: false });
    open.push(db);
    write(db, 'x');
    expect(modesOf(file)).toEqual({ ...PRIVATE, folder: '0755' });
  });

  it('leaves a shared sticky folder such as /tmp as it is when a database is put straight in it', () => {
    const shared = join(tempRoot(), 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const file = join(shared, 'scratch.sqlite');
    const db = openDatabase(file);
    open.push(db);
    write(db, 'x');
    expect((statSync(shared).mode & 0o7777).toString(8)).toBe('1777');
    expect(modesOf(file)).toEqual({ ...PRIVATE, folder: '0777' });
  });

  it('never widens: a 0400 database stays 0400', () => {
    const folder = join(tempRoot(), 'Yadocho');
    mkdirSync(folder, { mode: 0o700 });
    const file = join(folder, 'yadocho.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    preparePrivateDatabase(file);
    expect(modeOf(file)).toBe('0400');
  });
});

describe('database file modes on Windows', () => {
  it('makes the folder and changes no mode', () => {
    const root = tempRoot();
    const folder = join(root, 'Yadocho');
    mkdirSync(folder);
    chmodSync(folder, 0o755);
    const file = join(folder, 'yadocho.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const before = { folder: modeOf(folder), file: modeOf(file) };
    expect(() => preparePrivateDatabase(file, { platform: 'win32' })).not.toThrow();
    expect({ folder: modeOf(folder), file: modeOf(file) }).toEqual(before);

    const fresh = join(root, 'new', 'yadocho.sqlite');
    preparePrivateDatabase(fresh, { platform: 'win32' });
    expect(existsSync(join(root, 'new'))).toBe(true);
    expect(existsSync(fresh)).toBe(false); // SQLite creates it; no chmod follows
  });
});
