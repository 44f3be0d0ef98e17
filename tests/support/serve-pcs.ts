import type { SyncStatusView } from './pair-pcs.ts';
import { type ServeProcess, spawnServe } from './serve-process.ts';

// PCs of one inn as `npm run serve` processes, each with its own data file and sync port on loopback, driven
// through the documented HTTP door (tests/sync/*-processes.test.ts).

export type ServedPc = {
  name: string;
  file: string;
  syncPort: number;
  serve: ServeProcess;
  url: string;
  token: string;
};

/** `nice`: the process's scheduling priority (spawnServe), for a PC that must not take the timed one's processor. */
export async function startServedPc(
  name: string,
  file: string,
  syncPort: number,
  running: ServeProcess[],
  env: Record<string, string> = {},
  options: { nice?: number } = {},
): Promise<ServedPc> {
  const serve = spawnServe(file, env, {
    nice: options.nice,
    args: ['--sync-port', String(syncPort), '--sync-host', '127.0.0.1'],
  });
  running.push(serve);
  const started = await serve.started;
  if ('exitCode' in started) throw new Error(`serve exited ${started.exitCode}: ${serve.stderr()}`);
  return { name, file, syncPort, serve, url: started.url, token: started.token };
}

/** A call through a served PC's HTTP door; an error answer throws, naming the PC. */
export async function callPc<T = Record<string, unknown>>(
  pc: Pick<ServedPc, 'name' | 'url' | 'token'>,
  name: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${pc.url}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-yadocho-token': pc.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${pc.name} ${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The status as the snapshot tests read it: the peers' states and progress, and how this PC joined. */
export type SnapshotStatusView = SyncStatusView & {
  peers: Array<SyncStatusView['peers'][number] & { snapshot?: { done: number; total: number } | null }>;
  joinedBySnapshot?: { at: string; bytes: number } | null;
};
