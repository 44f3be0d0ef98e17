import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type CoreOptions, createCore } from '../../electron/core/create-core.ts';
import { type CoreHost, startCoreHost, WORKER_SOURCE } from '../../electron/core-host/host.ts';
import { type OpenedCore, openCore } from '../../electron/core-host/open-core.ts';
import { FINE_SLICES } from '../support/core.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read call results loosely; the contract tests check shapes.
type Loose = any;

const quiet = { info() {}, warn() {}, error: console.error };

/** Automatic backups out of the way unless a test asks for them. */
export const NO_TIMERS: NonNullable<CoreOptions['backups']> = { firstCheckMs: 3_600_000, checkEveryMs: 3_600_000 };

/** A data folder and a backup folder, removed after. */
export function folders() {
  const root = mkdtempSync(join(tmpdir(), 'yadocho-backups-'));
  const data = join(root, 'data');
  const backups = join(root, 'usb');
  return {
    root,
    data,
    backups,
    file: join(data, 'yadocho.sqlite'),
    ours: () =>
      readdirSync(backups)
        .filter((name) => /^yadocho-\d{4}-\d{2}-\d{2}-\d{4}(-\d+)?\.sqlite$/.test(name))
        .sort(),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The core on a real file in this thread (no restore: that needs the worker). */
export function openFileCore(file: string, options: { clock?: () => number; backups?: CoreOptions['backups'] } = {}) {
  if (!options.clock) {
    const opened: OpenedCore = openCore({
      file,
      logger: quiet,
      jobs: FINE_SLICES,
      backups: { ...NO_TIMERS, ...options.backups },
    });
    return withCall(opened.core, () => opened.close());
  }
  // A clock of the test's own (the daily schedule, a backup two days old): the steps of openCore, with it.
  const db = openDatabase(file);
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    clock: options.clock,
    logger: quiet,
    jobs: FINE_SLICES,
    backups: { ...NO_TIMERS, ...options.backups },
  });
  return withCall(core, () => {
    core.close();
    db.close();
  });
}

/** The core in its worker thread, as both doors run it. */
export async function startHost(file: string, backups: CoreOptions['backups'] = {}) {
  const host = await startCoreHost({
    file,
    entry: WORKER_SOURCE,
    quiet: true,
    logger: quiet,
    jobs: FINE_SLICES,
    backups: { ...NO_TIMERS, ...backups },
  });
  return withCall(host, () => host.close());
}

type Caller = Pick<CoreHost, 'call'>;

export function withCall<C extends Caller>(core: C, close: () => unknown) {
  const call = async (name: string, input: unknown): Promise<Loose> => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const attempt = (name: string, input: unknown) => core.call(name, input) as Promise<Loose>;
  return { core, call, attempt, close };
}

export async function withStaff(call: (name: string, input: unknown) => Promise<Loose>) {
  const staff = await call('staff.create', { name: '女将 山田' });
  await call('staff.setCurrent', { id: staff.id });
}

export const guest = (familyName: string, familyReading: string) => ({
  fields: { familyName, givenName: '花子', familyReading, givenReading: 'はなこ' },
});

/** Family names of the guests in a database file, read-only. */
export function familyNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare('SELECT family_name FROM guests WHERE deleted_at IS NULL ORDER BY family_name')
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}
