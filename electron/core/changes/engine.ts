import type { Database } from 'better-sqlite3';
import { sqlRowKey } from '../../../db/log/codec.ts';
import { tableSpec } from '../../../db/log/registry.ts';
import { createLogStore, ENTRY_BITS, encodeRowId, type LogStore } from '../../../db/log/store.ts';
import { LATEST_VERSION } from '../../../db/migrations/index.ts';
import { statementCache } from '../../../db/query.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import { newRecordId } from '../record-id.ts';
import { type ApplyReport, createApplier, type Guard, type RetryOutcome } from './apply.ts';
import { type Conflicts, createConflicts } from './conflicts.ts';
import { createDerivations, type Derivations } from './derived.ts';
import { createExporter, type Exporter } from './export.ts';
import { createHlc, type Hlc } from './hlc.ts';
import { createRowStore, type RowHook, Touched, type TransactionEndHook } from './rows.ts';
import { createScrubber, type Scrubber, type ScrubPolicy } from './scrub.ts';
import { openSession, type WriteSession } from './write.ts';

// The change engine: the log, the clock, the local write path, the apply path, derived columns and the
// invariant checks, built once per core over its database. Every write to a synced table, local or remote,
// passes through `transact` or `apply`, and both end the same way: derived columns and hooks ran per row,
// and the conflicts were brought in line with what the transaction touched, before it commits.

export type ChangeEngine = {
  db: Database;
  log: LogStore;
  hlc: Hlc;
  node: number;
  derivations: Derivations;
  conflicts: Conflicts;
  exporter: Exporter;
  /**
   * Runs `work` as one write of `staffId` through the write path. Joins the caller's transaction if there is
   * one; otherwise takes the write lock first (BEGIN IMMEDIATE). Returns what it returned and the tables it
   * changed (with `conflicts` when a conflict appeared or went).
   */
  transact<T>(
    staffId: string | null,
    call: string | null,
    work: (session: WriteSession) => T,
  ): { result: T; tables: string[] };
  /** Applies remote transactions (apply.ts) in one SQLite transaction. */
  apply(batch: readonly unknown[]): { report: ApplyReport; tables: string[] };
  /** Applies held transactions that can be applied now, or the one staff accepted. */
  retryHeld(accept?: { node: string; hlc: number }): RetryOutcome & { tables: string[] };
  onRowWritten(table: SyncedTable, hook: RowHook): void;
  /** A hook that gathers row changes and writes them at the end of the transaction (rows.ts). */
  onTransactionEnd(hook: TransactionEndHook): void;
  /** A row's version: the local sequence of the latest transaction that wrote it (0 if none). */
  versionOf(table: SyncedTable, id: string): number;
  /** The versions of several rows of one table, in one statement (a card's stays). */
  versionsOf(table: SyncedTable, ids: readonly string[]): Map<string, number>;
  /** The latest local sequence: every row's version is at most this. */
  lastSeq(): number;
  /** Rewrites what the log and the rows hold, for erasure only (scrub.ts). */
  scrubber: Scrubber;
  /** The erasure rule the apply path asks before keeping an entry (erasure/policy.ts). */
  setScrubPolicy(policy: ScrubPolicy): void;
};

