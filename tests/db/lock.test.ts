import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseLocked, type LockHolder, lockDatabase, lockFileOf } from '../../db/lock.ts';
import { openLockedDatabase } from '../../db/open.ts';
import { databaseLockedMessage, systemLanguage } from '../../shared/i18n/lock-messages.ts';

// One process per database file (db/lock.ts): the lock names its holder, a dead holder's lock is taken over,
// a live one's (or one on another host) is refused. Across processes: tests/http/one-process.test.ts.

const roots: string[] = [];
afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function databaseFile(): string {
  const root = mkdtempSync(join(tmpdir(), 'yadocho-lock-'));
  roots.push(root);
  return join(root, 'yadocho.sqlite');
}

/** A pid that ran and is gone: a finished child's. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

function writeLock(file: string, holder: Partial<LockHolder>): void {
  const full = { pid: 1, host: 'here', door: 'serve', since: '2026-01-01T00:00:00.000Z', nonce: 'n', ...holder };
  writeFileSync(lockFileOf(file), JSON.stringify(full));
}

const opts = { releaseOnExit: false } as const;

describe('the database lock', () => {
  it('is a 0600 file naming this process, and is removed on release', () => {
    const file = databaseFile();
    const lock = lockDatabase(file, { ...opts, door: 'serve' });
    const written = JSON.parse(readFileSync(lockFileOf(file), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, door: 'serve' });
    if (process.platform !== 'win32') expect(statSync(lockFileOf(file)).mode & 0o777).toBe(0o600);
    lock.update({ address: 'http://127.0.0.1:4870' });
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ address: 'http://127.0.0.1:4870' });
    lock.release();
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('refuses a second holder while the first holds it, naming the first', () => {
    const file = databaseFile();
    const first = lockDatabase(file, { ...opts, door: 'desktop' });
    let refusal: unknown;
    try {
      lockDatabase(file, { ...opts, door: 'serve' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseLocked);
    expect((refusal as DatabaseLocked).holder).toMatchObject({ pid: process.pid, door: 'desktop' });
    first.release();
    lockDatabase(file, { ...opts, door: 'serve' }).release();
  });

  it('refuses a live process on this host, and any process on another host', () => {
    const file = databaseFile();
    writeLock(file, { pid: 4242, host: 'here' });
    expect(() => lockDatabase(file, { ...opts, door: 'serve', host: 'here', isRunning: () => true })).toThrow(
      DatabaseLocked,
    );
    writeLock(file, { pid: deadPid(), host: 'front-desk-pc' });
    try {
      lockDatabase(file, { ...opts, door: 'serve', host: 'here' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ foreignHost: true, holder: { host: 'front-desk-pc' } });
    }
  });

  it('takes over a lock whose process is gone, or that holds no readable holder', () => {
    const file = databaseFile();
    writeLock(file, { pid: deadPid(), host: 'here' });
    const lock = lockDatabase(file, { ...opts, door: 'serve', host: 'here' });
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    // Left by an earlier process that had this same pid (a restarted container): stale as well.
    writeLock(file, { pid: process.pid, host: 'here', nonce: 'earlier' });
    lockDatabase(file, { ...opts, door: 'serve', host: 'here' }).release();
    writeFileSync(lockFileOf(file), '{"pid":');
    const old = new Date(Date.now() - 60_000); // a half-written lock long abandoned, not one being written now
    utimesSync(lockFileOf(file), old, old);
    lockDatabase(file, { ...opts, door: 'serve', host: 'here' }).release();
  });

  it('leaves a lock that is no longer its own (taken over meanwhile) on release', () => {
    const file = databaseFile();
    const lock = lockDatabase(file, { ...opts, door: 'serve' });
    writeLock(file, { pid: 4242, nonce: 'someone-else' });
    lock.release();
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ nonce: 'someone-else' });
  });

  it('is removed when the holding process exits', () => {
    const file = databaseFile();
    const script = `import { lockDatabase } from ${JSON.stringify(join(import.meta.dirname, '../../db/lock.ts'))};
      lockDatabase(${JSON.stringify(file)}, { door: 'serve' }); process.exit(0);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script]);
    expect(child.status).toBe(0);
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('is taken before the file is opened, so a refused launcher opens nothing', () => {
    const file = databaseFile();
    const first = openLockedDatabase(file, { lock: { ...opts, door: 'desktop' } });
    expect(() => openLockedDatabase(file, { lock: { ...opts, door: 'serve' } })).toThrow(DatabaseLocked);
    first.db.close();
    first.lock.release();
  });
});

describe('the refusal message', () => {
  const facts = {
    holder: { pid: 4242, host: 'front', door: 'serve' as const, address: 'http://127.0.0.1:4870', since: '' },
    databaseFile: '/data/yadocho.sqlite',
    lockFile: '/data/yadocho.sqlite.lock',
    foreignHost: false,
  };

  it('names the holder in Japanese and in English', () => {
    expect(databaseLockedMessage(facts, 'ja')).toContain('npm run serve（http://127.0.0.1:4870）');
    expect(databaseLockedMessage(facts, 'ja')).toContain('プロセス 4242');
    expect(databaseLockedMessage(facts, 'en')).toContain('npm run serve at http://127.0.0.1:4870 (process 4242');
  });

  it('follows LC_ALL, LC_MESSAGES, LANG, then the Intl locale', () => {
    expect(systemLanguage({ LANG: 'ja_JP.UTF-8' }, 'en-US')).toBe('ja');
    expect(systemLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }, 'ja-JP')).toBe('en');
    expect(systemLanguage({ LANG: 'C.UTF-8' }, 'ja-JP')).toBe('ja');
    expect(systemLanguage({}, 'en-GB')).toBe('en');
  });
});
