import { createServer } from 'node:net';

// Pairing two PCs through their sync calls, as the 「PC・同期」 screen does: the member opens its window, the
// new PC joins at the member's address, the member shows the code, the new PC's person types it, the member
// confirms. `call` reaches a PC's core by whatever door the test uses (HTTP, or a core host directly).

export type SyncCaller = <T = Record<string, unknown>>(name: string, input?: unknown) => Promise<T>;

export type SyncStatusView = {
  enabled: boolean;
  device: { display: string; short: string; name: string } | null;
  peers: Array<{ name: string; short: string; state: string; behind: number; lastSeen: string | null }>;
  pairing: { role: string; state: string; code?: string | null; reason: string | null } | null;
};

/** Polls until `done` holds, every 50 ms, for at most `ms` (every wait in a test ends by itself). */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
}

export async function pairPcs(
  member: SyncCaller,
  joiner: SyncCaller,
  memberSyncPort: number,
  memberHost = '127.0.0.1',
  /** The new PC holds guests of its own, to go to every PC (the screen asks before it joins so). */
  options: { mergeRegister?: boolean } = {},
): Promise<string> {
  await member('sync.invite');
  await joiner('sync.join', { host: memberHost, port: memberSyncPort, ...options });
  const shown = await until(
    'the member to show a code',
    () => member<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'code_shown',
  );
  const code = shown.pairing?.code as string;
  await until(
    'the new PC to ask for the code',
    () => joiner<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'entering_code',
  );
  await joiner('sync.enterCode', { code });
  await until(
    'the member to ask for confirmation',
    () => member<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'waiting_for_confirmation',
  );
  await member('sync.confirm', { accept: true });
  await until(
    'the new PC to be paired',
    () => joiner<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'paired',
  );
  return code;
}

/** Every peer connected and holding everything this PC holds. */
export const inSync = (status: SyncStatusView, peers: number) =>
  status.peers.length === peers && status.peers.every((peer) => peer.state === 'in_sync' && peer.behind === 0);

/** A free TCP port on loopback: a PC's sync port is fixed (its peers dial it again after a restart). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