export function createChangeEngine(options: {
  db: Database;
  nodeId: string;
  clock: () => number;
  newId?: () => string;
}): ChangeEngine {
  const { db, clock } = options;
  const log = createLogStore(db);
  const hlc = createHlc(clock, log.latestStamp());
  const node = log.nodeRef(options.nodeId);
  const prepare = statementCache(db);
  const derivations = createDerivations({ db, log, prepare });
  const rows = createRowStore(db, derivations, log);
  const conflicts = createConflicts(db, log);
  let scrubPolicy: ScrubPolicy | undefined;
  const applier = createApplier({ db, log, rows, derivations, hlc, clock, scrubPolicy: () => scrubPolicy });
  const writeContext = {
    log,
    rows,
    derivations,
    hlc,
    node,
    schema: LATEST_VERSION,
    newId: options.newId ?? newRecordId,
    scrubPolicy: () => scrubPolicy,
  };
  const version = db.prepare(`SELECT max(id) >> ${ENTRY_BITS} FROM log_entry WHERE tbl = ? AND row = ?`).pluck();
  const versions = db.prepare(
    `SELECT j.value AS id,
            (SELECT max(e.id) >> ${ENTRY_BITS} FROM log_entry e WHERE e.tbl = ? AND e.row = ${sqlRowKey('j.value')})
              AS version
       FROM json_each(?) j`,
  );

  /** Runs `body` in a transaction of its own (write lock first) or inside the caller's. */
  const inTransaction = <T>(body: () => T): T => {
    // Inside the caller's transaction (a savepoint), what the hooks gathered so far is the caller's: it goes
    // in first, so a rollback of this part forgets only this part's.
    if (db.inTransaction) rows.settle();
    try {
      return db.inTransaction ? db.transaction(body)() : db.transaction(body).immediate();
    } catch (error) {
      rows.discard();
      log.resetCaches(); // numbers handed out inside a rolled-back transaction are gone
      throw error;
    }
  };

  /** Remote rows may arrive before the rows they refer to (from a third PC): no foreign keys while applying. */
  const withoutForeignKeys = <T>(body: () => T): T => {
    if (db.inTransaction) return body();
    db.pragma('foreign_keys = OFF');
    try {
      return body();
    } finally {
      db.pragma('foreign_keys = ON');
    }
  };

  /**
   * A part of an apply in a savepoint of its own (apply.ts, Guard). Only a failure caused by what the part
   * carries counts as "cannot store" (failedOnItsValues): a full disk or a broken file still fails the whole
   * apply, so that nothing is kept aside for a reason that is this PC's own.
   */
  const guardFor =
    (touched: Touched): Guard =>
    (part) => {
      const own = new Touched();
      try {
        // What the row hooks gathered (the search index) goes in inside the savepoint too: it reads the values.
        inTransaction(() => {
          part(own);
          rows.settle();
        });
      } catch (error) {
        if (!failedOnItsValues(error)) throw error;
        return false;
      }
      touched.absorb(own);
      return true;
    };

  /** Remote transactions in: what `work` keeps, then every row it touched recomputed, then the conflicts. */
  const applying = <T>(work: (touched: Touched) => T) => {
    const touched = new Touched();
    const result = withoutForeignKeys(() =>
      inTransaction(() => {
        const value = work(touched);
        applier.flush(touched);
        rows.settle();
        if (conflicts.afterTransaction(touched)) touched.tables.add('conflicts');
        return value;
      }),
    );
    return { result, tables: [...touched.tables] };
  };

  return {
    db,
    log,
    hlc,
    node,
    derivations,
    conflicts,
    exporter: createExporter(db, log),
    transact(staffId, call, work) {
      const touched = new Touched();
      const result = inTransaction(() => {
        const value = work(openSession(writeContext, staffId, call, touched));
        rows.settle();
        if (conflicts.afterTransaction(touched)) touched.tables.add('conflicts');
        return value;
      });
      return { result, tables: [...touched.tables] };
    },
    apply(batch) {
      // The whole batch in one go, then what was kept aside and can go in now, each on its own.
      const together = (touched: Touched) => {
        const outcome = applier.apply(batch, touched);
        applier.flush(touched);
        applier.retryHeld(guardFor(touched), touched);
        return outcome;
      };
      // A batch the tables refused: again one transaction at a time, the refused ones kept aside (apply.ts).
      const oneByOne = (touched: Touched) => {
        const outcome = applier.apply(batch, touched, guardFor(touched));
        applier.retryHeld(guardFor(touched), touched);
        return outcome;
      };
      let applied: { result: ApplyReport; tables: string[] };
      try {
        applied = applying(together);
      } catch (error) {
        if (!failedOnItsValues(error)) throw error;
        applier.discardPending();
        applied = applying(oneByOne);
      }
      return { report: applied.result, tables: applied.tables };
    },
    retryHeld(accept) {
      const { result, tables } = applying((touched) => applier.retryHeld(guardFor(touched), touched, accept));
      return { ...result, tables };
    },
    onRowWritten: rows.onRowWritten,
    onTransactionEnd: rows.onTransactionEnd,
    versionOf: (table, id) => (version.get(tableSpec(table).id, encodeRowId(id)) as number | null) ?? 0,
    versionsOf(table, ids) {
      const found = new Map<string, number>();
      if (ids.length === 0) return found;
      const rows = versions.all(tableSpec(table).id, JSON.stringify(ids)) as Array<{
        id: string;
        version: number | null;
      }>;
      for (const row of rows) found.set(row.id, row.version ?? 0);
      return found;
    },
    lastSeq: log.lastSeq,
    scrubber: createScrubber({ db, log, rows }),
    setScrubPolicy(policy) {
      scrubPolicy = policy;
    },
  };
}

/** SQLite errors that say something about this PC (its disk, its file, its memory), not about a value. */
const THIS_PC = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|CORRUPT|NOTADB|NOMEM|READONLY|INTERRUPT|CANTOPEN|PROTOCOL|PERM|AUTH)/;

/**
 * Whether applying a transaction failed because of what it carries: SQLite refused a value (a constraint of a
 * STRICT table, a value too big), or this version's code could not make sense of one (a list column that is
 * not JSON, a day that is no day: a TypeError, SyntaxError or RangeError in a row hook). A full disk or a broken
 * file is this PC's own trouble and still fails the whole apply.
 */
function failedOnItsValues(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return !THIS_PC.test(code);
  return error instanceof TypeError || error instanceof SyntaxError || error instanceof RangeError;
}
