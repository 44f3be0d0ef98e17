import { closeSync, existsSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../db/migrations/index.ts';
import { LIVE_GUEST_COUNT } from '../guests/count.ts';

// What a backup file holds, read without changing it: whether it is a Yadocho register this version can open,
// whether SQLite's integrity check passes, and how many guests and stays it holds. Runs in a thread of its
// own (inspect-thread.ts): an integrity check reads every page, seconds on a large register, and the core's
// thread must keep answering meanwhile.

export type InspectTask = {
  file: string;
  /**
   * How the file is checked. `quick` (a backup before it takes its name): PRAGMA quick_check, which reads every
   * page and record (a torn or truncated copy, a broken B-tree, a bad record) but does not match each index
   * against its table, in a fraction of the time; the copy is SQLite's own page copy, so an index can only
   * disagree with its table if the source already did. `full` (a restore, before it replaces anything, once):
   * PRAGMA integrity_check. `none`: only whether it is a Yadocho register (listing the backups).
   */
  integrity: 'none' | 'quick' | 'full';
  /**
   * A backup just written: make it a single self-contained file first (rollback journal instead of WAL, the
   * register's own mode), so it opens read-only anywhere without -wal/-shm files beside it.
   */
  seal?: boolean;
};

export type Inspection =
  | { ok: true; counts: { guests: number; stays: number } }
  | { ok: false; reason: 'unreadable' | 'not_yadocho' | 'newer' | 'damaged'; detail?: string };

const LATEST = MIGRATIONS.at(-1)?.version ?? 0;
const TABLES = ['meta', 'guests', 'stays', 'log_tx', 'log_entry'];

/**
 * A copy of a WAL register carries the WAL mark in its header (bytes 18 and 19 are 2, SQLite's file format),
 * so opening it would make -wal and -shm files beside it, on a USB drive or a share that may not take shared
 * memory well. The copy has no WAL of its own: marking it a rollback-journal file (1 and 1) is what
 * `PRAGMA journal_mode = DELETE` would write, without opening it read-write. Then it is flushed to the disk.
 */
function seal(file: string): void {
  if (existsSync(`${file}-wal`)) {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return;
  }
  const fd = openSync(file, 'r+');
  try {
    const mark = Buffer.alloc(2);
    readSync(fd, mark, 0, 2, 18);
    if (mark[0] === 2 && mark[1] === 2) writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function inspectFile(task: InspectTask): Inspection {
  if (task.seal) seal(task.file);
  let db: Database.Database;
  try {
    db = new Database(task.file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: String(error) };
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    } catch (error) {
      // Not a database at all ("file is not a database"), or its first page is broken.
      return { ok: false, reason: 'not_yadocho', detail: String(error) };
    }
    if (!TABLES.every((table) => tables.has(table))) return { ok: false, reason: 'not_yadocho' };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST) return { ok: false, reason: 'newer' };
    const nodeId = db.prepare("SELECT value FROM meta WHERE key = 'node_id'").pluck().get();
    if (typeof nodeId !== 'string') return { ok: false, reason: 'not_yadocho' };
    if (task.integrity !== 'none') {
      const pragma = task.integrity === 'quick' ? 'quick_check' : 'integrity_check';
      const problems = db.prepare(`PRAGMA ${pragma}(20)`).pluck().all() as string[];
      if (problems.length !== 1 || problems[0] !== 'ok') {
        return { ok: false, reason: 'damaged', detail: problems.slice(0, 5).join('; ') };
      }
    }
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      ok: true,
      counts: {
        guests: count(LIVE_GUEST_COUNT),
        stays: count('SELECT count(*) FROM stays WHERE deleted_at IS NULL'),
      },
    };
  } catch (error) {
    // A page that cannot be read part way (a damaged file whose header survived).
    return { ok: false, reason: 'damaged', detail: String(error) };
  } finally {
    db.close();
  }
}
