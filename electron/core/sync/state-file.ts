import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { opSchema } from './membership/ops.ts';

// This PC's sync settings and what it knows of the group, in one small JSON file in the sync folder beside
// the database (`<database>.sync/sync.json`). They are this PC's own: a copied or restored database file does
// not carry them, so it cannot pose as this PC. Written whole, through a temporary file and a rename, so a crash
// leaves the old file or the new one, never half of one.

export const DEFAULT_SYNC_PORT = 4871;

const address = z.object({ host: z.string().max(253), port: z.number().int().min(1).max(65535) });

const syncFileSchema = z.object({
  enabled: z.boolean(),
  name: z.string().min(1).max(40),
  port: z.number().int().min(1024).max(65535),
  /** The signed membership operations (membership/ops.ts), as received: the member list is derived from them. */
  ops: z.array(opSchema).max(10_000),
  /** Where each member was last reached, by device id. */
  addresses: z.record(z.string(), address),
  /**
   * The name each member last gave itself (over its own authenticated connection): a PC renamed after it
   * joined shows under its new name, while the member list keeps the name it was added under.
   */
  names: z.record(z.string(), z.string().min(1).max(40)).default({}),
  /** The first join by snapshot (snapshot/coordinator.ts): done, failed tries, or a swap to finish at start. */
  snapshot: z
    .object({
      joined: z.object({ from: z.string(), at: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
      failures: z.number().int().nonnegative(),
      pending: z
        .object({ from: z.string(), at: z.string(), aside: z.string(), bytes: z.number().int().nonnegative() })
        .nullable(),
    })
    .default({ joined: null, failures: 0, pending: null }),
});
export type SyncFile = z.infer<typeof syncFileSchema>;
export type PeerAddress = z.infer<typeof address>;

const FILE = 'sync.json';

export function readSyncFile(folder: string, defaults: { name: string; port: number }): SyncFile {
  const fresh: SyncFile = {
    enabled: false,
    name: defaults.name,
    port: defaults.port,
    ops: [],
    addresses: {},
    names: {},
    snapshot: { joined: null, failures: 0, pending: null },
  };
  const path = join(folder, FILE);
  if (!existsSync(path)) return fresh;
  try {
    const parsed = syncFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable: below
  }
  // A damaged file is kept aside, not overwritten: the member list in it is what pairing built.
  renameSync(path, `${path}.broken-${Date.now()}`);
  return fresh;
}

export function writeSyncFile(folder: string, file: SyncFile): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, FILE);
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(file, null, 1), { mode: 0o600 });
  renameSync(temporary, path);
}
