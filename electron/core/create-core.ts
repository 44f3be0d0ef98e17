import type { Database } from 'better-sqlite3';
import { createRunner } from '../../db/query.ts';
import type { CallName, Result } from '../../shared/contract/index.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { allergyHandlers } from './allergies/handlers.ts';
import { banquetHandlers } from './banquets/handlers.ts';
import { briefingHandlers } from './briefing/handlers.ts';
import { createHlc } from './changes/hlc.ts';
import { createWritePath } from './changes/write.ts';
import { type CheckpointOptions, createCheckpointer } from './checkpoint.ts';
import type { Actor, CoreContext, Handler, Logger } from './context.ts';
import { createDispatcher } from './dispatch.ts';
import { guestHandlers } from './guests/handlers.ts';
import { createNameFormatter } from './guests/rows.ts';
import { createSearch } from './guests/search.ts';
import { createSearchIndex } from './guests/search-index.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { createJobRunner, type JobRunnerOptions } from './jobs/runner.ts';
import { kitchenHandlers } from './kitchen/handlers.ts';
import { requestHandlers } from './requests/handlers.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { currentStaffId, staffHandlers } from './staff/handlers.ts';
import { stayHandlers } from './stays/handlers.ts';
import { systemHandlers } from './system/handlers.ts';

export type CoreOptions = {
  db: Database;
  nodeId: string;
  clock?: () => number;
  logger?: Logger;
  version?: string;
  /** When WAL checkpoints run (idle delay, bounds); tests shorten the delay. */
  checkpoint?: CheckpointOptions;
  /** How long jobs slice their work and how often they report; tests make every slice one unit. */
  jobs?: Pick<JobRunnerOptions, 'sliceMs' | 'progressEveryMs'>;
};

/** Passed through from the doors, opaque to the dispatcher (e.g. a request id for the logs). */
export type CallOptions = Readonly<Record<string, unknown>>;

export type Core = {
  /** Validates the input against the contract, runs the call, validates the output. Never throws. */
  call(name: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** Told after every committed write, with the tables it changed. Returns an unsubscribe function. */
  onChanged(listener: (tables: string[]) => void): () => void;
  /** Told how far each long job has got (throttled), and when it ends. Returns an unsubscribe function. */
  onProgress(listener: (progress: JobProgress) => void): () => void;
  readonly nodeId: string;
  close(): void;
};

/** Builds a core over an open, migrated database. No module-level state: several cores can share a process. */
export function createCore(options: CoreOptions): Core {
  const { db, nodeId } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? console;
  // Continue the clock past the latest entry on record, even if the PC clock was set back since.
  const latest = db.prepare('SELECT hlc FROM change_log ORDER BY hlc DESC LIMIT 1').get() as
    | { hlc: string }
    | undefined;
  const hlc = createHlc(nodeId, clock, latest ? `${latest.hlc}:${nodeId}` : undefined);
  const run = createRunner(db);
  const writes = createWritePath(db, run, hlc, nodeId, clock);
  const checkpoints = createCheckpointer(db, logger, options.checkpoint);
  const progressListeners = new Set<(progress: JobProgress) => void>();
  const jobs = createJobRunner({
    ...options.jobs,
    logger,
    onProgress: (progress) => {
      for (const listener of progressListeners) listener(progress);
    },
  });
  const ctx: CoreContext = {
    db,
    run,
    writes,
    clock,
    nodeId,
    logger,
    version: options.version ?? '0.1.0',
    names: createNameFormatter(),
    jobs,
  };

  const searchIndex = createSearchIndex(db);
  writes.onRowWritten('guests', (before, after) => searchIndex.onGuestWritten(before as never, after as never));

  const handlers = {
    ...systemHandlers(ctx),
    ...jobHandlers(ctx),
    ...staffHandlers(ctx),
    ...guestHandlers(ctx, createSearch(db, ctx.names)),
    ...settingsHandlers(ctx),
    ...stayHandlers(ctx),
    ...allergyHandlers(ctx),
    ...requestHandlers(ctx),
    ...kitchenHandlers(ctx),
    ...briefingHandlers(ctx),
    ...banquetHandlers(ctx),
  } satisfies { [N in CallName]: Handler<N> };

  const listeners = new Set<(tables: string[]) => void>();
  const emit = (tables: string[]) => {
    if (tables.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(tables);
      } catch (error) {
        logger.error('change listener failed', error);
      }
    }
  };

  // The actor of one call; the dispatcher (dispatch.ts) does the contract checks around the handler.
  const actorFor = (staffId: string | null, changed: Set<string>): Actor => ({
    staffId,
    write(work) {
      const { result, tables } = writes.transact(staffId, work);
      checkpoints.afterCommit();
      for (const table of tables) changed.add(table);
      return result;
    },
    announce(table) {
      changed.add(table);
    },
  });
  const dispatch = createDispatcher({
    handlers,
    logger,
    currentStaff: () => currentStaffId(ctx),
    actorFor,
    emitChanged: emit,
  });

  return {
    nodeId,
    // `options` (a request id, say) is for the doors and the logs; nothing in the core reads it yet.
    call: (name, input, _options) => dispatch(name, input),
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    close() {
      // Jobs stop first (a rebuild drops its shadow table), while the database is still open.
      jobs.stopAll();
      listeners.clear();
      progressListeners.clear();
      checkpoints.close();
    },
  };
}
