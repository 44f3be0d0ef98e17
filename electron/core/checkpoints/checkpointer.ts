import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../context.ts';
import { createCheckpointClient } from './checkpoint-client.ts';

// WAL checkpoints off the write path. SQLite's automatic checkpoint (every 1000 WAL pages) runs inside
// the commit that crosses the mark: that one write then copies the pages to the database file and
// fsyncs it, tens of milliseconds at 1M guests, and shows as the write's p95. Here the automatic one is
// off on the core's connection; the core checkpoints when it has been idle a moment after writes, and
// forces one after a commit only when a long busy period has grown the WAL past a bound. Either way the copy itself
// runs in the checkpoints' thread, on a connection of its own (checkpoint-thread.ts): a checkpoint of a busy
// period's WAL (a rebuild of the search index, an import, another PC's log) is thousands of pages written all over
// the file, 100-400 ms in which a keystroke would have waited.
// `wal_checkpoint(NOOP)` (SQLite 3.51+; better-sqlite3 bundles 3.54) reads the WAL's frame counts without
// copying anything: ~15 µs. An older SQLite would run it as PASSIVE, which tests/db/checkpoint.test.ts catches.

export type CheckpointOptions = {
  /** Quiet time after the last write before the idle checkpoint (ms). */
  idleMs?: number;
  /** Frames not yet checkpointed past which a commit is followed by a checkpoint at once, busy or not. */
  maxWalPages?: number;
  /** Size (pages) of the -wal file past which an idle checkpoint also truncates it. */
  truncatePages?: number;
  /** Copy in the checkpoints' thread (the default for a file); false copies on the core's own connection. */
  thread?: boolean;
};

export type Checkpointer = {
  /** Called after every committed write transaction. */
  afterCommit(): void;
  /** Brings the idle moment without a commit (upkeep that waits from before the core started). */
  scheduleIdle(): void;
  /** Stops the idle timer and gives the connection its automatic checkpoint back. */
  close(): void;
};

const DEFAULTS = {
  idleMs: 1000,
  maxWalPages: 8000,
  truncatePages: 1000,
  thread: true,
} satisfies Required<CheckpointOptions>;
/** Each WAL frame is a page plus a 24-byte header. */
const WAL_FRAME_HEADER = 24;

/** Upkeep that should not sit on a write's path, run at the idle moment. */
export type IdleUpkeep = {
  /** Before the idle checkpoint: writes whose pages that checkpoint then copies too. */
  beforeCheckpoint?: () => void;
  /** After it. */
  afterCheckpoint?: () => void;
};

/**
 * Idle-time checkpoints for a WAL database, and the idle upkeep for any database (an in-memory or non-WAL one has
 * no checkpoint, but its upkeep runs all the same).
 */
export function createCheckpointer(
  db: Database,
  logger: Logger,
  options: CheckpointOptions = {},
  upkeep: IdleUpkeep = {},
): Checkpointer {
  const { idleMs, maxWalPages, truncatePages, thread } = { ...DEFAULTS, ...options };
  const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  const wal = !db.memory && mode === 'wal' ? walCheckpoints(db, logger, thread) : undefined;
  if (wal) db.pragma('wal_autocheckpoint = 0');

  let timer: NodeJS.Timeout | undefined;
  const runUpkeep = (work: (() => void) | undefined) => {
    try {
      if (work && db.open && !db.inTransaction) work();
    } catch (error) {
      logger.warn('idle upkeep failed', error);
    }
  };
  const onIdle = () => {
    timer = undefined;
    runUpkeep(upkeep.beforeCheckpoint);
    wal?.checkpoint(truncatePages);
    runUpkeep(upkeep.afterCheckpoint);
  };
  const scheduleIdle = () => {
    if (timer) timer.refresh();
    else timer = setTimeout(onIdle, idleMs).unref();
  };

  return {
    afterCommit() {
      // A commit inside an outer transaction is not a commit yet: the outer one calls again.
      if (db.inTransaction) return;
      if (wal && wal.pending() > maxWalPages) wal.checkpoint(truncatePages);
      scheduleIdle();
    },
    scheduleIdle,
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      wal?.close();
      if (wal && db.open) db.pragma('wal_autocheckpoint = 1000');
    },
  };
}

/** A WAL database's checkpoint, and how many frames wait for one. */
function walCheckpoints(db: Database, logger: Logger, offThread: boolean) {
  type Frames = { busy: number; log: number; checkpointed: number };
  const frames = db.prepare('PRAGMA wal_checkpoint(NOOP)');
  const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  const walFile = `${db.name}-wal`;
  const frameBytes = (db.pragma('page_size', { simple: true }) as number) + WAL_FRAME_HEADER;
  const walFilePages = () => {
    try {
      return Math.floor(statSync(walFile).size / frameBytes);
    } catch {
      return 0; // no -wal file (yet, or any more)
    }
  };
  const client = offThread ? createCheckpointClient(db.name, logger) : undefined;
  /**
   * Once a checkpoint copied every frame, a big -wal file is truncated (after a burst of writes it would otherwise
   * keep its size on disk). The checkpoints' thread does it itself (checkpoint-thread.ts: a big file's truncation
   * held the core's thread 0.6 s); here, on the core's connection, only when that thread cannot serve.
   */
  const truncateIfCopied = (truncateAbove: number) => (done: Pick<Frames, 'log' | 'checkpointed'>) => {
    if (!db.open || db.inTransaction) return;
    if (done.log !== done.checkpointed || walFilePages() <= truncateAbove) return;
    // Frames committed since the copy would be copied here, on the core's thread: the next idle moment will do.
    const now = frames.get() as Frames;
    if (now.log !== now.checkpointed) return;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      logger.warn('WAL truncation failed; trying again after the next write', error);
    }
  };
  return {
    pending() {
      const { log, checkpointed } = frames.get() as Frames;
      return log - checkpointed;
    },
    /** A passive checkpoint (it never waits for a reader), in the checkpoints' thread when it serves. */
    checkpoint(truncateAbove: number) {
      if (!db.open) return;
      if (client?.request(truncateAbove)) return;
      if (db.inTransaction) return;
      try {
        truncateIfCopied(truncateAbove)(passive.get() as Frames);
      } catch (error) {
        logger.warn('WAL checkpoint failed; trying again after the next write', error);
      }
    },
    close() {
      client?.close();
    },
  };
}
