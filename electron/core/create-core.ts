import type { Database } from 'better-sqlite3';
import { tableSpec } from '../../db/log/registry.ts';
import { ENTRY_BITS } from '../../db/log/store.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { createRunner } from '../../db/query.ts';
import type { Result } from '../../shared/contract/index.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { assignMigratedRoles } from './access/assign-roles.ts';
import { authorize } from './access/check.ts';
import { createPeople } from './access/people.ts';
import { redact } from './access/redact.ts';
import { createActorFor } from './actor.ts';
import { createPostcodeBook, type PostcodeBook } from './addresses/postcode-book.ts';
import { AFTER_ANSWER_MAX_WAIT_MS, AFTER_ANSWER_QUIET_MS, createAfterAnswer } from './after-answer.ts';
import { createArrivalCache } from './arrivals/arrival-cache.ts';
import { type BackupOptions, createBackupService, type RestoreHook } from './backups/service.ts';
import type { ApplyReport } from './changes/apply.ts';
import { editedSinceFailure } from './changes/edited-since.ts';
import { createChangeEngine } from './changes/engine.ts';
import { recordHighWater } from './changes/identity.ts';
import { createOriginLog, type OriginLog } from './changes/origins.ts';
import { createRequestLog } from './changes/request-log.ts';
import type { ShippedTx } from './changes/shipped.ts';
import { EditedSince } from './changes/write.ts';
import { type CheckpointOptions, createCheckpointer } from './checkpoints/checkpointer.ts';
import type { CoreContext, Logger } from './context.ts';
import { deskFirst } from './desk-first.ts';
import { type CallOptions, createDispatcher } from './dispatch.ts';
import { registerDomainRules } from './domain-rules.ts';
import { RELEASE_EVERY_MS, releaseDueHolds } from './erasure/release.ts';
import { wireErasure } from './erasure/wiring.ts';
import { createFileStore } from './files/store.ts';
import { createNameFormatter } from './guests/rows.ts';
import { createSearch } from './guests/search.ts';
import { createSearchCues } from './guests/search-cues.ts';
import { createSearchIndex } from './guests/search-index.ts';
import { searchKeysStale } from './guests/search-keys-version.ts';
import { allHandlers } from './handler-map.ts';
import { createJobRunner, type JobRunnerOptions } from './jobs/runner.ts';
import { createCatalogueCache } from './kitchen/catalogue-cache.ts';
import { createHistoryCache } from './kitchen/history-cache.ts';
import { createDayTotals } from './manager/day-totals.ts';
import { createRequestMonths } from './manager/request-months.ts';
import { createRankKeeper } from './ranks/keeper.ts';
import { createReadSnapshot, SNAPSHOT_READS } from './read-snapshot.ts';
import { newRecordId } from './record-id.ts';
import { createInnClock } from './settings/inn-clock.ts';
import { currentStaffId } from './staff/handlers.ts';
import { syncLogOf } from './sync/core-log.ts';
import { createSyncService, type SyncService, type SyncServiceOptions } from './sync/service.ts';

export type { CallOptions } from './dispatch.ts';

export type CoreOptions = {
  db: Database;
  nodeId: string;
  clock?: () => number;
  logger?: Logger;
  version?: string;
  /** Makes record ids; UUIDv7 unless a test passes a seeded one (a simulation that replays exactly). */
  newId?: () => string;
  /** When WAL checkpoints run (idle delay, bounds); tests shorten the delay. */
  checkpoint?: CheckpointOptions;
  /** How long jobs slice their work and how often they report; tests make every slice one unit. */
  jobs?: Pick<JobRunnerOptions, 'sliceMs' | 'progressEveryMs'>;
  /** Japan Post's postcodes (read on the first lookup); the data file shipped with the app unless given. */
  postcodes?: PostcodeBook;
  /** When backups look for the daily one, how long quitting waits for its own (backups/service.ts). */
  backups?: BackupOptions;
  /**
   * When work a call left until after its answer (a card's access record) runs: after staff pause, by default
   * (after-answer.ts). The simulations that replay a seed exactly pass `nextTurn`, as their writes must not
   * depend on how fast the machine is.
   */
  afterAnswer?: 'deskPause' | 'nextTurn';
  /** LAN sync (sync/service.ts): where its folder is, and its port. Without it, the sync calls answer sync_unavailable. */
  sync?: SyncServiceOptions;
  /**
   * Replaces the database with a restored backup and reopens the core on it: given by the core's owner (the
   * worker, electron/core-host/worker.ts). Without it, backups.restore answers `restore_unavailable`.
   */
  restore?: RestoreHook;
};

