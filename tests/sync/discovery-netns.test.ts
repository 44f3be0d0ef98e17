import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceIdFromSpki } from '../../electron/core/sync/device/device-id.ts';
import type { Discovered } from '../../electron/core/sync/discovery/discovered.ts';

// Discovery between two PCs on a real network: two network namespaces made here (ydc-a-…, ydc-b-…) joined by a
// veth pair, 10.233.N.1/24 and 10.233.N.2/24, nothing else. Each runs discovery-child.ts (`ip netns exec`), tied
// to its veth interface. Traffic never leaves the pair; the namespaces are deleted in afterAll, even on failure.
// It needs root and iproute2 (CI runs as root); elsewhere the tests say why they are skipped.

const CHILD = resolve(import.meta.dirname, 'discovery-child.ts');
const FIND_MS = 15_000;
const EXPIRE_MS = 3_000;

function whyNot(): string | null {
  if (process.platform !== 'linux') return 'needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces';
  const ip = spawnSync('ip', ['-V'], { encoding: 'utf8' });
  if (ip.error || ip.status !== 0) return 'needs the `ip` command (iproute2)';
  return null;
}
const skip = whyNot();
const title = (text: string) => (skip ? `${text} (skipped: ${skip})` : text);

const suffix = randomBytes(3).toString('hex');
const subnet = 1 + ((randomBytes(1)[0] ?? 0) % 254);
const pcs = {
  a: { ns: `ydc-a-${suffix}`, veth: `ydca${suffix}`, address: `10.233.${subnet}.1` },
  b: { ns: `ydc-b-${suffix}`, veth: `ydcb${suffix}`, address: `10.233.${subnet}.2` },
};
const A = deviceIdFromSpki(Buffer.from(`netns a ${suffix}`));
const B = deviceIdFromSpki(Buffer.from(`netns b ${suffix}`));

function ip(...args: string[]) {
  const run = spawnSync('ip', args, { encoding: 'utf8', timeout: 10_000 });
  if (run.status !== 0) throw new Error(`ip ${args.join(' ')}: ${run.stderr || run.error}`);
}

function running(pc: { ns: string; veth: string }): boolean {
  const show = spawnSync('ip', ['-n', pc.ns, '-o', 'link', 'show', pc.veth], { encoding: 'utf8', timeout: 5_000 });
  return /[<,]LOWER_UP[,>]/.test(show.stdout) && /\bstate UP\b/.test(show.stdout);
}

type Line = { event: string; peers?: Discovered[]; message?: string; running?: Record<string, boolean> };
type Child = {
  process: ChildProcess;
  lines: Line[];
  peers(): Discovered[];
  /** Resolves with the first line that matches, within `ms`; rejects with what the child printed otherwise. */
  /** Lines from index `from` on (default: from the first) are looked at. */
  until(what: string, match: (line: Line) => boolean, ms?: number, from?: number): Promise<Line>;
  exited: Promise<void>;
};
const children: Child[] = [];

