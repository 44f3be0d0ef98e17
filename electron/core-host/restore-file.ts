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
