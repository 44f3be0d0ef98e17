import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCoreHost, WORKER_SOURCE } from '../core-host/host.ts';
import { type HttpServer, startHttpServer } from '../http/server.ts';
import { DATABASE_FILE, defaultDataDir } from './data-dir.ts';
import { launcherLanguage } from './messages.ts';
import { lockOrExit } from './open-locked.ts';
import { PORT_IN_USE_EXIT_CODE, portInUseMessage } from './port-in-use.ts';

// `npm run serve`: the same app in a browser, without Electron. The core runs headless in its own worker
// thread (electron/core-host), behind the HTTP door on loopback in this one; open the printed address (it
// carries this launch's token).

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4870' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    demo: { type: 'boolean', default: false },
    // LAN sync's port (default 4871) and the address it listens on (default every interface): several PCs on
    // one machine each take their own --data and --sync-port.
    'sync-port': { type: 'string' },
    'sync-host': { type: 'string' },
  },
  allowPositionals: true,
});

const dataFile = values.data ? resolve(values.data) : join(defaultDataDir(), DATABASE_FILE);
// The default folder is the app's own (0700); a file named with --data lives in a folder the user chose.
// One process per file: a second serve or the desktop app on it is refused, naming this one (db/lock.ts).
const lock = lockOrExit(dataFile, { ownFolder: !values.data, lock: { door: 'serve' } });
const syncPort = values['sync-port'] === undefined ? undefined : Number(values['sync-port']);
if (syncPort !== undefined && !(Number.isInteger(syncPort) && syncPort >= 1024 && syncPort <= 65535)) {
  console.error(`--sync-port must be a number from 1024 to 65535 (given: ${values['sync-port']})`);
  lock.release();
  process.exit(2);
}
const core = await startCoreHost({
  file: dataFile,
  ownFolder: !values.data,
  entry: WORKER_SOURCE,
  sync: { port: syncPort, host: values['sync-host'] },
});
core.onStopped(() => {
  console.error('Yadocho’s core keeps failing; stopping. The log above says why.');
  lock.release();
  process.exit(1);
});

// Listening comes before the sample data: a taken port is said at once, not after loading 500 guests. The
// address is printed (with its token) only once both are done.
const port = Number(values.port);
let server: HttpServer;
try {
  server = await startHttpServer({
    core,
    host: values.host,
    port,
    staticDir: resolve(import.meta.dirname, '../../dist/renderer'),
  });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  const args = process.argv.slice(2);
  console.error(await portInUseMessage({ host: values.host, port, args }, launcherLanguage()));
  await core.close();
  lock.release();
  process.exit(PORT_IN_USE_EXIT_CODE);
}

if (values.demo) await core.call('demo.load', { count: 500, ifEmpty: true });

lock.update({ address: server.url });
console.log(`Yadocho is running. Data: ${dataFile}`);
console.log(`Open ${server.pageUrl}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  // Stops any job at its next slice and closes the database cleanly in the worker.
  await core.close();
  lock.release();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
