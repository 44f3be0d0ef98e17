import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import type { SnapshotMessage } from '../../electron/core/sync/messages.ts';
import { createSnapshotCoordinator } from '../../electron/core/sync/snapshot/coordinator.ts';
import { receiveSnapshot } from '../../electron/core/sync/snapshot/receive.ts';
import { readSyncFile } from '../../electron/core/sync/state-file.ts';
import { openCore } from '../../electron/core-host/open-core.ts';
import { syncedTables } from '../support/replica.ts';

// The new PC's side of a first join by snapshot, fed by hand: a copy that is truncated, altered on the way,
// damaged at its source (the digest matches but SQLite's check does not), from a newer schema, out of order,
// or too large for the disk is refused; the partial file is removed, the swap (the worker's restore hook) is
// never asked for, and the register in use is exactly as it was. A good copy is checked, reset and handed on.

const root = mkdtempSync(join(tmpdir(), 'yadocho-snapshot-receiver-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const quiet = { info() {}, warn() {}, error() {} };
const ID = '01900000-0000-7000-8000-000000000001';
const CHUNK = 64 * 1024;
const REQUEST_ID = '01900000-0000-7000-8000-0000000000aa';

/** A member's register of a few guests, closed: the bytes a member would send. */
async function memberCopy(name: string): Promise<Buffer> {
  const file = join(root, `${name}.sqlite`);
  const opened = openCore({ file, ownFolder: false, logger: quiet });
  const call = async (callName: string, input: unknown) => {
    const result = await opened.core.call(callName, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as { id: string };
  };
  const staff = await call('staff.create', { name: '女将' });
  await call('staff.setCurrent', { id: staff.id });
  for (let i = 0; i < 29; i++)
    await call('guests.create', { fields: { familyName: `客${i}`, familyReading: 'きゃく' } });
  // One answer kept by request id at the member: it must not travel as the new PC's.
  const kept = await opened.core.call(
    'guests.create',
    { fields: { familyName: '客29', familyReading: 'きゃく' } },
    { requestId: '01900000-0000-7000-8000-0000000000bb' },
  );
  if (!kept.ok) throw new Error(JSON.stringify(kept.error));
  opened.close();
  // As the backups' thread seals a copy: one self-contained file, no WAL beside it.
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.close();
  return readFileSync(file);
}

function messages(bytes: Buffer, options: { sha?: string; announce?: number; schema?: number } = {}) {
  const list: SnapshotMessage[] = [
    { t: 'snapshot_begin', id: ID, bytes: options.announce ?? bytes.length, schema: options.schema ?? 14 },
  ];
  for (let at = 0; at < bytes.length; at += CHUNK) {
    list.push({ t: 'snapshot_chunk', id: ID, at, data: bytes.subarray(at, at + CHUNK) });
  }
  list.push({ t: 'snapshot_end', id: ID, sha256: options.sha ?? createHash('sha256').update(bytes).digest('hex') });
  return list;
}

/** A new PC's register and the coordinator of its sync folder, with a restore hook that only records. */
function newPc(name: string) {
  const file = join(root, `${name}.sqlite`);
  const db = openDatabase(file, { ownFolder: false });
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: quiet });
  const opened = {
    close() {
      core.close();
      db.close();
    },
  };
  const folder = join(root, `${name}.snapshot-test`);
  mkdirSync(folder, { recursive: true });
  const restores: string[] = [];
  const syncFile = readSyncFile(folder, { name, port: 4871 });
  const call = async (callName: string, input: unknown) => {
    const result = await core.call(callName, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };
  const state = { ownGuests: false, busy: false };
  const coordinator = createSnapshotCoordinator({
    db: db,
    log: syncLogOf(core),
    folder,
    file: syncFile,
    save() {},
    hasOwnGuests: () => state.ownGuests,
    restore: async (staged) => {
      restores.push(staged);
      return { nodeId: 'x' };
    },
    busy: () => state.busy,
    clock: Date.now,
    logger: quiet,
  });
  const before = syncedTables(db);
  /** Feeds the messages; resolves with the failure reason, or 'swapped' once the restore hook was asked. */
  const feed = async (list: SnapshotMessage[]) => {
    // Each case starts as a first try (three failed tries make the PC join by replay: checked below).
    syncFile.snapshot.failures = 0;
    expect(coordinator.session.wants('member')).toBe(true);
    let failure: string | null = null;
    const acks: number[] = [];
    const inbox = coordinator.session.receive(
      'member',
      (message) => {
        if (message.t === 'snapshot_ack') acks.push(message.upTo);
      },
      (reason) => {
        failure = reason;
      },
    );
    for (const message of list) inbox.take(message);
    for (let i = 0; i < 200 && failure === null && restores.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    coordinator.session.release('member');
    return { outcome: failure ?? (restores.length > 0 ? 'swapped' : 'nothing'), acks };
  };
  const unchanged = () => {
    expect(syncedTables(db)).toEqual(before);
    expect(readdirSync(folder).filter((entry) => entry.startsWith('snapshot-'))).toEqual([]);
    expect(existsSync(`${file}.snapshot`)).toBe(false);
  };
  const wants = () => {
    const wanted = coordinator.session.wants('member');
    coordinator.session.release('member');
    return wanted;
  };
  return {
    opened,
    folder,
    syncFile,
    restores,
    feed,
    unchanged,
    file,
    wants,
    call,
    coordinator,
    core,
    nodeId: core.nodeId,
    schema: core.changes.schema,
    set ownGuests(value: boolean) {
      state.ownGuests = value;
    },
    set busy(value: boolean) {
      state.busy = value;
    },
  };
}

describe('the snapshot receiver', () => {
  it('refuses a truncated, altered, damaged, newer or out-of-order copy and leaves the register as it was', async () => {
    const good = await memberCopy('member');
    const pc = newPc('refusing');
    try {
      // Truncated: the last chunk never came.
      const cut = messages(good);
      cut.splice(cut.length - 2, 1);
      expect((await pc.feed(cut)).outcome).toBe('check_failed');
      pc.unchanged();

      // Altered on the way: one byte differs from what the digest covers.
      const altered = Buffer.from(good);
      altered[altered.length - 100] = (altered[altered.length - 100] as number) ^ 0xff;
      expect((await pc.feed(messages(altered, { sha: createHash('sha256').update(good).digest('hex') }))).outcome).toBe(
        'check_failed',
      );
      pc.unchanged();

      // Damaged at the member: the digest is of the damaged bytes, so only SQLite's check can tell.
      const damaged = Buffer.from(good);
      for (let at = 4096 * 3; at < damaged.length; at += 4096) damaged.fill(0x5a, at + 100, at + 3000);
      expect((await pc.feed(messages(damaged))).outcome).toBe('check_failed');
      pc.unchanged();

      // A register of a newer schema than this app knows: refused with its own reason (update this app).
      const bumped = Buffer.from(good);
      bumped.writeUInt32BE(999, 60); // SQLite's header: user_version at offset 60
      expect((await pc.feed(messages(bumped))).outcome).toBe('schema');
      pc.unchanged();

      // Chunks out of order, and a chunk past the announced size.
      const shuffled = messages(good);
      [shuffled[1], shuffled[2]] = [shuffled[2] as SnapshotMessage, shuffled[1] as SnapshotMessage];
      expect((await pc.feed(shuffled)).outcome).toBe('check_failed');
      pc.unchanged();
      expect((await pc.feed(messages(good, { announce: good.length - 10 }))).outcome).toBe('check_failed');
      pc.unchanged();

      // Each failure is counted; after three the PC stops asking and joins by replay.
      expect(pc.syncFile.snapshot.failures).toBe(1);
      pc.syncFile.snapshot.failures = 3;
      expect(pc.wants()).toBe(false);
      expect(pc.restores).toEqual([]);
    } finally {
      pc.opened.close();
    }
  });

  it('decides who asks and who serves: an empty PC asks once; a member with sample data or a newer schema refuses', async () => {
    const pc = newPc('deciding');
    try {
      expect(pc.coordinator.session.wants('member')).toBe(true);
      // One join at a time: a second session does not ask while the first holds the claim.
      expect(pc.coordinator.session.wants('other')).toBe(false);
      pc.coordinator.session.release('member');
      expect(pc.coordinator.session.refusal('new', pc.schema)).toBeNull();
      // The new PC's app is older than this register's schema: it could not open the copy.
      expect(pc.coordinator.session.refusal('new', pc.schema - 1)).toBe('schema');
      // Sample data loaded here: a copy would carry the sample guests, which sync never ships.
      await pc.call('demo.load', { count: 5, seed: 1 });
      expect(pc.coordinator.session.refusal('new', pc.schema)).toBe('sample_data');
      // Sample data alone still counts as an empty register: this PC would still ask for a copy.
      expect(pc.wants()).toBe(true);
      // A guest of its own: joining merges it, by replay.
      pc.ownGuests = true;
      expect(pc.wants()).toBe(false);
    } finally {
      pc.opened.close();
    }
  });

  it('refuses a copy the disk has no room for before writing a byte', async () => {
    const folder = join(root, 'full-disk');
    mkdirSync(folder, { recursive: true });
    let failure: string | null = null;
    const inbox = receiveSnapshot({
      folder,
      send() {},
      fail: (reason) => {
        failure = reason;
      },
      progress() {},
      received() {},
      freeBytes: () => 1024,
    });
    inbox.take({ t: 'snapshot_begin', id: ID, bytes: 10 * 1024 * 1024, schema: 14 });
    expect(failure).toBe('no_space');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('takes a good copy: acknowledged as written, checked, reset, and handed to the swap', async () => {
    const good = await memberCopy('member-good');
    const pc = newPc('taking');
    try {
      const staff = (await pc.call('staff.create', { name: '新人' })) as { id: string };
      await pc.call('staff.setCurrent', { id: staff.id });
      const answered = await pc.core.call(
        'guests.create',
        { fields: { familyName: '新規', familyReading: 'しんき' } },
        { requestId: REQUEST_ID },
      );
      expect(answered.ok).toBe(true);
      const { outcome, acks } = await pc.feed(messages(good));
      expect(outcome).toBe('swapped');
      expect(acks.at(-1)).toBe(good.length);
      const staged = pc.restores[0] as string;
      const copy = new Database(staged, { readonly: true });
      try {
        const meta = Object.fromEntries(
          (copy.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((row) => [
            row.key,
            row.value,
          ]),
        );
        expect(meta.node_new_epoch).toBe('snapshot');
        // The member's node identity is gone: the copy carries this PC's own id and epochs.
        expect(meta.node_id).toBe(pc.nodeId);
        expect(copy.prepare('SELECT node FROM node_epochs').pluck().all()).toEqual([pc.nodeId]);
        expect(meta.node_file).toBeUndefined();
        // The member's answers to its own calls are gone; this PC's own (one write with a request id) are in.
        expect(copy.prepare('SELECT id FROM request_log').pluck().all()).toEqual([REQUEST_ID]);
        expect(copy.prepare('SELECT count(*) FROM guests').pluck().get()).toBe(30);
      } finally {
        copy.close();
      }
      expect(pc.syncFile.snapshot.pending?.from).toBe('member');
    } finally {
      pc.opened.close();
    }
  });

  it('holds a checked copy while the core is busy (a job, a backup, quitting), and asks no other member meanwhile', async () => {
    const good = await memberCopy('member-busy');
    const pc = newPc('busy');
    try {
      pc.busy = true;
      const { outcome } = await pc.feed(messages(good));
      // Checked and whole, but not swapped in under the job; the connection it came on may even be gone.
      expect(outcome).toBe('nothing');
      expect(pc.coordinator.session.wants('another member')).toBe(false);
      pc.busy = false;
      for (let i = 0; i < 120 && pc.restores.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(pc.restores).toHaveLength(1);
    } finally {
      pc.opened.close();
    }
  }, 30_000);
});
