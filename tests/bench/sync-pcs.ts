import { type CoreHost, startCoreHost, WORKER_SOURCE } from '../../electron/core-host/host.ts';
import { freePort, type SyncCaller } from '../support/pair-pcs.ts';

// A PC for the sync benches: a core host (the core in its worker, as in the app) on its own file, its sync
// port on loopback, and a way to call it that throws on an error answer.

export type BenchPc = { host: CoreHost; call: SyncCaller; port: number; file: string };

const quiet = { info() {}, warn: console.warn, error: console.error };

export async function startPc(name: string, file: string): Promise<BenchPc> {
  const port = await freePort();
  const host = await startCoreHost({
    file,
    entry: WORKER_SOURCE,
    logger: quiet,
    quiet: true,
    sync: { port, host: '127.0.0.1' },
  });
  const call: SyncCaller = async (callName, input = {}) => {
    const result = await host.call(callName, input);
    if (!result.ok) throw new Error(`${name} ${callName}: ${JSON.stringify(result.error)}`);
    return result.value as never;
  };
  return { host, call, port, file };
}

/** Someone working at the PC (its owner, or a new member), and sync turned on under the PC's name. */
export async function staffed(pc: BenchPc, name: string) {
  const list = await pc.call<{ staff: Array<{ id: string; roles: string[] }> }>('staff.list');
  const owner = list.staff.find((member) => member.roles.includes('owner'));
  const id = owner?.id ?? (await pc.call<{ id: string }>('staff.create', { name })).id;
  await pc.call('staff.setCurrent', { id });
  await pc.call('sync.configure', { enabled: true, name });
}
