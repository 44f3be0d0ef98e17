import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { uuidToBytes } from '../../../db/log/codec.ts';

// This PC's identity in the log: a node id per database epoch. A node id must never write twice under the
// same stamps, or peers that already hold a stamp would drop the second write as a duplicate. That happens
// when a file is copied to another PC (two databases, one node id) or an older copy is restored (the node's
// later stamps are already out there). Both are detected at open, and the database takes a new node id; the
// old one stays in node_epochs as history, and its entries stay in the log under it.
//
// - Copied, moved or restored from a backup: the file is not the one the node id was made for. The database
//   remembers its file's path, device and inode (meta.node_file); a different file means a new epoch.
// - Restored in place: a small file beside the database (<file>.node) keeps the latest stamp this node has
//   written; a database whose own latest stamp is older than that is an older copy, and takes a new epoch.
// - A copy received for a first join by snapshot: marked `node_new_epoch` by the receiver.
// An in-memory database (tests) has one epoch.

export type NodeIdentity = { nodeId: string; newEpoch: boolean; reason: string | null };

type FileMark = { path: string; dev: number; ino: number };

function fileMark(file: string): FileMark | null {
  if (!file || file === ':memory:' || !existsSync(file)) return null;
  const stat = statSync(file);
  return { path: file, dev: stat.dev, ino: stat.ino };
}

const sidecar = (file: string) => `${file}.node`;

function readSidecar(file: string): { node: string; hlc: number } | null {
  try {
    const parsed = JSON.parse(readFileSync(sidecar(file), 'utf8')) as { node?: unknown; hlc?: unknown };
    return typeof parsed.node === 'string' && typeof parsed.hlc === 'number'
      ? { node: parsed.node, hlc: parsed.hlc }
      : null;
  } catch {
    return null;
  }
}

function ownLatestStamp(db: Database, nodeId: string): number {
  const row = db
    .prepare('SELECT max(t.hlc) FROM log_tx t JOIN log_nodes n ON n.id = t.node WHERE n.node = ?')
    .pluck()
    .get(uuidToBytes(nodeId)) as number | null;
  return row ?? 0;
}

/** Keeps the sidecar's mark of this node's latest stamp; called when idle and at close. */
export function recordHighWater(db: Database, nodeId: string): void {
  const file = db.name;
  if (!fileMark(file)) return;
  const hlc = ownLatestStamp(db, nodeId);
  const previous = readSidecar(file);
  if (previous && previous.node === nodeId && previous.hlc >= hlc) return;
  const temp = `${sidecar(file)}.tmp`;
  writeFileSync(temp, JSON.stringify({ node: nodeId, hlc }), { mode: 0o600 });
  renameSync(temp, sidecar(file));
}

/** The node id this database writes under, starting a new epoch when the file is a copy or an older one. */
export function openNodeIdentity(db: Database): NodeIdentity {
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const current = meta.get('node_id') as string | undefined;
  const mark = fileMark(db.name);
  let reason: string | null = null;
  // A register copy a member sent for a first join (sync/snapshot/stage.ts) says so itself: whatever file it
  // now is, it is not the member's, and must never write under the member's node id.
  const marked = meta.get('node_new_epoch') as string | undefined;
  if (!current) reason = 'new';
  else if (marked) reason = marked;
  else if (mark) {
    const known = meta.get('node_file') as string | undefined;
    const was = known ? (JSON.parse(known) as FileMark) : null;
    if (was && (was.dev !== mark.dev || was.ino !== mark.ino || was.path !== mark.path)) reason = 'copied';
    const side = readSidecar(db.name);
    if (!reason && side && side.node === current && side.hlc > ownLatestStamp(db, current)) reason = 'restored';
  }
  const now = new Date().toISOString();
  const nodeId = reason ? uuidv7() : (current as string);
  db.transaction(() => {
    if (reason) {
      if (current)
        db.prepare('UPDATE node_epochs SET ended_at = ? WHERE node = ? AND ended_at IS NULL').run(now, current);
      db.prepare('INSERT INTO node_epochs (node, started_at, reason) VALUES (?, ?, ?)').run(nodeId, now, reason);
      setMeta.run('node_id', nodeId);
    }
    if (mark) setMeta.run('node_file', JSON.stringify(mark));
    if (marked) db.prepare("DELETE FROM meta WHERE key = 'node_new_epoch'").run();
  })();
  if (reason && reason !== 'new') recordHighWater(db, nodeId);
  return { nodeId, newEpoch: reason !== null && reason !== 'new', reason };
}
