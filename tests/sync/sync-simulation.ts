import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { syncLogOf } from '../../electron/core/sync/core-log.ts';
import { createSyncHub, type SyncHub } from '../../electron/core/sync/hub.ts';
import type { SyncMessage } from '../../electron/core/sync/messages.ts';
import {
  type ApplyPacing,
  emptyStats,
  type SessionStats,
  type SyncLog,
} from '../../electron/core/sync/session-terms.ts';
import { check, contend, Diverged, idMaker, type Pc, simulationRoot, templateFile } from '../changes/simulation.ts';
import { type Random, random, randomWrite } from '../changes/workload.ts';

// A deterministic simulation of the sync protocol (electron/core/sync/): three paired PCs of one inn and one
// PC that was never paired, in one process, with one seeded scheduler for everything. Each PC runs its real
// core on its own file and its real sync hub; only the network is simulated. The network delays every
// message by a random time (so messages overtake each other), drops some and delivers some twice, cuts
// connections (a partition, or a PC restarted mid-transfer) and makes new ones; one PC's clock runs ten
// minutes ahead; an apply sometimes fails before it commits (a busy disk); most PCs apply a received batch in
// parts, as the app does, so a restart or a cut can fall between two parts. Some inns' topologies are a line:
// the first and last PC never reach each other, so the middle one must forward.
//
// At the end the network heals (its missing link stays missing), time moves on, and every PC must hold the
// same synced tables, conflicts and search index, with every acknowledged write everywhere. Two more checks:
// the PC that was never paired received nothing, and no session ever found a hole by digest: the cursors and
// the contiguity rule must keep every PC's holdings a prefix of each origin, and the digest is the backstop,
// not the mechanism. A seed replays exactly.

const MEMBERS = 3;
const AHEAD_MS = 10 * 60_000;
const quiet = { info() {}, warn() {}, error() {} };

type SimPc = Pc & { device: string; hub: SyncHub; log: SyncLog; member: boolean };
type Connection = { id: number; a: number; b: number };
/** A message on its way, or (`run`) the next part of a batch a PC applies in parts. */
type Flight = { at: number; order: number } & (
  | { connection: number; to: number; message: SyncMessage }
  | { run: () => void }
);

export type SyncSimulationResult = {
  seed: number;
  line: boolean;
  writes: number;
  acknowledged: number;
  messages: number;
  dropped: number;
  doubled: number;
  connections: number;
  restarts: number;
  applyFailures: number;
  refusedStrangers: number;
  stats: SessionStats;
};

