import { openDatabase } from '../../db/open.ts';
import type { CheckpointOptions } from '../core/checkpoint.ts';
import type { Logger } from '../core/context.ts';
import { type Core, type CoreOptions, createCore } from '../core/create-core.ts';
import { loadOrCreateNodeId } from '../core/node-identity.ts';

export type OpenCoreOptions = {
  /** The SQLite file of this PC (created and migrated when needed). */
  file: string;
  logger?: Logger;
  version?: string;
  checkpoint?: CheckpointOptions;
  jobs?: CoreOptions['jobs'];
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
  const db = openDatabase(options.file);
  try {
    const nodeId = loadOrCreateNodeId(db);
    const core = createCore({
      db,
      nodeId,
      logger: options.logger,
      version: options.version,
      checkpoint: options.checkpoint,
      jobs: options.jobs,
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
