import Database from 'better-sqlite3';
import { inspectInThread } from '../../backups/thread.ts';
import type { SnapshotRefusal } from '../messages.ts';

// A received register copy made ready to be this PC's register, before anything is swapped:
//
// 1. Checked in the backups' thread (backups/inspect.ts): a Yadocho register, of a schema this version knows
//    (a newer one is refused: this PC's app must be updated first, and it joins by replay meanwhile), and
//    SQLite's quick_check passes (every page and record read; the digest already proved the bytes are the
//    member's, this proves the member's copy itself is sound).
// 2. What is the member's own, and must not become this PC's, is reset (the list in docs/sync-protocol.md):
//    - its node identity: `node_id` and `node_epochs` become this PC's own (the node ids this PC wrote under,
//      so its history stays its own and never claims the member's), `node_file` goes and `node_new_epoch` says
//      why, so the copy takes a new node id when it opens (changes/identity.ts), exactly as a restored file
//      does, and never writes under the member's nor under this PC's previous one;
//    - who works at the member's PC: this PC's own choice is kept if that person is in the copy;
//    - local-only records of what happened at the member: the request log (answers to the member's calls,
//      which a retry here must not be given; this PC's own answers take their place, since the writes they
//      answer are in the copy or carried over after it) and wrong-PIN counts (a lockout is the member PC's).
//    The synced tables, the log, conflicts and every derived table (the search index, ranks, day totals, the
//    last duplicate scan's candidates with `duplicates_scanned_at`) come as they are: they are one consistent
//    SQLite snapshot, and the derived ones describe exactly the rows that came with them.

export type StageOutcome = { ok: true; guests: number } | { ok: false; reason: SnapshotRefusal; detail: string };

export type EpochRow = { node: string; started_at: string; ended_at: string | null; reason: string };

export type RequestRow = { id: string; call: string; at: number; result: string };

/** What this PC keeps of its own across the swap: its node identity's history, who works at it, its answers. */
export type KeptOwn = { nodeId: string; epochs: EpochRow[]; currentStaffId: string | null; requests: RequestRow[] };

export async function stageSnapshot(file: string, keep: KeptOwn): Promise<StageOutcome> {
  const [inspection] = await inspectInThread([{ file, integrity: 'quick' }]);
  if (!inspection?.ok) {
    const reason = inspection?.reason === 'newer' ? 'schema' : 'check_failed';
    return { ok: false, reason, detail: `${inspection?.reason ?? 'unreadable'} ${inspection?.detail ?? ''}`.trim() };
  }
  const db = new Database(file, { fileMustExist: true });
  try {
    db.transaction(() => {
      const setMeta = db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      db.prepare("DELETE FROM meta WHERE key IN ('node_file', 'current_staff_id')").run();
      setMeta.run('node_id', keep.nodeId);
      setMeta.run('node_new_epoch', 'snapshot');
      db.prepare('DELETE FROM node_epochs').run();
      const epoch = db.prepare('INSERT INTO node_epochs (node, started_at, ended_at, reason) VALUES (?, ?, ?, ?)');
      for (const row of keep.epochs) epoch.run(row.node, row.started_at, row.ended_at, row.reason);
      const staff = keep.currentStaffId;
      if (staff && db.prepare('SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL').get(staff)) {
        setMeta.run('current_staff_id', staff);
      }
      db.prepare('DELETE FROM request_log').run();
      const request = db.prepare('INSERT INTO request_log (id, call, at, result) VALUES (?, ?, ?, ?)');
      for (const row of keep.requests) request.run(row.id, row.call, row.at, row.result);
      db.prepare('DELETE FROM staff_pin_attempts').run();
    })();
  } finally {
    db.close();
  }
  return { ok: true, guests: inspection.counts.guests };
}
