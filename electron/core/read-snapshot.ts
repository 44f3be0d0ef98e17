import type { Database } from 'better-sqlite3';
import type { CallName } from '../../shared/contract/index.ts';

// One read transaction around the statements of the desk's busiest reads. Outside a transaction each statement
// is one of its own: SQLite takes a WAL read lock for it (fcntl calls on the -shm file) and checks the WAL's
// header, then lets go. A regular's guest card is about 25 statements: over 120 cards at 100,000 guests the
// fcntl calls fell from 9,437 to 2,029. In time it was within run-to-run noise on this machine (docs/performance.md,
// "The card's pages"). The statements of one call also see one state of the file.
//
// Only the calls below, which read and nothing more. Many calls the contract marks as not writing do write
// outside the change log (who works at this PC, sync's state, a restore that closes the file), and are left as
// they were. A read that records something aside (an access record, access/record.ts) ends the snapshot first
// (`end`), so the record is its own short transaction as before.

/** The reads run in one read transaction: the guest card, search, a stay, a day's arrivals. */
export const SNAPSHOT_READS: ReadonlySet<CallName> = new Set<CallName>([
  'guests.get',
  'guests.service',
  'guests.history',
  'guests.search',
  'stays.get',
  'arrivals.forDate',
]);

export type ReadSnapshot = {
  /** Runs `work` in one read transaction, unless a transaction is open already; a promise's rest runs after. */
  run<T>(work: () => T): T;
  /** Ends the snapshot now, before a write: a no-op when none is open. */
  end(): void;
};

const inSnapshot = new WeakSet<Database>();

/**
 * Whether `db` is inside a transaction that writes or may (what it reads may be rolled back), as opposed to no
 * transaction or a read snapshot: what the caches ask before they keep what they read (kitchen/history-cache.ts).
 */
export function inWriteTransaction(db: Database): boolean {
  return db.inTransaction && !inSnapshot.has(db);
}

export function createReadSnapshot(db: Database): ReadSnapshot {
  const end = () => {
    if (!inSnapshot.delete(db)) return;
    if (db.inTransaction) db.exec('COMMIT');
  };
  return {
    run(work) {
      if (db.inTransaction) return work();
      db.exec('BEGIN'); // deferred: the first statement takes a read lock, and nothing more
      inSnapshot.add(db);
      try {
        return work();
      } finally {
        end();
      }
    },
    end,
  };
}
