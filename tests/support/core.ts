import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type Core, type CoreOptions, createCore } from '../../electron/core/create-core.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read call results loosely; the contract tests check shapes.
type Loose = any;

export type TestCore = { core: Core; db: Database; call: (name: string, input: unknown) => Promise<Loose> };

type TestCoreOptions = {
  clock?: () => number;
  jobs?: CoreOptions['jobs'];
  checkpoint?: CoreOptions['checkpoint'];
  afterAnswer?: CoreOptions['afterAnswer'];
  /** A database file instead of memory (one another connection may have made before). */
  file?: string;
};

/** Jobs with one unit of work per slice and an event after every slice: tests can act between any two. */
export const FINE_SLICES = { sliceMs: 0, progressEveryMs: 0 };

/** A real core on an in-memory SQLite database (or `file`); `call` unwraps ok results and throws on errors. */
export function makeCore(options: TestCoreOptions = {}): TestCore {
  const db = openDatabase(options.file ?? ':memory:');
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    clock: options.clock,
    logger: { info() {}, warn() {}, error() {} },
    jobs: options.jobs,
    checkpoint: options.checkpoint,
    afterAnswer: options.afterAnswer,
  });
  const call = async (name: string, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as Loose;
  };
  return { core, db, call };
}

/** A core with one staff member chosen at this PC, ready for writes. */
export async function makeStaffedCore(options: TestCoreOptions = {}) {
  const test = makeCore(options);
  const staff = await test.call('staff.create', { name: '女将 山田' });
  await test.call('staff.setCurrent', { id: staff.id });
  return { ...test, staffId: staff.id as string };
}

export function changeLogCount(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM log_entry').get() as { n: number }).n;
}

/** The same database opened by a new core, as the app does at its next start (the test closed the first one). */
export function reopenCore(test: Pick<TestCore, 'core' | 'db'>, options: TestCoreOptions = {}): Core {
  return createCore({
    db: test.db,
    nodeId: test.core.nodeId,
    clock: options.clock,
    logger: { info() {}, warn() {}, error() {} },
    jobs: options.jobs,
    checkpoint: options.checkpoint,
    afterAnswer: options.afterAnswer,
  });
}
