import { type CoreHost, startCoreHost, WORKER_SOURCE } from '../../electron/core-host/host.ts';
import { freePort, type SyncCaller } from '../support/pair-pcs.ts';
import { callPc, startServedPc } from '../support/serve-pcs.ts';
import type { ServeProcess } from '../support/serve-process.ts';

// A PC for the sync benches: a core host (the core in its worker, as in the app) on its own file, its sync
// port on loopback, and a way to call it that throws on an error answer. Or, where the figures are the other
// PC's load on this one (`otherPcApart`), a PC in a process of its own.

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

/** A PC of the inn other than the one timed: its calls, its sync port, and a way to stop it. */
export type OtherPc = { call: SyncCaller; port: number; stop(): Promise<unknown> };

/**
 * Another PC of the inn as an `npm run serve` process of its own (serve-pcs.ts), at the lowest scheduling
 * priority, called through its HTTP door. In an inn the other PC is another computer: whatever it does takes
 * none of the timed PC's processor. On this machine the two share two cores; in one process, at the same
 * priority, the other PC's apply (a whole register's log, by replay) took up to most of a core beside the timed
 * PC's threads. At the lowest priority it runs on what the timed PC leaves, which is as close to another
 * computer as one machine comes. The timed PC's own sync work (sending, receiving, applying, TLS) stays in its
 * own core, at full priority.
 */
export async function otherPcApart(name: string, file: string): Promise<OtherPc> {
  const port = await freePort();
  const running: ServeProcess[] = [];
  const stop = () => Promise.all(running.map((serve) => serve.stop()));
  try {
    const pc = await startServedPc(name, file, port, running, {}, { nice: 19 });
    const call: SyncCaller = <T>(callName: string, input: unknown = {}) => callPc<T>(pc, callName, input);
    return { call, port, stop };
  } catch (error) {
    await stop(); // one that never said it started is still a process
    throw error;
  }
}

/** Someone working at the PC (its owner, or a new member), and sync turned on under the PC's name. */
export async function staffed(pc: Pick<BenchPc, 'call'>, name: string) {
  const list = await pc.call<{ staff: Array<{ id: string; roles: string[] }> }>('staff.list');
  const owner = list.staff.find((member) => member.roles.includes('owner'));
  const id = owner?.id ?? (await pc.call<{ id: string }>('staff.create', { name })).id;
  await pc.call('staff.setCurrent', { id });
  await pc.call('sync.configure', { enabled: true, name });
}
