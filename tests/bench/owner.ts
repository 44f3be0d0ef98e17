import type { Database } from 'better-sqlite3';
import type { Core } from '../../electron/core/create-core.ts';

/**
 * Chooses the register's owner at this PC, as the figures' calls need someone chosen who may read and write
 * everything. The bench's builder records its staff with no roles (it writes through the change engine, below the
 * calls that check them), so a register it built has no owner: its first member is made one here, on the
 * bench's own file, as sync-load-figures.ts does for its copy.
 */
export async function chooseOwner(core: Core, db: Database): Promise<void> {
  const owner = () =>
    db
      .prepare(`SELECT id FROM staff WHERE active = 1 AND roles LIKE '%"owner"%' ORDER BY rowid LIMIT 1`)
      .pluck()
      .get() as string | undefined;
  if (!owner())
    db.prepare(`UPDATE staff SET roles = '["owner","manager"]' WHERE rowid = (SELECT min(rowid) FROM staff)`).run();
  const chosen = await core.call('staff.setCurrent', { id: owner() });
  if (!chosen.ok) throw new Error(`staff.setCurrent failed: ${JSON.stringify(chosen.error)}`);
}
