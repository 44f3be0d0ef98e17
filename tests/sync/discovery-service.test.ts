import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEACON_INTERVAL_MS } from '../../electron/core/sync/discovery/beacon.ts';
import { EXPIRE_MS } from '../../electron/core/sync/discovery/discovered.ts';
import { createLanPair, type Door, doorInNamespace, type Namespace, whyNoNetns } from '../support/netns.ts';
import { inSync, pairPcs, type SyncStatusView, until } from '../support/pair-pcs.ts';
import { type ServeProcess, spawnServe } from '../support/serve-process.ts';

// Discovery as the sync service wires it, seen through the HTTP door: `npm run serve` processes with their
// default sync settings (every interface, port 4871, discovery on), each in a network namespace of its own
// joined by a veth pair (support/netns.ts), so a server's beacon and mDNS reach the other PC and nothing else.
// A third server beside PC A listens for sync on loopback only: it must neither announce itself nor list
// anyone. discovery-netns.test.ts tests the mechanisms themselves; this tests that a running server uses them.

const skip = whyNoNetns();
const title = (text: string) => (skip ? `${text} (skipped: ${skip})` : text);

type Discovered = { name: string; short: string; host: string; port: number; inGroup: boolean };
type Status = SyncStatusView & { discovered: Discovered[] };
type Pc = { label: string; name: string; serve: ServeProcess; door: Door };

const root = mkdtempSync(join(tmpdir(), 'yadocho-found-'));
let lan: { a: Namespace; b: Namespace; remove(): void } | null = null;
const pcs: Pc[] = [];

beforeAll(async () => {
  if (!skip) lan = await createLanPair();
});
afterAll(async () => {
  for (const pc of pcs.splice(0)) await stopPc(pc);
  lan?.remove();
  rmSync(root, { recursive: true, force: true });
});

async function startPc(label: string, name: string, ns: string, args: string[] = []): Promise<Pc> {
  const serve = spawnServe(join(root, `${label}.sqlite`), {}, { netns: ns, args });
  const started = await serve.started;
  if ('exitCode' in started) throw new Error(`${label}: serve exited ${started.exitCode}: ${serve.stderr()}`);
  const door = await doorInNamespace(ns, started.port, started.token, join(root, `${label}-${started.port}.sock`));
  const pc = { label, name, serve, door };
  pcs.push(pc);
  await door.call('sync.configure', { enabled: true, name });
  return pc;
}

async function stopPc(pc: Pc) {
  const index = pcs.indexOf(pc);
  if (index >= 0) pcs.splice(index, 1);
  await pc.door.close();
  return pc.serve.stop();
}

const status = (pc: Pc) => pc.door.call<Status>('sync.status');
const listed = (pc: Pc, what: string, match: (found: Discovered[]) => boolean, ms = 20_000) =>
  until(
    `${pc.name} to list ${what}`,
    () => status(pc),
    (s) => match(s.discovered),
    ms,
  );
const named = (name: string) => (found: Discovered[]) => found.some((entry) => entry.name === name);

describe('discovery wired into the sync service, between two network namespaces', { timeout: 120_000 }, () => {
  it.skipIf(skip !== null)(
    title('a running server is listed on the other PC by name and LAN address; a loopback one is silent'),
    async () => {
      const { a: nsA, b: nsB } = lan as NonNullable<typeof lan>;
      const front = await startPc('front', 'フロント', nsA.ns);
      const office = await startPc('office', '事務所', nsA.ns, ['--sync-host', '127.0.0.1', '--sync-port', '4881']);
      const kitchen = await startPc('kitchen', '厨房', nsB.ns);
      const shortOf = async (pc: Pc) => (await status(pc)).device?.short;

      const atFront = await listed(front, 'the kitchen', named('厨房'));
      expect(atFront.discovered).toEqual([
        { name: '厨房', short: await shortOf(kitchen), host: nsB.address, port: 4871, inGroup: false },
      ]);
      const atKitchen = await listed(kitchen, 'the front desk', named('フロント'));
      expect(atKitchen.discovered).toEqual([
        { name: 'フロント', short: await shortOf(front), host: nsA.address, port: 4871, inGroup: false },
      ]);

      // A new name is announced at once, and replaces the old entry rather than adding one.
      await kitchen.door.call('sync.configure', { name: '奥の厨房' });
      const renamed = await listed(front, 'the new name', named('奥の厨房'), 5_000);
      expect(renamed.discovered.map((entry) => entry.name)).toEqual(['奥の厨房']);
      // The loopback server shares PC A's network: had it started discovery, the kitchen's beacon that just
      // reached the front desk would have reached it too (same port, SO_REUSEADDR), and its own beacons would
      // have reached the kitchen. An absence needs a span to look over: a second after the front desk heard it.
      const lookUntil = Date.now() + 1_000;
      while (Date.now() < lookUntil) {
        expect((await status(office)).discovered).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await status(kitchen)).discovered.map((entry) => entry.name)).toEqual(['フロント']);

      // Founding a group (opening the first invite) is announced too: the join form can say who can let it in.
      await front.door.call('sync.invite');
      await listed(kitchen, 'the front desk in a group', (found) => found.some((entry) => entry.inGroup), 5_000);
      await front.door.call('sync.cancelPairing');
    },
  );

  it.skipIf(skip !== null)(
    title('a stopped server drops out after the expiry; found again, it is joined at the address found'),
    async () => {
      const { b: nsB } = lan as NonNullable<typeof lan>;
      // It carries on from the test above: the same PCs, the kitchen renamed.
      const front = pcs.find((pc) => pc.label === 'front');
      const kitchen = pcs.find((pc) => pc.label === 'kitchen');
      if (!front || !kitchen) throw new Error('this test runs after the one above, which starts the PCs');
      expect((await status(front)).discovered.map((entry) => entry.name)).toEqual(['奥の厨房']);

      // The beacon says no goodbye: the entry goes once the kitchen has been silent for the expiry.
      const stoppedAt = Date.now();
      expect(await stopPc(kitchen)).toBe(0);
      await listed(front, 'no one', (found) => found.length === 0, EXPIRE_MS + 10_000);
      // Not dropped by something else: its last beacon came at most one interval before it stopped.
      expect(Date.now() - stoppedAt).toBeGreaterThan(EXPIRE_MS - BEACON_INTERVAL_MS - 1_000);

      // Started again, it is found again, and the person joins at the address the list offers.
      const again = await startPc('kitchen', '奥の厨房', nsB.ns);
      const found = await listed(again, 'the front desk', named('フロント'));
      const offer = found.discovered.find((entry) => entry.name === 'フロント') as Discovered;
      await pairPcs(front.door.call, again.door.call, offer.port, offer.host);
      for (const pc of [front, again]) {
        await until(
          `${pc.name} in sync`,
          () => status(pc),
          (s) => inSync(s, 1),
        );
      }
      // Members are left out of the list: it offers only PCs that could still be joined.
      await listed(front, 'no one (the kitchen is a member now)', (list) => list.length === 0, 5_000);
      await listed(again, 'no one (the front desk is a member now)', (list) => list.length === 0, 5_000);
    },
  );
});
