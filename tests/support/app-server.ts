import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CoreOptions } from '../../electron/core/create-core.ts';
import { type CoreHost, startCoreHost, WORKER_SOURCE } from '../../electron/core-host/host.ts';
import { type HttpServer, startHttpServer } from '../../electron/http/server.ts';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

/** The core in its worker on a real SQLite file behind the real HTTP door, as `npm run serve` runs it. */
export type RunningApp = {
  dataFile: string;
  core: CoreHost;
  server: HttpServer;
  /** Stops the server and the core (closing the database), then starts both again on the same file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export type AppOptions = {
  dataFile?: string;
  staticDir?: string | null;
  /** The core's worker script; tests swap in one that can be made to crash. */
  entry?: URL | string;
  jobs?: CoreOptions['jobs'];
  maxRestarts?: number;
  /** LAN sync's port and listening address (tests: a free port on 127.0.0.1); its folder is beside the file. */
  sync?: { port?: number; host?: string };
};

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const dir = options.dataFile ? undefined : mkdtempSync(join(tmpdir(), 'yadocho-'));
  const dataFile = options.dataFile ?? join(dir as string, 'yadocho.sqlite');
  const quiet = { info() {}, warn() {}, error: console.error };
  const staticDir = options.staticDir === null ? undefined : (options.staticDir ?? RENDERER_DIR);

  const open = async () => {
    const core = await startCoreHost({
      file: dataFile,
      entry: options.entry ?? WORKER_SOURCE,
      quiet: true,
      logger: quiet,
      jobs: options.jobs,
      maxRestarts: options.maxRestarts,
      sync: options.sync,
    });
    const server = await startHttpServer({ core, staticDir, logger: quiet });
    return { core, server };
  };
  let current = await open();
  const close = async () => {
    await current.server.close();
    await current.core.close();
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
