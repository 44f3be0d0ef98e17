import { parentPort } from 'node:worker_threads';

// The core's real worker, which also dies on a call whose options say `crash` (options reach the worker
// untouched): how tests make the worker crash while other calls are waiting. Registered before the real
// worker's listener, so the crashing call is never answered.
parentPort?.on('message', (message: { type: string; options?: { crash?: boolean } }) => {
  if (message.type === 'call' && message.options?.crash) process.exit(70);
});
await import('../../electron/core-host/worker.ts');
