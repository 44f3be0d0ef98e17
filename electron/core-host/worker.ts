import { parentPort, workerData } from 'node:worker_threads';
import { fail, type Result } from '../../shared/contract/result.ts';
import { openCore } from './open-core.ts';
import type { FromWorker, ToWorker, WorkerStart } from './protocol.ts';

// The core's worker thread: opens the database, builds the core (open-core.ts) and answers the host's messages
// (protocol.ts). Everything the core does, long jobs included, runs on this thread, so the window's thread
// (Electron's main process, or `npm run serve`'s HTTP door) stays free. Started by host.ts; bundled for
// Electron as dist/electron/core-worker.cjs, run as this .ts file by Node (`npm run serve`, tests).

if (!parentPort) throw new Error('electron/core-host/worker.ts runs only as a worker thread (see host.ts)');
const port = parentPort;
const start = workerData as WorkerStart;
const quiet = { info() {}, warn: console.warn, error: console.error };
const opened = openCore({ ...start, logger: start.quiet ? quiet : console });
const { core } = opened;

const post = (message: FromWorker) => port.postMessage(message);
core.onChanged((tables) => post({ type: 'changed', tables }));
core.onProgress((progress) => post({ type: 'progress', progress }));

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
    const done = answer(message.id, core.call(message.name, message.input, message.options));
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    return;
  }
  if (message.type === 'close') {
    // Jobs stop first, while the database is open (a rebuild drops its shadow); their calls answer
    // `cancelled` within a turn or two, and are sent before the database closes and the thread ends.
    core.close();
    await Promise.allSettled([...inFlight]);
    opened.close();
    post({ type: 'closed' });
    port.close();
  }
});

post({ type: 'ready', nodeId: core.nodeId });
