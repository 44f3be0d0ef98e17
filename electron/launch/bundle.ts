// Bundles the Electron main process and preload into dist/electron/ (run by `npm run build:electron`).
//   electron/main/main.ts       -> dist/electron/main.cjs     (Node, CommonJS; electron and better-sqlite3 external)
//   electron/preload/preload.cts -> dist/electron/preload.cjs  (sandboxed preload: one CommonJS file, electron external)
//   electron/core-host/worker.ts -> dist/electron/core-worker.cjs (the core's worker thread; better-sqlite3 external)
//   electron/core/backups/backup-thread.ts -> dist/electron/backup-thread.cjs (copies and checks a backup off the core's
//                                            thread; core/backups/thread.ts finds it beside core-worker.cjs)
//   electron/core/checkpoints/checkpoint-thread.ts -> dist/electron/checkpoint-thread.cjs (copies the WAL into the
//                                            file off the core's thread; checkpoint-client.ts finds it beside it)
//   resources/postcodes/postcodes.tsv.gz -> dist/electron/postcodes.tsv.gz (read by the core on the first
//                                            postcode lookup: electron/core/addresses/postcode-book.ts)

import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';

// Code bundled to CommonJS has no import.meta: map its Node fields onto the CommonJS equivalents.
const IMPORT_META_SHIM = "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;";
const IMPORT_META_DEFINE = {
  'import.meta.url': '__import_meta_url',
  'import.meta.dirname': '__dirname',
  'import.meta.filename': '__filename',
};

/** The core's worker and the threads it starts beside it: plain Node, better-sqlite3 left to node_modules. */
const CORE_THREADS: ReadonlyArray<[entry: string[], out: string]> = [
  [['electron', 'core-host', 'worker.ts'], 'core-worker.cjs'],
  [['electron', 'core', 'backups', 'backup-thread.ts'], 'backup-thread.cjs'],
  [['electron', 'core', 'checkpoints', 'checkpoint-thread.ts'], 'checkpoint-thread.cjs'],
];

export interface BundleOptions {
  /** Project root holding electron/main/main.ts and electron/preload/preload.cts. */
  root: string;
  /** Output folder; defaults to <root>/dist/electron. */
  outDir?: string;
}

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  logLevel: 'warning',
  sourcemap: false,
  legalComments: 'none',
};

/**
 * One entry bundled for plain Node, as the core's threads are: CommonJS, better-sqlite3 left to node_modules.
 * The import bench bundles its child process this way too, so it measures the memory of the code the app runs
 * (type stripping, which Node does for a .ts entry, costs each thread tens of MB the app never spends).
 */
export function bundleNodeEntry(root: string, entry: string, outfile: string, external = ['better-sqlite3']) {
  return build({
    ...COMMON,
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    external,
    banner: { js: IMPORT_META_SHIM },
    define: IMPORT_META_DEFINE,
  });
}

/** The core's worker and its threads into `outDir`, with the postcode data the worker reads beside them. */
export async function bundleCoreThreads(root: string, outDir: string): Promise<void> {
  await Promise.all(
    CORE_THREADS.map(([entry, out]) => bundleNodeEntry(root, path.join(root, ...entry), path.join(outDir, out))),
  );
  mkdirSync(outDir, { recursive: true });
  copyFileSync(path.join(root, 'resources', 'postcodes', 'postcodes.tsv.gz'), path.join(outDir, 'postcodes.tsv.gz'));
}

export async function bundleElectron({
  root,
  outDir = path.join(root, 'dist', 'electron'),
}: BundleOptions): Promise<void> {
  await Promise.all([
    bundleNodeEntry(root, path.join(root, 'electron', 'main', 'main.ts'), path.join(outDir, 'main.cjs'), [
      'electron',
      'better-sqlite3',
    ]),
    bundleCoreThreads(root, outDir),
    build({
      ...COMMON,
      absWorkingDir: root,
      entryPoints: [path.join(root, 'electron', 'preload', 'preload.cts')],
      outfile: path.join(outDir, 'preload.cjs'),
      external: ['electron'],
    }),
  ]);
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  bundleElectron({ root }).then(
    () =>
      console.log(
        `bundled ${path.relative(root, path.join(root, 'dist', 'electron'))}/{main,preload,core-worker,backup-thread,checkpoint-thread}.cjs`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
