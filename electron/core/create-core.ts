import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { createRunner } from '../../db/query.ts';
import {
  CallFailure,
  type CallName,
  contract,
  fail,
  isCallName,
  ok,
  type Result,
  toIssues,
} from '../../shared/contract/index.ts';
import { allergyHandlers } from './allergies/handlers.ts';
import { allergyChecks } from './allergies/invariants.ts';
import { supersededByDeriver } from './allergies/superseded-by.ts';
import { arrivalHandlers } from './arrivals/handlers.ts';
import { currentStageDeriver } from './banquets/current-stage.ts';
import { banquetHandlers } from './banquets/handlers.ts';
import { banquetChecks } from './banquets/invariants.ts';
import type { ApplyReport } from './changes/apply.ts';
import { editedSinceFailure } from './changes/edited-since.ts';
import { createChangeEngine } from './changes/engine.ts';
import { recordHighWater } from './changes/identity.ts';
import { createRequestLog } from './changes/request-log.ts';
import type { ShippedTx } from './changes/shipped.ts';
import { EditedSince } from './changes/write.ts';
import { type CheckpointOptions, createCheckpointer } from './checkpoint.ts';
import { conflictHandlers } from './conflicts/handlers.ts';
import type { Actor, CoreContext, Handler, Logger } from './context.ts';
import { guestHandlers } from './guests/handlers.ts';
import { createNameFormatter } from './guests/rows.ts';
import { createSearch } from './guests/search.ts';
import { createSearchIndex } from './guests/search-index.ts';
import { kitchenHandlers } from './kitchen/handlers.ts';
import { requestHandlers } from './requests/handlers.ts';
import { serviceHandlers } from './service/handlers.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { currentStaffId, staffHandlers } from './staff/handlers.ts';
import { stayHandlers } from './stays/handlers.ts';
import { stayChecks } from './stays/invariants.ts';
import { systemHandlers } from './system/handlers.ts';

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
};

/** Per-call options that are not part of a call's input. */
export type CallOptions = {
  /**
   * Makes a write call safe to retry: a second call with the same id (after an answer was lost) is not run
   * again; it gets the first call's answer.
   */
  requestId?: string;
};

export type Core = {
  /** Validates the input against the contract, runs the call, validates the output. Never throws. */
  call(name: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  /** Told after every committed write, with the tables it changed. Returns an unsubscribe function. */
  onChanged(listener: (tables: string[]) => void): () => void;
  /** The log as other PCs see it: what sync ships and takes in (changes/export.ts, changes/apply.ts). */
  changes: {
    exportAfter(seq: number, limit?: number): { transactions: ShippedTx[]; next: number };
    apply(batch: readonly unknown[]): ApplyReport;
    retryHeld(accept?: { node: string; hlc: number }): number;
  };
  readonly nodeId: string;
  close(): void;
};

// Calls that may write before anyone is chosen at this PC: adding the first staff member, and sample
// data on first run. Their change-log entries name no staff member.
const WRITES_WITHOUT_STAFF = new Set<CallName>(['staff.create', 'demo.load']);

/** Thrown inside a write's transaction to roll it back and answer `internal` (already logged). */
class InternalFailure extends Error {}

/** Builds a core over an open, migrated database. No module-level state: several cores can share a process. */
export function createCore(options: CoreOptions): Core {
  const { db, nodeId } = options;
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? console;
  const run = createRunner(db);
  // The clock continues past the latest stamp on record, even if the PC clock was set back since.
  const newId = options.newId ?? uuidv7;
  const changes = createChangeEngine({ db, nodeId, clock, newId });
  // When idle: the sidecar's mark of this node's latest stamp (identity.ts), so a restored older copy is noticed.
  const checkpoints = createCheckpointer(db, logger, options.checkpoint, () => recordHighWater(db, nodeId));
  const ctx: CoreContext = {
    db,
    run,
    changes,
    clock,
    newId,
    nodeId,
    logger,
    version: options.version ?? '0.1.0',
    names: createNameFormatter(),
  };

  // Derived columns and the invariants that merging cannot keep by itself, per domain.
  const deriveContext = { db, log: changes.log, prepare: run.prepare };
  changes.derivations.register(currentStageDeriver);
  changes.derivations.register(supersededByDeriver);
  for (const check of [
    ...banquetChecks(deriveContext),
    ...allergyChecks(deriveContext),
    ...stayChecks(deriveContext),
  ]) {
    changes.conflicts.register(check);
  }

  const searchIndex = createSearchIndex(db);
  changes.onRowWritten('guests', (before, after) => searchIndex.onGuestWritten(before as never, after as never));

  const handlers = {
    ...systemHandlers(ctx),
    ...staffHandlers(ctx),
    ...guestHandlers(ctx, createSearch(db, ctx.names)),
    ...settingsHandlers(ctx),
    ...stayHandlers(ctx),
    ...allergyHandlers(ctx),
    ...requestHandlers(ctx),
    ...kitchenHandlers(ctx),
    ...serviceHandlers(ctx),
    ...arrivalHandlers(ctx),
    ...banquetHandlers(ctx),
    ...conflictHandlers(ctx),
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

  const requests = createRequestLog(db, clock);

  const dispatch = (name: string, input: unknown, options: CallOptions = {}): Result<unknown> => {
    if (!isCallName(name)) return fail('unknown_call');
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', undefined, toIssues(parsed.error.issues));
    const staffId = spec.writes ? currentStaffId(ctx) : null;
    if (spec.writes && staffId === null && !WRITES_WITHOUT_STAFF.has(name)) return fail('no_staff');
    const requestId = spec.writes ? options.requestId : undefined;
    if (requestId !== undefined) {
      const earlier = requests.find(requestId, name);
      if (earlier) return earlier;
    }
    const changed = new Set<string>();
    const actor: Actor = {
      staffId,
      write(work) {
        const { result, tables } = changes.transact(staffId, name, work);
        for (const table of tables) changed.add(table);
        return result;
      },
      announce(table) {
        changed.add(table);
      },
    };
    const handler = handlers[name] as Handler<CallName>;
    const answer = (): Result<unknown> => {
      const value = handler(parsed.data as never, actor);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error(`output of ${name} does not match the contract`, checked.error.issues);
        throw new InternalFailure();
      }
      const result = ok(checked.data);
      if (requestId !== undefined) requests.keep(requestId, name, result);
      return result;
    };
    try {
      // A write takes the write lock before the handler's checks read anything, so what they checked still
      // holds when the write commits, whoever else writes to this file.
      const result = spec.writes ? db.transaction(answer).immediate() : answer();
      if (spec.writes) checkpoints.afterCommit();
      return result;
    } catch (error) {
      changed.clear(); // rolled back
      if (error instanceof CallFailure) return { ok: false, error: error.error };
      if (error instanceof EditedSince) return editedSinceFailure(ctx, error);
      if (!(error instanceof InternalFailure)) logger.error(`call ${name} failed`, error);
      return fail('internal');
    } finally {
      emit([...changed]);
    }
  };

  return {
    nodeId,
    call: async (name, input, options) => dispatch(name, input, options),
    changes: {
      exportAfter: (seq, limit) => changes.exporter.after(seq, limit),
      apply(batch) {
        const { report, tables } = changes.apply(batch);
        emit(tables);
        return report;
      },
      retryHeld(accept) {
        const { applied, tables } = changes.retryHeld(accept);
        emit(tables);
        return applied;
      },
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      checkpoints.close();
      recordHighWater(db, nodeId);
    },
  };
}