export type Core = {
  /** Validates the input against the contract, runs the call, validates the output. Never throws. */
  call(name: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** Told after every committed write, with the tables it changed. Returns an unsubscribe function. */
  onChanged(listener: (tables: string[]) => void): () => void;
  /** Told how far each long job has got (throttled), and when it ends. Returns an unsubscribe function. */
  onProgress(listener: (progress: JobProgress) => void): () => void;
  /** The log as other PCs see it: what sync ships and takes in (changes/export.ts, changes/apply.ts). */
  changes: {
    exportAfter(seq: number, limit?: number): { transactions: ShippedTx[]; next: number };
    apply(batch: readonly unknown[]): ApplyReport;
    retryHeld(accept?: { node: string; hlc: number }): number;
    /** The log per origin, for sync (changes/origins.ts). */
    origins: OriginLog;
    /** The schema version this PC writes its transactions with. */
    schema: number;
  };
  readonly nodeId: string;
  /** Before close, on quitting: the backup on quitting, bounded in time (backups/service.ts). Never rejects. */
  beforeClose(): Promise<void>;
  close(): void;
};

/**
 * A background job's next slice waits until staff's last call is this old: longer than the pause between two
 * keystrokes of someone typing a name, so the results of each are drawn with the other core free.
 */
const BACKGROUND_JOB_QUIET_MS = 300;
/** ... but never longer than this, so upkeep still moves on a desk that is never quiet. */
const BACKGROUND_JOB_MAX_WAIT_MS = 1_000;

/**
 * Calls that are not staff at work: the screens' polls of the sync status, and asking which jobs run (a program
 * waiting for the jobs started on opening asks every few hundred ms, and would hold those jobs back itself).
 */
const isStatusPoll = (name: string) => name.startsWith('sync.') || name === 'jobs.list';

/** Guests whose waiting search rows move at one idle moment: about 3 ms each at 1M guests. */
const RECENCY_MOVES_PER_IDLE = 8;

/** Builds a core over an open, migrated database. No module-level state: several cores can share a process. */
export function createCore(options: CoreOptions): Core {
  const { db, nodeId } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? console;
  const run = createRunner(db);
  // The clock continues past the latest stamp on record, even if the PC clock was set back since.
  const newId = options.newId ?? newRecordId;
  const changes = createChangeEngine({ db, nodeId, clock, newId });
  const searchIndex = createSearchIndex(db);
  // When idle: first the search rows whose move to a new recency waited (search-index.ts), a few guests at a
  // time; then the checkpoint; then the sidecar's mark of this node's latest stamp (identity.ts), so a restored
  // older copy is noticed.
  const checkpoints = createCheckpointer(db, logger, options.checkpoint, {
    beforeCheckpoint() {
      if (!searchIndex.movesWaiting()) return;
      const moved = db.transaction(() => searchIndex.flushRecencyMoves(RECENCY_MOVES_PER_IDLE)).immediate();
      if (moved === RECENCY_MOVES_PER_IDLE) checkpoints.scheduleIdle(); // more may wait: the next idle moment
    },
    afterCheckpoint: () => recordHighWater(db, nodeId),
  });
  if (searchIndex.movesWaiting()) checkpoints.scheduleIdle(); // left waiting when the app last closed
  const progressListeners = new Set<(progress: JobProgress) => void>();
  // When staff's last call came (status polls aside, isStatusPoll): sync's batches and background jobs wait for it.
  let lastCallAt = 0;
  const jobs = createJobRunner({
    ...options.jobs,
    // Background upkeep waits while staff are at work (jobs/runner.ts), as other PCs' batches do
    // (desk-first.ts): until a typing pause, and never more than a second a slice, so it still moves.
    betweenBackgroundSlices: deskFirst({
      lastCallAt: () => lastCallAt,
      quietMs: BACKGROUND_JOB_QUIET_MS,
      maxWaitMs: BACKGROUND_JOB_MAX_WAIT_MS,
    }),
    logger,
    onProgress: (progress) => {
      for (const listener of progressListeners) listener(progress);
    },
  });
  const innClock = createInnClock(db, clock);
  const ctx: CoreContext = {
    db,
    run,
    changes,
    clock,
    timeZone: innClock.timeZone,
    today: innClock.today,
    newId,
    nodeId,
    logger,
    version: options.version ?? '0.1.0',
    names: createNameFormatter(),
    jobs,
    histories: createHistoryCache(db, changes),
    arrivals: createArrivalCache(db, changes),
    catalogue: createCatalogueCache(db, changes),
    files: createFileStore(clock),
    afterAnswer: createAfterAnswer({
      logger,
      emitChanged: (tables) => emit(tables),
      deskPaused:
        options.afterAnswer === 'nextTurn'
          ? undefined
          : deskFirst({
              lastCallAt: () => lastCallAt,
              quietMs: AFTER_ANSWER_QUIET_MS,
              maxWaitMs: AFTER_ANSWER_MAX_WAIT_MS,
            }),
    }),
    readSnapshot: createReadSnapshot(db),
  };

  // Derived columns and the invariants that merging cannot keep by itself, per domain.
  registerDomainRules(changes, run.prepare);

  // Who is working here and what they may do (access/), read on every call.
  const people = createPeople(db);
  // A register from before roles gets them now, through the log (db/migrations/0008-roles.ts says how).
  assignMigratedRoles(db, changes);

  const backups = createBackupService(ctx, { ...options.backups, restore: options.restore });
  // Made once the core exists (it reads and feeds the core's log); the sync calls reach it through this.
  let sync: SyncService | null = null;
  let quitting = false;

  changes.onRowWritten('guests', (before, after) => searchIndex.onGuestWritten(before as never, after as never));
  changes.onTransactionEnd(searchIndex);

  // Erasure on a guest's request (erasure/wiring.ts).
  const { truncateAfterErasure } = wireErasure(db, changes, logger);
  // 顧客ランク: each guest's rank kept in step with stays, guests, manual ranks and the rules (ranks/keeper.ts).
  const ranks = createRankKeeper({
    db,
    logger,
    jobs,
    today: innClock.today,
    transact: (work) => {
      changes.transact(null, 'ranks.recompute', work);
      checkpoints.afterCommit();
    },
    announce: () => emit(['guest_ranks']),
  });
  changes.onRowWritten('stays', (before, after) => ranks.onStay(before, after));
  changes.onRowWritten('guests', (before, after) => ranks.onGuest(before, after));
  changes.onRowWritten('guest_manual_ranks', (before, after) => ranks.onManualRank(before, after));
  changes.onRowWritten('settings', (before, after) => ranks.onSetting(before, after));
  changes.onTransactionEnd(ranks);
  // 運営の振り返り: arrivals, first visits and revenue per day, kept in step with the stays (manager/day-totals.ts).
  const dayTotals = createDayTotals({
    db,
    logger,
    jobs,
    transact: (work) => {
      changes.transact(null, null, work);
      checkpoints.afterCommit();
    },
  });
  changes.onRowWritten('stays', (before, after) => dayTotals.onStay(before, after));
  ranks.rows.beforeChange((guestId) => dayTotals.onRank(guestId));
  changes.onTransactionEnd(dayTotals);
  const requestMonths = createRequestMonths({
    db,
    logger,
    jobs,
    timeZone: innClock.timeZone,
    transact: (work) => {
      changes.transact(null, null, work);
      checkpoints.afterCommit();
    },
  });
  changes.onRowWritten('requests', (before, after) => requestMonths.onRequest(before, after));
  changes.onTransactionEnd(requestMonths);

  const searchCues = createSearchCues(db, innClock.today, () => changes.lastSeq());
  const handlers = allHandlers(ctx, {
    search: createSearch(db, ctx.names, searchCues),
    searchCues,
    searchIndex,
    postcodes: options.postcodes ?? createPostcodeBook(),
    backups,
    sync: () => sync,
    dayTotals,
    requestMonths,
    ranks,
  });

  const listeners = new Set<(tables: string[]) => void>();
  const emit = (tables: string[]) => {
    if (tables.length === 0) return;
    // New rules (saved here or arrived from another PC): every guest's rank is recomputed as a job.
    if (tables.includes('settings')) ranks.ensureCurrent();
    for (const listener of listeners) {
      try {
        listener(tables);
      } catch (error) {
        logger.error('change listener failed', error);
      }
    }
  };

  const actorFor = createActorFor(ctx, () => checkpoints.afterCommit());
  const dispatch = createDispatcher({
    handlers,
    logger,
    currentStaff: () => currentStaffId(ctx),
    authorize: (name) => authorize(name, people),
    redact,
    actorFor,
    emitChanged: emit,
    beforeWrite: () => ctx.afterAnswer.flush(),
    underReadSnapshot: (name, work) => (SNAPSHOT_READS.has(name) ? ctx.readSnapshot.run(work) : work()),
    // A write takes the write lock before the handler's checks read anything, so what they checked still
    // holds when it commits, whoever else writes to this file.
    underWriteLock: (work) => {
      try {
        return db.transaction(work).immediate();
      } catch (error) {
        changes.log.resetCaches(); // numbers the log handed out inside the rolled-back transaction are gone
        throw error;
      }
    },
    afterWrite: () => {
      checkpoints.afterCommit();
      truncateAfterErasure();
    },
    requests: createRequestLog(db, clock),
    failureOf: (error) => (error instanceof EditedSince ? editedSinceFailure(ctx, error) : undefined),
  });

  // An index made by older search keys is rebuilt as a job (the jobs bar shows it), search answering from the
  // old index meanwhile: guests whose keys did not change are found as before.
  if (searchKeysStale(db)) {
    logger.info('the search index was made with older search keys: rebuilding it');
    void dispatch('system.rebuildSearchIndex', {}, {}, true).then((result) => {
      if (!result.ok) logger.warn(`search index rebuild did not finish: ${result.error.code}`);
    });
  }

  // Legal holds of erased guests that have ended are released at start and a few times a day (erasure/release.ts).
  const releaseHolds = () => {
    try {
      const { released, tables } = releaseDueHolds(ctx);
      if (released === 0) return;
      logger.info(`erasure: ${released} legal hold(s) ended, the register fields erased`);
      truncateAfterErasure();
      emit(tables);
    } catch (error) {
      logger.warn('releasing ended erasure holds failed; trying again later', error);
    }
  };
  releaseHolds();
  const releaseTimer = setInterval(releaseHolds, RELEASE_EVERY_MS).unref();
  // Ranks made with other rules (or none yet), or for an earlier day, are brought up to date; then once a minute.
  ranks.start();
  // The manager's day totals, built as a job when missing or made by an older version.
  dayTotals.ensureBuilt();
  requestMonths.ensureBuilt();

  const core: Core = {
    nodeId,
    call: (name, input, callOptions) => {
      // Staff at work: other PCs' messages and background jobs wait (desk-first.ts, jobs/runner.ts).
      if (!isStatusPoll(name)) lastCallAt = performance.now();
      return dispatch(name, input, callOptions);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    changes: {
      exportAfter: (seq, limit) => changes.exporter.after(seq, limit),
      origins: createOriginLog(db, changes.exporter),
      schema: LATEST_VERSION,
      apply(batch) {
        const { report, tables } = changes.apply(batch);
        truncateAfterErasure();
        emit(tables);
        return report;
      },
      retryHeld(accept) {
        const { applied, tables } = changes.retryHeld(accept);
        truncateAfterErasure();
        emit(tables);
        return applied;
      },
    },
    async beforeClose() {
      quitting = true; // a received register copy must not be swapped in under the backup on quitting
      try {
        await backups.beforeClose();
      } catch (error) {
        logger.error('the backup on quitting failed', error);
      }
    },
    close() {
      // What a call left until after its answer (a card's access record) is written before anything stops.
      if (db.open) ctx.afterAnswer.flush();
      clearInterval(releaseTimer);
      void sync?.close();
      backups.close();
      ranks.close();
      dayTotals.close();
      requestMonths.close();
      // Jobs stop first (a rebuild drops its shadow table), while the database is still open.
      jobs.stopAll();
      listeners.clear();
      progressListeners.clear();
      checkpoints.close();
      if (db.open) recordHighWater(db, nodeId);
    },
  };
  sync = options.sync
    ? createSyncService({
        settings: options.sync,
        log: syncLogOf(core),
        clock,
        logger,
        hasGuests: () => registerHasOwnGuests(db),
        snapshot: { db, restore: options.restore, busy: () => quitting || jobs.list().length > 0 },
        lastCallAt: () => lastCallAt,
      })
    : null;
  if (sync) core.onChanged(() => sync?.localChanged());
  return core;
}

/** Whether the register holds guests that sample data did not make (joining a group then merges them). */
function registerHasOwnGuests(db: Database): boolean {
  const guests = tableSpec('guests').id;
  return (
    db
      .prepare(
        `SELECT 1 FROM log_entry e JOIN log_tx t ON t.seq = e.id >> ${ENTRY_BITS} LEFT JOIN log_calls c ON c.id = t.call
          WHERE e.tbl = ? AND e.col = 0 AND c.name IS NOT 'demo.load' LIMIT 1`,
      )
      .get(guests) !== undefined
  );
}
