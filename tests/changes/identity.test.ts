import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';

// A node id writes each stamp once. A copied file (another PC set up from this one's file) or an older copy
// restored over it would write again under stamps its peers already hold, and those writes would be dropped
// as duplicates: both take a new node id, and the old one stays in the history of epochs.

const quiet = { info() {}, warn() {}, error() {} };

async function openWithWrite(file: string, name: string) {
  const db = openDatabase(file);
  const identity = openNodeIdentity(db);
  const core = createCore({ db, nodeId: identity.nodeId, logger: quiet });
  // A write: adding a colleague, by whoever is at this PC (the first one adds themself on an empty register).
  const [someone] = ((await core.call('staff.list', {})) as { ok: true; value: { staff: Array<{ id: string }> } }).value
    .staff;
  if (someone) await core.call('staff.setCurrent', { id: someone.id });
  const staff = await core.call('staff.create', { name });
  expect(staff.ok).toBe(true);
  core.close();
  db.close();
  return { identity, staff };
}

const epochs = (file: string) => {
  const db = openDatabase(file);
  const rows = db
    .prepare('SELECT node, reason, ended_at IS NOT NULL AS ended FROM node_epochs ORDER BY started_at, node')
    .all();
  db.close();
  return rows;
};

describe('node identity per database epoch', () => {
  it('keeps its node id when the same file is opened again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-id-')), 'y.sqlite');
    const first = await openWithWrite(file, 'A');
    const again = await openWithWrite(file, 'B');
    expect(first.identity.reason).toBe('new');
    expect(again.identity).toEqual({ nodeId: first.identity.nodeId, newEpoch: false, reason: null });
  });

  it('takes a new node id when the file was copied elsewhere, keeping the old one as history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-id-'));
    const file = join(dir, 'y.sqlite');
    const original = await openWithWrite(file, 'A');
    const copy = join(mkdtempSync(join(tmpdir(), 'yadocho-id-')), 'y.sqlite');
    copyFileSync(file, copy);
    const copied = await openWithWrite(copy, 'B');
    expect(copied.identity.newEpoch).toBe(true);
    expect(copied.identity.reason).toBe('copied');
    expect(copied.identity.nodeId).not.toBe(original.identity.nodeId);
    expect(epochs(copy)).toEqual([
      { node: original.identity.nodeId, reason: 'new', ended: 1 },
      { node: copied.identity.nodeId, reason: 'copied', ended: 0 },
    ]);
    // The original goes on under its own id.
    expect((await openWithWrite(file, 'C')).identity.nodeId).toBe(original.identity.nodeId);
  });

  it('takes a new node id when an older copy is restored in place over the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-id-')), 'y.sqlite');
    const first = await openWithWrite(file, 'A');
    const backup = readFileSync(file);
    await openWithWrite(file, 'B'); // written after the backup, and out there on other PCs
    writeFileSync(file, backup); // the same file (path and inode), older contents
    const restored = await openWithWrite(file, 'C');
    expect(restored.identity.reason).toBe('restored');
    expect(restored.identity.nodeId).not.toBe(first.identity.nodeId);
  });
});
