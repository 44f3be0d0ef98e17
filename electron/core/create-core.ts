import type { Database } from 'better-sqlite3';
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
import { arrivalHandlers } from './arrivals/handlers.ts';
import { banquetHandlers } from './banquets/handlers.ts';
import { createHlc } from './changes/hlc.ts';
import { createWritePath } from './changes/write.ts';
import { type CheckpointOptions, createCheckpointer } from './checkpoint.ts';
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
import { systemHandlers } from './system/handlers.ts';

export type CoreOptions = {
  db: Database;
  nodeId: string;
  clock?: () => number;
  logger?: Logger;
  version?: string;
  /** When WAL checkpoints run (idle delay, bounds); tests shorten the delay. */
  checkpoint?: CheckpointOptions;
};

export type Core = {
  /** Validates the input against the contract, runs the call, validates the output. Never throws. */
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Told after every committed write, with the tables it changed. Returns an unsubscribe function. */
  onChanged(listener: (tables: string[]) => void): () => void;
  readonly nodeId: string;
  close(): void;
};

// Calls that may write before anyone is chosen at this PC: adding the first staff member, and sample
// data on first run. Their change-log entries name no staff member.
const WRITES_WITHOUT_STAFF = new Set<CallName>(['staff.create', 'demo.load']);

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
  const ctx: CoreContext = {
    db,
    run,
    writes,
    clock,
    nodeId,
    logger,
    version: options.version ?? '0.1.0',
    names: createNameFormatter(),
  };

  const searchIndex = createSearchIndex(db);
  writes.onRowWritten('guests', (before, after) => searchIndex.onGuestWritten(before as never, after as never));

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

  const dispatch = (name: string, input: unknown): Result<unknown> => {
    if (!isCallName(name)) return fail('unknown_call');
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', undefined, toIssues(parsed.error.issues));
    const staffId = spec.writes ? currentStaffId(ctx) : null;
    if (spec.writes && staffId === null && !WRITES_WITHOUT_STAFF.has(name)) return fail('no_staff');
    const changed = new Set<string>();
    const actor: Actor = {
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
    };
    try {
      const handler = handlers[name] as Handler<CallName>;
      const value = handler(parsed.data as never, actor);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error(`output of ${name} does not match the contract`, checked.error.issues);
        return fail('internal');
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof CallFailure) return { ok: false, error: error.error };
      logger.error(`call ${name} failed`, error);
      return fail('internal');
    } finally {
      emit([...changed]);
    }
  };

  return {
    nodeId,
    call: async (name, input) => dispatch(name, input),
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      checkpoints.close();
    },
  };
}
