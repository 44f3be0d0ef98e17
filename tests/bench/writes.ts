import type { Database } from 'better-sqlite3';
import { statementCache } from '../../db/query.ts';
import { type ChangeEngine, createChangeEngine } from '../../electron/core/changes/engine.ts';
import { registerDomainRules } from '../../electron/core/domain-rules.ts';
import type { Call } from './service-common.ts';

// The write path as the benchmark's builders use it: the core's change engine without a core around it,
// with the derived columns and invariant checks the core registers (create-core.ts), so every row is written
// and logged as the app writes it. The search index's row hook is left out: the index is built once at the end
// by rebuild(), which a property test proves equal to the incrementally kept one.
//
// Each call is one write (one log header, one HLC stamp) at its own simulated time: the engine's clock reads
// the call's time, so stamps, created_at and updated_at follow the generated years. Calls are grouped into
// SQLite transactions of COMMIT_EVERY (each call a savepoint in it), which only saves commits.

const COMMIT_EVERY = 20_000;

export type BenchWriter = {
  engine: ChangeEngine;
  /** Runs one call at its time. Calls must come in time order. */
  run(call: Call): void;
  /** Calls run so far, and the time of the last one. */
  readonly calls: number;
  /** Calls and the milliseconds spent in them, by call name. */
  readonly byName: Map<string, { calls: number; ms: number }>;
  readonly lastTime: number;
  /** Commits what is pending. */
  finish(): void;
};

export function benchWriter(db: Database, nodeId: string, start: number): BenchWriter {
  let now = start;
  const engine = createChangeEngine({ db, nodeId, clock: () => now });
  registerDomainRules(engine, statementCache(db));

  let calls = 0;
  let pending = 0;
  const byName = new Map<string, { calls: number; ms: number }>();
  return {
    engine,
    run(call) {
      if (call.t < now) {
        throw new Error(
          `bench: call ${call.name} at ${new Date(call.t).toISOString()} after ${new Date(now).toISOString()}`,
        );
      }
      now = call.t;
      if (pending === 0) db.exec('BEGIN');
      const started = performance.now();
      engine.transact(call.staff, call.name, call.write);
      let spent = byName.get(call.name);
      if (!spent) {
        spent = { calls: 0, ms: 0 };
        byName.set(call.name, spent);
      }
      spent.calls++;
      spent.ms += performance.now() - started;
      calls++;
      if (++pending >= COMMIT_EVERY) {
        db.exec('COMMIT');
        pending = 0;
      }
    },
    get calls() {
      return calls;
    },
    byName,
    get lastTime() {
      return now;
    },
    finish() {
      if (pending > 0) db.exec('COMMIT');
      pending = 0;
    },
  };
}
