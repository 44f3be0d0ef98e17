import type { Database } from 'better-sqlite3';
import { createChangeEngine } from '../../electron/core/changes/engine.ts';
import type { WriteSession } from '../../electron/core/changes/write.ts';

/** The write path as the benchmark's builders use it: the core's change engine, without a core around it. */
export type BenchWrites = { transact<T>(staffId: string | null, work: (session: WriteSession) => T): { result: T } };

export function benchWrites(db: Database, nodeId: string, clock: () => number = Date.now): BenchWrites {
  const engine = createChangeEngine({ db, nodeId, clock });
  return { transact: (staffId, work) => engine.transact(staffId, 'bench.build', work) };
}
