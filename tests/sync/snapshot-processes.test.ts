import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { allergen } from '../kitchen/helpers.ts';
import { freePort, inSync, pairPcs, until } from '../support/pair-pcs.ts';
import { searchTerms, syncedTables } from '../support/replica.ts';
import { callPc, type ServedPc, type SnapshotStatusView, startServedPc } from '../support/serve-pcs.ts';
import type { ServeProcess } from '../support/serve-process.ts';

// The first join by snapshot with two `npm run serve` processes over real TLS on loopback: a member with a
// register of a few hundred guests (stays, allergies), a new empty PC that joins and receives a copy of it
// instead of replaying the log. Then the same with the new PC killed (SIGKILL) in the middle of receiving the
// copy: started again, it takes the copy again and ends the same, with nothing lost on either side.

const root = mkdtempSync(join(tmpdir(), 'yadocho-snapshot-'));
const running: ServeProcess[] = [];
afterAll(async () => {
  for (const serve of running) await serve.stop();
  rmSync(root, { recursive: true, force: true });
});

const GUESTS = 300;

async function staffed(pc: ServedPc) {
  const staff = await callPc<{ id: string }>(pc, 'staff.create', { name: `${pc.name}の担当` });
  await callPc(pc, 'staff.setCurrent', { id: staff.id });
  await callPc(pc, 'sync.configure', { enabled: true, name: pc.name });
}

/** A register of its own on `pc`: guests, each with a stay, every third with an allergy. */
async function register(pc: ServedPc, guests: number) {
  for (let i = 0; i < guests; i++) {
    const guest = await callPc<{ id: string }>(pc, 'guests.create', {
      fields: { familyName: `宿泊${i}`, givenName: '太郎', familyReading: 'しゅくはく' },
    });
    await callPc(pc, 'stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2026-12-10', departureDate: '2026-12-12', rooms: [`${1000 + i}`] },
    });
    if (i % 3 === 0) {
      await callPc(pc, 'allergies.record', {
        guestId: guest.id,
        allergenId: allergen('shrimp'),
        severity: 'allergy',
        tracesOk: false,
      });
    }
  }
}

const status = (pc: ServedPc) => callPc<SnapshotStatusView>(pc, 'sync.status');

async function converged(pcs: ServedPc[]) {
  for (const pc of pcs)
    await until(
      `${pc.name} in sync`,
      () => status(pc),
      (s) => inSync(s, pcs.length - 1),
      60_000,
    );
}

function compareFiles(files: string[], guests: number, copied: number) {
  const dbs = files.map((file) => openDatabase(file, { readonly: true } as never));
  try {
    const [first, second] = dbs as [ReturnType<typeof openDatabase>, ReturnType<typeof openDatabase>];
    expect(first.prepare('SELECT count(*) FROM guests').pluck().get()).toBe(guests);
    expect(syncedTables(second)).toEqual(syncedTables(first));
    expect(searchTerms(second)).toEqual(searchTerms(first));
    // Per origin, the same transactions (count and digest, as the protocol's `have` compares them).
    const digests = (db: ReturnType<typeof openDatabase>) =>
      db
        .prepare(
          `SELECT hex(n.node) AS node, count(*) AS count, sum(t.hlc % 1000000007) AS sum
             FROM log_tx t JOIN log_nodes n ON n.id = t.node GROUP BY n.node ORDER BY n.node`,
        )
        .all();
    expect(digests(second)).toEqual(digests(first));
    // A copy, not a replay: the member's transactions up to the copy sit under the same local sequence
    // numbers on both PCs (a replay would number them in its own arrival order).
    const memberNode = first.prepare("SELECT value FROM meta WHERE key = 'node_id'").pluck().get() as string;
    const bySeq = (db: ReturnType<typeof openDatabase>) =>
      db
        .prepare(
          `SELECT t.seq, t.hlc FROM log_tx t JOIN log_nodes n ON n.id = t.node
            WHERE n.node = unhex(replace(?, '-', '')) ORDER BY t.seq LIMIT ?`,
        )
        .all(memberNode, copied);
    expect(bySeq(second)).toEqual(bySeq(first));
    // B's history of node ids is its own: none of the member's, the last one started by the snapshot.
    const epochs = (db: ReturnType<typeof openDatabase>) =>
      db.prepare('SELECT node FROM node_epochs').pluck().all() as string[];
    expect(epochs(second).filter((node) => epochs(first).includes(node))).toEqual([]);
    const nodeIds = dbs.map((db) => db.prepare("SELECT value FROM meta WHERE key = 'node_id'").pluck().get());
    expect(nodeIds[0]).not.toBe(nodeIds[1]);
    // The member's local-only rows did not come along.
    expect(second.prepare("SELECT value FROM meta WHERE key = 'node_new_epoch'").get()).toBeUndefined();
    expect(second.prepare('SELECT reason FROM node_epochs ORDER BY started_at DESC LIMIT 1').pluck().get()).toBe(
      'snapshot',
    );
  } finally {
    for (const db of dbs) db.close();
  }
}