export async function simulateSync(seed: number, steps = 160): Promise<SyncSimulationResult> {
  const r: Random = random(seed * 7919 + 17);
  const dir = mkdtempSync(join(simulationRoot(), `yadocho-sync-${seed}-`));
  let now = Date.UTC(2026, 5, 15, 1, 0, 0) + r.int(0, 86_400_000);
  const newId = idMaker(r, () => now);
  const line = r.chance(0.5);
  const pcs: SimPc[] = [];
  const totals = emptyStats();
  const result: SyncSimulationResult = {
    seed,
    line,
    writes: 0,
    acknowledged: 0,
    messages: 0,
    dropped: 0,
    doubled: 0,
    connections: 0,
    restarts: 0,
    applyFailures: 0,
    refusedStrangers: 0,
    stats: totals,
  };
  let chaos = true;
  let failingApplies = true;
  const connections = new Map<number, Connection>();
  let nextConnection = 1;
  const flights: Flight[] = [];
  let order = 0;
  const deliveredTo = new Map<number, number>();

  /** Whether two PCs may ever talk: both paired, and not the missing link of a line. */
  const linked = (a: number, b: number) =>
    a !== b && a < MEMBERS && b < MEMBERS && !(line && Math.min(a, b) === 0 && Math.max(a, b) === MEMBERS - 1);

  const addStats = (stats: SessionStats) => {
    for (const key of Object.keys(totals) as Array<keyof SessionStats>) totals[key] += stats[key];
  };

  const connectionOf = (a: number, b: number) =>
    [...connections.values()].find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));

  const disconnect = (connection: Connection) => {
    connections.delete(connection.id);
    for (const [self, other] of [
      [connection.a, connection.b],
      [connection.b, connection.a],
    ] as const) {
      const pc = pcs[self] as SimPc;
      const session = pc.hub.session((pcs[other] as SimPc).device);
      if (session) addStats(session.status().stats);
      pc.hub.detach((pcs[other] as SimPc).device);
    }
  };

  const send = (connection: number, to: number, message: SyncMessage) => {
    const copy = structuredClone(message);
    // The hello opens a connection: it goes first. Everything after it may be late, lost or doubled.
    if (message.t === 'hello' || !chaos) {
      flights.push({
        at: now + (message.t === 'hello' ? 0 : r.int(1, 20)),
        order: order++,
        connection,
        to,
        message: copy,
      });
      return;
    }
    if (r.chance(0.04)) {
      result.dropped++;
      return;
    }
    flights.push({ at: now + r.int(1, 400), order: order++, connection, to, message: copy });
    if (r.chance(0.04)) {
      result.doubled++;
      flights.push({ at: now + r.int(1, 400), order: order++, connection, to, message: structuredClone(message) });
    }
  };

  const connect = (a: number, b: number) => {
    if (connectionOf(a, b)) return;
    if (!linked(a, b)) {
      // The transport refuses a PC that is not a member before a byte of inn data is sent (tested over real
      // TLS in tls-transport.test.ts); here, no session is made, so nothing can be sent either way.
      result.refusedStrangers++;
      return;
    }
    const connection = { id: nextConnection++, a, b };
    connections.set(connection.id, connection);
    result.connections++;
    const [pa, pb] = [pcs[a] as SimPc, pcs[b] as SimPc];
    pa.hub.attach(pb.device, {
      send: (message) => send(connection.id, b, message),
      close: () => connections.has(connection.id) && disconnect(connection),
    });
    pb.hub.attach(pa.device, {
      send: (message) => send(connection.id, a, message),
      close: () => connections.has(connection.id) && disconnect(connection),
    });
  };

  const open = (index: number, file: string, offset: number): SimPc => {
    const db = openDatabase(file);
    db.pragma('synchronous = OFF'); // a restart is the process going away, not the machine
    const nodeId = openNodeIdentity(db).nodeId;
    const core = createCore({
      db,
      nodeId,
      clock: () => now + offset,
      logger: quiet,
      newId,
      checkpoint: { idleMs: 60_000 },
      // A card's look is written at the next turn, not after a pause in real time: the seed replays exactly.
      afterAnswer: 'nextTurn',
    });
    const real = syncLogOf(core);
    const log: SyncLog = {
      ...real,
      apply(batch) {
        // A disk that is busy or full: the transaction never commits, and the session must not say it did.
        if (failingApplies && batch.length > 0 && r.chance(0.03)) {
          result.applyFailures++;
          throw new Error('simulated: database is busy');
        }
        return real.apply(batch);
      },
    };
    const device = `device-${index}`;
    // Most PCs apply a received batch in parts, as the app does, with the next part a scheduled event: other
    // messages, writes, restarts and cuts can come between two parts.
    const pacing: ApplyPacing | undefined = r.chance(0.7)
      ? {
          part: () => r.int(1, 12),
          between: (next) => flights.push({ at: now + r.int(0, 30), order: order++, run: next }),
        }
      : undefined;
    const hub = createSyncHub({
      log,
      device,
      now: () => now,
      ...(pacing ? { pacing } : {}),
      limits: {
        batchTransactions: r.int(2, 40),
        batchEntries: 400,
        ackTimeoutMs: 2_000,
        antiEntropyMs: 60_000,
        // Counted by ranges (as a large backlog is) from a few transactions on, or always whole.
        exactCountBelow: r.pick([0, 3, 20, 10_000]),
      },
    });
    core.onChanged(() => hub.localChanged());
    return { index, file, db, core, nodeId, offset, device, hub, log, member: index < MEMBERS };
  };

  const close = (pc: SimPc) => {
    for (const connection of [...connections.values()])
      if (connection.a === pc.index || connection.b === pc.index) disconnect(connection);
    pc.core.close();
    pc.db.close();
  };

  /** Delivers every message due by `until`, in time order; a message on a cut connection is gone. */
  const deliverUntil = (until: number) => {
    for (let guard = 0; guard < 100_000; guard++) {
      if (flights.length === 0) return;
      flights.sort((x, y) => x.at - y.at || x.order - y.order);
      const next = flights[0] as Flight;
      if (next.at > until) return;
      flights.shift();
      now = Math.max(now, next.at);
      if ('run' in next) {
        next.run();
        continue;
      }
      const connection = connections.get(next.connection);
      if (!connection) continue;
      const to = pcs[next.to] as SimPc;
      const from = pcs[next.to === connection.a ? connection.b : connection.a] as SimPc;
      deliveredTo.set(to.index, (deliveredTo.get(to.index) ?? 0) + 1);
      result.messages++;
      to.hub.receive(from.device, next.message);
    }
    throw new Error(`seed ${seed}: the network did not settle`);
  };

  const advance = (ms: number) => {
    const until = now + ms;
    deliverUntil(until);
    now = until;
    for (const pc of pcs) pc.hub.tick();
  };

  try {
    for (let i = 0; i <= MEMBERS; i++) {
      const file = join(dir, `pc${i}.sqlite`);
      copyFileSync(templateFile(), file);
      pcs.push(open(i, file, i === MEMBERS - 1 ? AHEAD_MS : 0));
    }
    for (const pc of pcs) {
      const staff = await pc.core.call('staff.create', { name: `スタッフ${pc.index}` });
      if (!staff.ok) throw new Error('setup: staff.create failed');
      await pc.core.call('staff.setCurrent', { id: (staff.value as { id: string }).id });
    }
    for (let a = 0; a < pcs.length; a++) for (let b = a + 1; b < pcs.length; b++) connect(a, b);

    const acked = new Set<string>();
    const ownLatest = (pc: SimPc) => pc.log.upTo(pc.nodeId);
    const members = () => pcs.slice(0, MEMBERS);

    for (let step = 0; step < steps; step++) {
      const roll = r.next();
      const pc = pcs[r.int(0, pcs.length - 1)] as SimPc;
      if (roll < 0.45) {
        const { ok } = await randomWrite(pc.db, (name, input) => pc.core.call(name, input), r, now + pc.offset, {
          demoChance: 0, // sample data never syncs (changes/origins.ts); session.test.ts covers it
        });
        result.writes++;
        if (ok && pc.member) acked.add(`${pc.nodeId}:${ownLatest(pc)}`);
      } else if (roll < 0.52) {
        await contend(members(), r, now);
      } else if (roll < 0.8) {
        advance(r.int(1, 1_500));
      } else if (roll < 0.88) {
        const other = r.int(0, pcs.length - 1);
        const existing = connectionOf(pc.index, other);
        if (existing) disconnect(existing);
        else connect(pc.index, other);
      } else if (roll < 0.92) {
        close(pc);
        pcs[pc.index] = open(pc.index, pc.file, pc.offset);
        result.restarts++;
        for (let other = 0; other < pcs.length; other++) if (r.chance(0.7)) connect(pc.index, other);
      } else {
        advance(r.int(1_000, 120_000));
      }
    }

    // The network heals: no more losses, every allowed link up, the ahead PC's stamps now in the past.
    chaos = false;
    failingApplies = false;
    for (let a = 0; a < pcs.length; a++) for (let b = a + 1; b < pcs.length; b++) connect(a, b);
    now += 20 * 60_000;
    for (let round = 0; round < 400; round++) {
      advance(1_000);
      const busy = flights.length > 0 || pcs.some((pc) => pc.hub.status().some((s) => !s.known || s.behind > 0));
      if (!busy && round > 5) break;
    }
    for (const pc of pcs) for (const status of pc.hub.status()) addStats(status.stats);
    result.acknowledged = acked.size;
    check(members(), acked, seed);
    // Converged: no session may still say its peer lacks anything (the screen would show it sending forever).
    for (const pc of pcs) {
      for (const status of pc.hub.status()) {
        if (status.known && status.behind !== 0) {
          throw new Diverged(`seed ${seed}: PC ${pc.index} says a peer lacks ${status.behind} transactions`);
        }
      }
    }
    const stranger = pcs[MEMBERS] as SimPc;
    if ((deliveredTo.get(stranger.index) ?? 0) > 0)
      throw new Diverged(`seed ${seed}: the unpaired PC received ${deliveredTo.get(stranger.index)} messages`);
    const foreign = stranger.db
      .prepare('SELECT count(*) FROM log_tx t JOIN log_nodes n ON n.id = t.node WHERE n.node <> ?')
      .pluck()
      .get(Buffer.from(stranger.nodeId.replace(/-/g, ''), 'hex')) as number;
    if (foreign > 0) throw new Diverged(`seed ${seed}: the unpaired PC holds ${foreign} transactions of other PCs`);
    if (totals.mismatches > 0)
      throw new Diverged(
        `seed ${seed}: a digest found a hole the cursors hid (${totals.mismatches} times, ${totals.repairSent} sent again)`,
      );
    return result;
  } finally {
    for (const pc of pcs) {
      try {
        close(pc);
      } catch {
        // already closed
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
