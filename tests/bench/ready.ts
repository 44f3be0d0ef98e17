import type { Database } from 'better-sqlite3';

// A core made ready for the figures: someone chosen who may do everything, and the jobs it starts on opening done.
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

/**
 * Waits for the jobs the core starts on opening a register (the manager's day totals, ranks, an index made with
 * older keys): they run in slices between calls, and a figure timed meanwhile would time them too. As on a PC where
 * the app has been open. Answers the seconds waited.
 */
export async function openingJobsDone(core: Core): Promise<number> {
  const started = performance.now();
  for (;;) {
    const jobs = await core.call('jobs.list', {});
    if (!jobs.ok || (jobs.value as { jobs: unknown[] }).jobs.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (performance.now() - started) / 1000;
}
