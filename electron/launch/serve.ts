import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openNodeIdentity } from '../core/changes/identity.ts';
import { createCore } from '../core/create-core.ts';
import { startHttpServer } from '../http/server.ts';
import { DATABASE_FILE, defaultDataDir } from './data-dir.ts';
import { openLockedOrExit } from './open-locked.ts';

// `npm run serve`: the same app in a browser, without Electron. The core runs here, headless, behind
// the HTTP door on loopback; open the printed address (it carries this launch's token).

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4870' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

const dataFile = values.data ? resolve(values.data) : join(defaultDataDir(), DATABASE_FILE);
// The default folder is the app's own (0700); a file named with --data lives in a folder the user chose.
// One process per file: a second serve or the desktop app on it is refused, naming this one (db/lock.ts).
const { db, lock } = openLockedOrExit(dataFile, { ownFolder: !values.data, lock: { door: 'serve' } });
const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId });

if (values.demo) await core.call('demo.load', { count: 500, ifEmpty: true });

const server = await startHttpServer({
  core,
  host: values.host,
  port: Number(values.port),
  staticDir: resolve(import.meta.dirname, '../../dist/renderer'),
});

lock.update({ address: server.url });
console.log(`Yadocho is running. Data: ${dataFile}`);
console.log(`Open ${server.pageUrl}`);

const stop = async () => {
  await server.close();
  core.close();
  db.close();
  lock.release();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
