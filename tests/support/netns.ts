import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

// Two PCs on a LAN of their own: two network namespaces (ydc-a-…, ydc-b-…) joined by a veth pair,
// 10.233.N.1/24 and 10.233.N.2/24, with loopback up in each (a server's HTTP door listens there). Nothing else
// is on that LAN, and nothing leaves it. Needs Linux, root and iproute2 (CI runs as root); `whyNoNetns` says
// what is missing so a test can skip with that reason.

export type Namespace = { ns: string; veth: string; address: string };

export function whyNoNetns(): string | null {
  if (process.platform !== 'linux') return 'needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces';
  const ip = spawnSync('ip', ['-V'], { encoding: 'utf8' });
  if (ip.error || ip.status !== 0) return 'needs the `ip` command (iproute2)';
  return null;
}

function ip(...args: string[]) {
  const run = spawnSync('ip', args, { encoding: 'utf8', timeout: 10_000 });
  if (run.status !== 0) throw new Error(`ip ${args.join(' ')}: ${run.stderr || run.error}`);
}

function linkUp(pc: Namespace): boolean {
  const show = spawnSync('ip', ['-n', pc.ns, '-o', 'link', 'show', pc.veth], { encoding: 'utf8', timeout: 5_000 });
  return /[<,]LOWER_UP[,>]/.test(show.stdout) && /\bstate UP\b/.test(show.stdout);
}

/** Makes the pair and waits (at most 5 s) until both ends carry traffic. `remove()` deletes both namespaces. */
export async function createLanPair(): Promise<{ a: Namespace; b: Namespace; remove(): void }> {
  const suffix = randomBytes(3).toString('hex');
  const subnet = 1 + ((randomBytes(1)[0] ?? 0) % 254);
  const a = { ns: `ydc-a-${suffix}`, veth: `ydca${suffix}`, address: `10.233.${subnet}.1` };
  const b = { ns: `ydc-b-${suffix}`, veth: `ydcb${suffix}`, address: `10.233.${subnet}.2` };
  // Deleting a namespace removes its end of the veth pair, and with it the other end.
  const remove = () => {
    for (const pc of [a, b]) spawnSync('ip', ['netns', 'del', pc.ns], { timeout: 10_000 });
  };
  try {
    ip('netns', 'add', a.ns);
    ip('netns', 'add', b.ns);
    ip('link', 'add', a.veth, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.veth, 'netns', b.ns);
    for (const pc of [a, b]) {
      ip('-n', pc.ns, 'addr', 'add', `${pc.address}/24`, 'dev', pc.veth);
      ip('-n', pc.ns, 'link', 'set', pc.veth, 'up');
      ip('-n', pc.ns, 'link', 'set', 'lo', 'up');
    }
    // A veth end is running only once both ends are up, a moment later; until then Node lists no address on it.
    for (let tries = 0; tries < 50 && !(linkUp(a) && linkUp(b)); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!(linkUp(a) && linkUp(b))) throw new Error('the veth pair did not come up within 5 s');
  } catch (error) {
    remove();
    throw error;
  }
  return { a, b, remove };
}

// The forwarder: a Unix socket (a file, so reachable from every namespace) to a loopback port inside one.
const FORWARD = `const net = require('node:net');
const [path, port] = process.argv.slice(1);
net.createServer((c) => {
  const u = net.connect(Number(port), '127.0.0.1');
  c.on('error', () => {}); u.on('error', () => {});
  c.pipe(u).pipe(c);
}).listen(path, () => process.stdout.write('listening\\n'));
process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`;

export type Door = {
  call<T = Record<string, unknown>>(name: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
};

/**
 * A server's HTTP door inside a namespace, reached from this test through a forwarder on a Unix socket
 * (`socketPath`). The forwarder exits when this process closes its stdin, so it never outlives the test.
 */
export async function doorInNamespace(ns: string, port: number, token: string, socketPath: string): Promise<Door> {
  const forwarder: ChildProcess = spawn(
    'ip',
    ['netns', 'exec', ns, process.execPath, '-e', FORWARD, socketPath, String(port)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => forwarder.once('exit', () => resolve()));
  // Ready once it says so: the socket file exists a moment before the socket accepts connections.
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve) => forwarder.stdout?.once('data', () => resolve())),
      exited.then(() => Promise.reject(new Error(`the door's forwarder in ${ns} exited before listening`))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the door's forwarder in ${ns} did not listen within 5 s`)), 5_000);
      }),
    ]);
  } catch (error) {
    forwarder.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const call = <T>(name: string, input: unknown = {}) =>
    new Promise<T>((resolve, reject) => {
      const req = request(
        {
          socketPath,
          path: `/api/call/${name}`,
          method: 'POST',
          // The door checks Host: it is the server's loopback address, as a browser beside it would send.
          headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-yadocho-token': token },
          timeout: 10_000,
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => {
            const result = JSON.parse(body) as { ok: boolean; value?: T; error?: unknown };
            if (result.ok) resolve(result.value as T);
            else reject(new Error(`${name}: ${JSON.stringify(result.error)}`));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${name}: no answer within 10 s`)));
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });
  return {
    call,
    async close() {
      forwarder.stdin?.end();
      if (forwarder.exitCode === null) forwarder.kill('SIGTERM');
      await exited;
    },
  };
}
