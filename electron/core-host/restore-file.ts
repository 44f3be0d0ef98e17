import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { DATABASE_SIDECARS } from '../../db/private-files.ts';

// The file dance of a restore, done by the core's worker while no core has the database open: the current
// file (and any -wal/-shm SQLite left) goes aside under `aside`, the staged copy of the backup takes its name.
// `undo` puts everything back as it was, for when the restored file cannot be opened.

export function swapInRestored(file: string, staged: string, aside: string): { undo(): void } {
  renameSync(file, aside);
  const moved: string[] = [];
  for (const suffix of DATABASE_SIDECARS) {
    if (!existsSync(file + suffix)) continue;
    renameSync(file + suffix, aside + suffix);
    moved.push(suffix);
  }
  renameSync(staged, file);
  return {
    undo() {
      for (const suffix of DATABASE_SIDECARS) if (existsSync(file + suffix)) unlinkSync(file + suffix);
      renameSync(file, staged);
      renameSync(aside, file);
      for (const suffix of moved) renameSync(aside + suffix, file + suffix);
    },
  };
}

/**
 * A swap cut between its two renames (the process killed, the PC off) leaves no register under its name, the
 * previous one aside and the staged copy beside it. Opening would make a new, blank register there. A staged
 * register copy for a first join (`<file>.snapshot`, sync/snapshot/) was checked whole before the swap began,
 * so the swap is finished instead; the sync service then finds the swap noted in sync.json and completes it.
 */
export function finishInterruptedSwap(file: string): boolean {
  const staged = `${file}.snapshot`;
  if (existsSync(file) || !existsSync(staged)) return false;
  // Cut after the register went aside but before its -wal/-shm did: they belong to the previous register, and
  // SQLite would replay them onto the copy. They go: what they held is in the copy already (the new PC asks for
  // one only once the member holds all its transactions, and the next core carries over anything later).
  for (const suffix of DATABASE_SIDECARS) if (existsSync(file + suffix)) unlinkSync(file + suffix);
  renameSync(staged, file);
  return true;
}