function startChild(pc: 'a' | 'b', options: Record<string, unknown>): Child {
  const self =
    pc === 'a'
      ? { device: A, name: 'フロント', port: 4871, group: null }
      : { device: B, name: '厨房', port: 4999, group: A };
  const config = {
    ...self,
    interface: pcs[pc].veth,
    beaconPort: 4872,
    intervalMs: 300,
    queryMs: 700,
    expireMs: EXPIRE_MS,
    lifetimeMs: 60_000,
    ...options,
  };
  const child = spawn('ip', ['netns', 'exec', pcs[pc].ns, process.execPath, CHILD], {
    env: { ...process.env, YDC_DISCOVERY: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let stderr = '';
  let buffered = '';
  const waiters = new Set<() => void>();
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) if (text.trim()) lines.push(JSON.parse(text) as Line);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const handle: Child = {
    process: child,
    lines,
    exited,
    peers: () => lines.findLast((line) => line.event === 'peers')?.peers ?? [],
    until(what, match, ms = FIND_MS, from = 0) {
      return new Promise((resolveLine, reject) => {
        let seen = from;
        const check = () => {
          for (; seen < lines.length; seen++) {
            const line = lines[seen] as Line;
            if (match(line)) return finish(() => resolveLine(line));
            if (line.event === 'failed') return finish(() => reject(new Error(`${pc}: ${line.message}`)));
          }
        };
        const timer = setTimeout(() => {
          const printed = lines.filter((line) => line.event !== 'peers').map((line) => JSON.stringify(line));
          finish(() =>
            reject(
              new Error(
                `${pc}: no ${what} within ${ms} ms; last peers ${JSON.stringify(handle.peers())}; ` +
                  `printed ${printed.join(' ')}; exit ${child.exitCode}; stderr ${stderr}`,
              ),
            ),
          );
        }, ms);
        const finish = (then: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          then();
        };
        waiters.add(check);
        check();
      });
    },
  };
  children.push(handle);
  return handle;
}

const hasPeer = (device: string) => (line: Line) =>
  line.event === 'peers' && (line.peers ?? []).some((peer) => peer.device === device);
const lacksPeer = (device: string) => (line: Line) =>
  line.event === 'peers' && !(line.peers ?? []).some((peer) => peer.device === device);

async function stopAll() {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
}

/** Both PCs find each other with the right device, name, address, sync port and group. */
async function expectMutualDiscovery(a: Child, b: Child) {
  await a.until('PC b', hasPeer(B));
  await b.until('PC a', hasPeer(A));
  expect(a.peers().find((peer) => peer.device === B)).toMatchObject({
    device: B,
    name: '厨房',
    host: pcs.b.address,
    port: 4999,
    group: A,
  });
  expect(b.peers().find((peer) => peer.device === A)).toMatchObject({
    device: A,
    name: 'フロント',
    host: pcs.a.address,
    port: 4871,
    group: null,
  });
}

describe('discovery between two network namespaces', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    if (skip) return;
    ip('netns', 'add', pcs.a.ns);
    ip('netns', 'add', pcs.b.ns);
    ip('link', 'add', pcs.a.veth, 'netns', pcs.a.ns, 'type', 'veth', 'peer', 'name', pcs.b.veth, 'netns', pcs.b.ns);
    for (const pc of [pcs.a, pcs.b]) {
      ip('-n', pc.ns, 'addr', 'add', `${pc.address}/24`, 'dev', pc.veth);
      ip('-n', pc.ns, 'link', 'set', pc.veth, 'up');
    }
    // A veth end is running only once both ends are up, a moment later; until then Node lists no address on it.
    for (let tries = 0; tries < 50 && !(running(pcs.a) && running(pcs.b)); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!(running(pcs.a) && running(pcs.b))) throw new Error('the veth pair did not come up within 5 s');
  });

  afterAll(async () => {
    await stopAll();
    if (skip) return;
    // Deleting a namespace removes its end of the veth pair, and with it the other end.
    for (const pc of [pcs.a, pcs.b]) spawnSync('ip', ['netns', 'del', pc.ns], { timeout: 10_000 });
  });

  it.skipIf(skip !== null)(title('beacon: each finds the other, and a stopped PC expires'), async () => {
    try {
      const a = startChild('a', { mode: 'beacon' });
      const b = startChild('b', { mode: 'beacon' });
      await expectMutualDiscovery(a, b);
      // The beacon says no goodbye: a PC that stops is dropped once it has been silent for expireMs.
      const stoppedAt = Date.now();
      const from = a.lines.length;
      b.process.kill('SIGTERM');
      await b.until('stop', (line) => line.event === 'stopped');
      await a.until('PC b expiring', lacksPeer(B), EXPIRE_MS + 5_000, from);
      expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(EXPIRE_MS - 1_000);
    } finally {
      await stopAll();
    }
  });

  it.skipIf(skip !== null)(title('mDNS: each finds the other, and a killed PC expires'), async () => {
    try {
      const a = startChild('a', { mode: 'mdns' });
      const b = startChild('b', { mode: 'mdns' });
      await expectMutualDiscovery(a, b);
      // Killed, so no goodbye is sent: the re-asked question goes unanswered and the entry expires.
      const killedAt = Date.now();
      const from = a.lines.length;
      b.process.kill('SIGKILL');
      await b.exited;
      await a.until('PC b expiring', lacksPeer(B), EXPIRE_MS + 5_000, from);
      expect(Date.now() - killedAt).toBeGreaterThanOrEqual(EXPIRE_MS - 1_000);
    } finally {
      await stopAll();
    }
  });

  it.skipIf(skip !== null)(
    title('both mechanisms: mDNS port taken on one PC, logged, the beacon finds both, mDNS starts on a retry'),
    async () => {
      try {
        const a = startChild('a', {
          mode: 'discovery',
          occupyMdnsPort: true,
          releaseMdnsPortAfterMs: 2_000,
          retryMs: 500,
        });
        const b = startChild('b', { mode: 'discovery' });
        const startedA = await a.until('start', (line) => line.event === 'started');
        const startedB = await b.until('start', (line) => line.event === 'started');
        expect(startedA.running).toEqual({ beacon: true, mdns: false });
        expect(startedB.running).toEqual({ beacon: true, mdns: true });
        expect(a.lines.some((line) => line.event === 'warn' && /mdns is off/.test(line.message ?? ''))).toBe(true);
        await expectMutualDiscovery(a, b);

        // Once the port is free, the retry starts mDNS; the warning was said once, not at every retry.
        await a.until('mDNS started on a retry', (line) => line.event === 'peers' && line.running?.mdns === true);
        expect(a.lines.filter((line) => line.event === 'warn' && /mdns is off/.test(line.message ?? ''))).toHaveLength(
          1,
        );
        expect(a.lines.some((line) => line.event === 'info' && /mdns started/.test(line.message ?? ''))).toBe(true);
        // Heard both ways now, each PC is still one entry, the one heard last.
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // both mechanisms answer meanwhile
        for (const [child, other] of [
          [a, B],
          [b, A],
        ] as const) {
          expect(child.peers().map((peer) => peer.device)).toEqual([other]);
        }
        await expectMutualDiscovery(a, b);
      } finally {
        await stopAll();
      }
    },
  );
});