describe('a new PC joins by a copy of the register', { timeout: 300_000 }, () => {
  it('receives the copy, takes a new node id, and syncs both ways from there', async () => {
    const a = await startServedPc('フロント', join(root, 'a.sqlite'), await freePort(), running);
    const b = await startServedPc('厨房', join(root, 'b.sqlite'), await freePort(), running);
    await staffed(a);
    await register(a, GUESTS);
    await staffed(b);
    const started = performance.now();
    await pairPcs(
      (n, i) => callPc(a, n, i),
      (n, i) => callPc(b, n, i),
      a.syncPort,
    );
    const joined = await until(
      'B to join by snapshot',
      () => status(b),
      (s) => Boolean(s.joinedBySnapshot),
      60_000,
    );
    console.log(
      `join by snapshot of ${GUESTS} guests: ${(performance.now() - started).toFixed(0)} ms, ${joined.joinedBySnapshot?.bytes} bytes`,
    );
    await converged([a, b]);

    // B's own staff member (written before the copy was made) is on both; new writes go both ways.
    await callPc(b, 'guests.create', { fields: { familyName: '厨房で登録', familyReading: 'ちゅうぼう' } });
    await callPc(a, 'guests.create', { fields: { familyName: 'フロントで登録', familyReading: 'ふろんと' } });
    await until(
      'both writes on both',
      async () => {
        const [sa, sb] = await Promise.all([status(a), status(b)]);
        return inSync(sa, 1) && inSync(sb, 1);
      },
      (ok) => ok,
      60_000,
    );
    await converged([a, b]);
    for (const pc of [a, b]) expect(await pc.serve.stop()).toBe(0);
    compareFiles([a.file, b.file], GUESTS + 2, GUESTS * 2);
    // B kept its previous (empty) register aside, and no copy is left in either sync folder.
    expect(readdirSync(root).some((name) => name.startsWith('b-before-snapshot-'))).toBe(true);
    for (const folder of ['a.sqlite.sync', 'b.sqlite.sync']) {
      expect(readdirSync(join(root, folder)).filter((name) => name.startsWith('snapshot-'))).toEqual([]);
    }
  });

  it('survives the new PC killed with SIGKILL while it receives the copy', async () => {
    // Test-only throttle on the member: small chunks, each after a pause, so the transfer takes seconds.
    const a = await startServedPc('本館', join(root, 'ka.sqlite'), await freePort(), running, {
      YADOCHO_TEST_SNAPSHOT_SLOW_MS: '40',
    });
    let b = await startServedPc('別館', join(root, 'kb.sqlite'), await freePort(), running);
    await staffed(a);
    await register(a, 120);
    await staffed(b);
    await pairPcs(
      (n, i) => callPc(a, n, i),
      (n, i) => callPc(b, n, i),
      a.syncPort,
    );
    const midway = await until(
      'B to be part way through the copy',
      () => status(b),
      (s) =>
        (s.peers[0]?.snapshot?.done ?? 0) > 0 &&
        (s.peers[0]?.snapshot?.done ?? 0) < (s.peers[0]?.snapshot?.total ?? 0) / 2,
      60_000,
    );
    expect(midway.peers[0]?.state).toBe('receiving_snapshot');
    b.serve.child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(join(root, 'kb.sqlite.sync', 'snapshot-in.partial'))).toBe(true);
    // Meanwhile the member writes on.
    await callPc(a, 'guests.create', { fields: { familyName: '留守中', familyReading: 'るすちゅう' } });
    b = await startServedPc('別館', b.file, b.syncPort, running);
    // The register B had is intact and still empty of the inn's guests until the copy is complete.
    const joined = await until(
      'B to join by snapshot after its restart',
      () => status(b),
      (s) => Boolean(s.joinedBySnapshot),
      120_000,
    );
    expect(joined.joinedBySnapshot?.bytes).toBeGreaterThan(0);
    await callPc(b, 'guests.create', { fields: { familyName: '復帰後', familyReading: 'ふっきご' } });
    await converged([a, b]);
    for (const pc of [a, b]) expect(await pc.serve.stop()).toBe(0);
    compareFiles([a.file, b.file], 120 + 2, 240);
  });

  it('survives the member killed while it sends, and keeps what the new PC wrote while the copy travelled', async () => {
    const slow = { YADOCHO_TEST_SNAPSHOT_SLOW_MS: '150' };
    let a = await startServedPc('離れ', join(root, 'ma.sqlite'), await freePort(), running, slow);
    const b = await startServedPc('売店', join(root, 'mb.sqlite'), await freePort(), running);
    await staffed(a);
    await register(a, 120);
    await staffed(b);
    await pairPcs(
      (n, i) => callPc(a, n, i),
      (n, i) => callPc(b, n, i),
      a.syncPort,
    );
    const receiving = (s: SnapshotStatusView) => (s.peers[0]?.snapshot?.done ?? 0) > 0;
    await until('B to be receiving the copy', () => status(b), receiving, 60_000);
    a.serve.child.kill('SIGKILL');
    // The cut connection drops B's partial copy; B's register is as it was.
    await until(
      'B to drop the partial copy',
      async () => existsSync(join(root, 'mb.sqlite.sync', 'snapshot-in.partial')),
      (present) => !present,
    );
    a = await startServedPc('離れ', a.file, a.syncPort, running, slow);
    await until('B to be receiving the copy again', () => status(b), receiving, 60_000);
    // Written on B while the copy is on its way: not in the copy, carried over from B's previous register.
    await callPc(b, 'guests.create', { fields: { familyName: '受信中に登録', familyReading: 'じゅしんちゅう' } });
    await until(
      'B to join by snapshot',
      () => status(b),
      (s) => Boolean(s.joinedBySnapshot),
      120_000,
    );
    await converged([a, b]);
    for (const pc of [a, b]) expect(await pc.serve.stop()).toBe(0);
    compareFiles([a.file, b.file], 120 + 1, 240);
    const db = openDatabase(b.file, { readonly: true } as never);
    try {
      expect(db.prepare("SELECT count(*) FROM guests WHERE family_name = '受信中に登録'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
