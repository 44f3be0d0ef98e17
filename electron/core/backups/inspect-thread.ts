import { parentPort, workerData } from 'node:worker_threads';
import { type InspectTask, inspectFile } from './inspect.ts';

// A short-lived thread that inspects backup files (inspect.ts) and answers with one Inspection per file, so
// the core's thread never runs an integrity check itself. Started by inspector.ts; bundled for Electron as
// dist/electron/backup-inspect.cjs beside the core's worker.

if (!parentPort) throw new Error('inspect-thread.ts runs only as a worker thread (see inspector.ts)');
const tasks = workerData as InspectTask[];
parentPort.postMessage(tasks.map((task) => inspectFile(task)));
