import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';

// One process per database file. SQLite would let two processes share the file, but each core keeps state
// beside it that assumes it is the only writer (the HLC continues from its own last stamp, the node's
// high-water mark, idle checkpoints), and two apps on one register would each show a stale screen. So the
// desktop app and `npm run serve` take `<db>.lock` before opening the file: created exclusively, 0600, naming
// the process that holds it (pid, host, which door and its address, since when), so a refusal can say which
// program to use or close. A lock left by a process that is gone on this host (a crash, a kill -9) is taken
// over; one from another host (a file on a shared folder) cannot be checked and is never taken over.
// Tests and the bench open temporary files with openDatabase directly and take no lock.

export type LockDoor = 'desktop' | 'serve' | 'import';

/** Who holds the lock, as written in the lock file. */
export type LockHolder = {
  pid: number;
  host: string;
  door: LockDoor;
  /** The address `npm run serve` listens on, once it does. */
  address?: string;
  /** When the lock was taken (ISO). */
  since: string;
  /** Tells this holder's file from a later one with the same pid. */
  nonce: string;
};

export type DatabaseLock = {
  readonly file: string;
  /** Adds what becomes known after start (the server's address) to the lock file. */
  update(patch: Pick<LockHolder, 'address'>): void;
  /** Removes the lock file if it is still this process's. Safe to call more than once. */
  release(): void;
};

/** Opening the database was refused: another live process holds its lock. */
export class DatabaseLocked extends Error {
  readonly holder: LockHolder;
  readonly lockFile: string;
  /** The holder runs on another host, so whether it still runs cannot be checked from here. */
  readonly foreignHost: boolean;
  constructor(holder: LockHolder, lockFile: string, foreignHost: boolean) {
    super(`${lockFile} is held by pid ${holder.pid} on ${holder.host} (${holder.door})`);
    this.name = 'DatabaseLocked';
    this.holder = holder;
    this.lockFile = lockFile;
    this.foreignHost = foreignHost;
  }
}

export type LockOptions = {
  door: LockDoor;
  address?: string;
  /** For tests: whether a pid runs on this host, the host name, the time. */
  isRunning?: (pid: number) => boolean;
  host?: string;
  now?: () => Date;
  /** Remove the lock when the process exits (default true; tests that take several locks in one process say false). */
  releaseOnExit?: boolean;
};

export const lockFileOf = (databaseFile: string) => `${databaseFile}.lock`;

// Locks this process holds now. A lock file naming this pid is either one of these (a second open in this
// process: refused) or was left by an earlier process that had the same pid (common in containers): stale.
const heldHere = new Set<string>();

/** A lock file too young to hold its content yet may be one another process is writing this instant. */
const FRESH_MS = 2000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs, under another account). */
export function pidIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      door: parsed.door === 'serve' || parsed.door === 'import' ? parsed.door : 'desktop',
      since: typeof parsed.since === 'string' ? parsed.since : '',
      nonce: typeof parsed.nonce === 'string' ? parsed.nonce : '',
      ...(typeof parsed.address === 'string' ? { address: parsed.address } : {}),
    };
  } catch {
    // Unreadable or half-written (a crash between create and write): no holder can be named.
    return null;
  }
}

function createExclusive(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    if (process.platform !== 'win32') chmodSync(file, 0o600); // the umask may not have removed enough
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a dead holder's lock aside and checks that what was moved is that holder's: if another process took
 * over first and wrote its own lock in between, that lock is put back. True when the way is clear.
 */
function takeOver(file: string, dead: LockHolder | null): boolean {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // already gone
    throw error;
  }
  const moved = readHolder(aside);
  const same = dead === null ? moved === null : moved !== null && moved.nonce === dead.nonce && moved.pid === dead.pid;
  if (!same) {
    try {
      linkSync(aside, file); // put the live holder's lock back, unless yet another one is there now
    } catch {}
  }
  unlinkSync(aside);
  return same;
}

/**
 * Takes the lock of a database file, or throws DatabaseLocked naming the process that holds it. The folder
 * must exist (db/private-files.ts makes it).
 */
export function lockDatabase(databaseFile: string, options: LockOptions): DatabaseLock {
  const file = lockFileOf(databaseFile);
  const isRunning = options.isRunning ?? pidIsRunning;
  const host = options.host ?? hostname();
  const holder: LockHolder = {
    pid: process.pid,
    host,
    door: options.door,
    ...(options.address ? { address: options.address } : {}),
    since: (options.now?.() ?? new Date()).toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };

  // A bounded number of rounds: each creates the lock, is refused, clears a dead holder's lock or waits a
  // moment for a lock file being written.
  for (let round = 0; round < 20; round++) {
    if (createExclusive(file, holder)) return held(file, holder, options.releaseOnExit ?? true);
    const current = readHolder(file);
    if (current === null && ageMs(file) < FRESH_MS) {
      pause(100);
      continue;
    }
    const foreign = current !== null && current.host !== host;
    const alive =
      current !== null && (current.pid === process.pid ? heldHere.has(current.nonce) : isRunning(current.pid));
    if (current !== null && (foreign || alive)) throw new DatabaseLocked(current, file, foreign);
    takeOver(file, current);
  }
  throw new Error(`could not take ${file}: other processes keep taking it`);
}

function held(file: string, holder: LockHolder, releaseOnExit: boolean): DatabaseLock {
  let current = holder;
  let released = false;
  heldHere.add(holder.nonce);
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(holder.nonce);
    process.off('exit', release);
    // Only our own lock: if it was taken over meanwhile (we were thought dead), it is not ours to remove.
    if (readHolder(file)?.nonce !== holder.nonce) return;
    try {
      unlinkSync(file);
    } catch {}
  };
  if (releaseOnExit) process.on('exit', release);
  return {
    file,
    update(patch) {
      if (released) return;
      current = { ...current, ...patch };
      // Written to a temporary file and renamed over the lock, so a reader never sees half a file.
      const temporary = `${file}.${holder.nonce}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(current));
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    },
    release,
  };
}
