import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SYNCED_TABLES } from '../../db/schema.ts';
import { CallFailure, fail, type Result } from '../../shared/contract/result.ts';
import { type OpenedCore, openCore } from './open-core.ts';
import type { FromWorker, ToWorker, WorkerStart } from './protocol.ts';
import { finishInterruptedSwap, swapInRestored } from './restore-file.ts';

// The core's worker thread: opens the database, builds the core (open-core.ts) and answers the host's messages
// (protocol.ts). Everything the core does, long jobs included, runs on this thread, so the window's thread
// (Electron's main process, or `npm run serve`'s HTTP door) stays free. Started by host.ts; bundled for
// Electron as dist/electron/core-worker.cjs, run as this .ts file by Node (`npm run serve`, tests).

if (!parentPort) throw new Error('electron/core-host/worker.ts runs only as a worker thread (see host.ts)');
const port = parentPort;
const start = workerData as WorkerStart;
const quiet = { info() {}, warn: console.warn, error: console.error };
const logger = start.quiet ? quiet : console;

const post = (message: FromWorker) => port.postMessage(message);

const open = (): OpenedCore => {
  const next = openCore({ ...start, logger, restore });
  next.core.onChanged((tables) => post({ type: 'changed', tables }));
  next.core.onProgress((progress) => post({ type: 'progress', progress }));
  return next;
};

// backups.restore, once the backup is checked and staged beside the database (core/backups/service.ts): the
// core closes (a job it runs ends `cancelled`), the current file goes aside, the staged copy takes its name
// and a new core opens on it. The file is not the one this PC's node id was made for, so the new core writes
// as a new node (changes/identity.ts); the host learns its id from a second `ready`. All of it is synchronous
// between two messages: no call reaches a closed core.
async function restore(staged: string, aside: string): Promise<{ nodeId: string }> {
  opened.close();
  const swap = swapInRestored(start.file, staged, aside);
  try {
    opened = open();
  } catch (error) {
    logger.error('the restored register could not be opened; the previous one is back in place', error);
    swap.undo();
    rmSync(staged, { force: true });
    opened = open();
    post({ type: 'ready', nodeId: opened.core.nodeId });
    throw new CallFailure('conflict', 'backup_damaged');
  }
  post({ type: 'ready', nodeId: opened.core.nodeId });
  // Every record may differ now: screens open elsewhere (another browser tab) read theirs again.
  post({ type: 'changed', tables: [...SYNCED_TABLES, 'staff'] });
  return { nodeId: opened.core.nodeId };
}

if (finishInterruptedSwap(start.file)) logger.warn('a register copy’s swap was cut short; it is finished now');
let opened = open();

const inFlight = new Set<Promise<void>>();

const answer = async (id: number, pending: Promise<Result<unknown>>) => {
  const result = await pending;
  try {
    post({ type: 'result', id, result });
  } catch (error) {
    // A value the structured clone cannot carry is a bug in a handler: answer as the core answers bugs.
    console.error('a call’s answer could not be sent to the host', error);
    post({ type: 'result', id, result: fail('internal') });
  }
};

port.on('message', async (message: ToWorker) => {
  if (message.type === 'call') {
    const done = answer(message.id, opened.core.call(message.name, message.input, message.options));
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    return;
  }
  if (message.type === 'close') {
    // The backup on quitting first, bounded in time (it stops itself before the host's close timeout).
    await opened.core.beforeClose();
    // Jobs stop first, while the database is open (a rebuild drops its shadow); their calls answer
    // `cancelled` within a turn or two, and are sent before the database closes and the thread ends.
    opened.core.close();
    await Promise.allSettled([...inFlight]);
    opened.close();
    post({ type: 'closed' });
    port.close();
  }
});

post({ type: 'ready', nodeId: opened.core.nodeId });
