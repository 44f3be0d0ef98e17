import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { type HttpServer, startHttpServer } from '../../electron/http/server.ts';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

/** A real core on a real SQLite file behind the real HTTP door, as `npm run serve` runs it. */
export type RunningApp = {
  dataFile: string;
  core: Core;
  server: HttpServer;
  /** Stops the server and closes the database, then starts both again on the same file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export async function startApp(options: { dataFile?: string; staticDir?: string | null } = {}): Promise<RunningApp> {
  const dir = options.dataFile ? undefined : mkdtempSync(join(tmpdir(), 'yadocho-'));
  const dataFile = options.dataFile ?? join(dir as string, 'yadocho.sqlite');
  const quiet = { info() {}, warn() {}, error: console.error };
  const staticDir = options.staticDir === null ? undefined : (options.staticDir ?? RENDERER_DIR);

  const open = async () => {
    const db = openDatabase(dataFile);
    const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: quiet });
    const server = await startHttpServer({ core, staticDir, logger: quiet });
    return { db, core, server };
  };
  let current = await open();
  const close = async () => {
    await current.server.close();
    current.core.close();
    current.db.close();
  };
  const app: RunningApp = {
    dataFile,
    get core() {
      return current.core;
    },
    get server() {
      return current.server;
    },
    async restart() {
      await close();
      current = await open();
    },
    async stop() {
      await close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}
