import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../core/changes/identity.ts';
import type { CheckpointOptions } from '../core/checkpoints/checkpointer.ts';
import type { Logger } from '../core/context.ts';
import { type Core, type CoreOptions, createCore } from '../core/create-core.ts';

export type OpenCoreOptions = {
  /** The SQLite file of this PC (created and migrated when needed). */
  file: string;
  /**
   * Whether the file's folder is the app's own (the default data folder), kept 0700; a file named with
   * `--data` lives in a folder the user chose, which is left as it is (db/private-files.ts).
   */
  ownFolder?: boolean;
  logger?: Logger;
  version?: string;
  checkpoint?: CheckpointOptions;
  jobs?: CoreOptions['jobs'];
  backups?: CoreOptions['backups'];
  /** LAN sync's port and listening address (npm run serve --sync-port, --sync-host); its folder is beside the file. */
  sync?: { port?: number; host?: string };
  /** Given by the worker: how backups.restore replaces the file and reopens the core (worker.ts). */
  restore?: CoreOptions['restore'];
};

export type OpenedCore = {
  core: Core;
  /** Stops the core (its jobs first) and closes the database. */
  close(): void;
};

/**
 * The steps that start the core on a database file: open (and migrate) it, identify this PC, build the core.
 * One function, so how this PC's identity is loaded changes in one place; the core's worker calls it.
 */
export function openCore(options: OpenCoreOptions): OpenedCore {
  const db = openDatabase(options.file, { ownFolder: options.ownFolder ?? true });
  try {
    // A copied or restored file takes a new node id here (changes/identity.ts).
    const { nodeId, newEpoch, reason } = openNodeIdentity(db);
    if (newEpoch) {
      const what = reason === 'snapshot' ? 'is a copy of another PC’s register' : `was ${reason}`;
      options.logger?.warn(`this database ${what}: it writes as a new node from now on (${nodeId})`);
    }
    const core = createCore({
      db,
      nodeId,
      logger: options.logger,
      version: options.version,
      checkpoint: options.checkpoint,
      jobs: options.jobs,
      backups: options.backups,
      restore: options.restore,
      // The sync folder (keys, member list) sits beside the file, not in it: a copied file is not this PC.
      sync: { folder: `${options.file}.sync`, ...options.sync },
    });
    return {
      core,
      close() {
        try {
          core.close();
        } finally {
          if (db.open) db.close();
        }
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
