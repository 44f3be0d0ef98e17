import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { addDays } from '../../shared/text/dates.ts';
import { everything, searchTerms, syncedTables } from '../support/replica.ts';
import { type Random, random, randomWrite } from './workload.ts';

// A deterministic simulation of three PCs of one inn, in one process, driven by one seeded scheduler: random
// writes on each PC, transactions exchanged between them in random order, duplicated, delayed and cut off by
// partitions, PCs restarted mid-way (the core and its database closed and opened again), and one PC whose
// clock is ten minutes ahead. At the end the network heals and time moves on; then every PC must hold the
// same synced tables, the same conflicts and the same search index, and every write any PC acknowledged must
// be on every PC. A seed replays exactly: ids, clocks and choices all come from it.

const PCS = 3;
const AHEAD_MS = 10 * 60_000;
const quiet = { info() {}, warn() {}, error() {} };

export type Pc = { index: number; file: string; db: Database; core: Core; nodeId: string; offset: number };

export type SimulationResult = {
  seed: number;
  writes: number;
  acknowledged: number;
  deliveries: number;
  duplicates: number;
  restarts: number;
  held: number;
  conflicts: number;
};

export class Diverged extends Error {}

/** Where the PCs' files go: memory-backed /dev/shm where there is one (Linux), the temp folder otherwise. */
export function simulationRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

let template: string | undefined;
/** A migrated empty database, made once per process and copied for every PC (migrations are the slow part). */
export function templateFile(): string {
  if (!template) {
    template = join(mkdtempSync(join(simulationRoot(), 'yadocho-sim-')), 'template.sqlite');
    openDatabase(template).close();
  }
  return template;
}

/** Seeded UUIDv7s: the time part from the simulated clock, the rest from the seed. */
export function idMaker(r: Random, now: () => number) {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return () => {
    const ms = hex(Math.floor(now()), 12);
    const rand = Array.from({ length: 5 }, () => hex(r.int(0, 0xffff), 4)).join('');
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${rand.slice(0, 3)}-${hex(8 + r.int(0, 3), 1)}${rand.slice(3, 6)}-${rand.slice(6, 18)}`;
  };
}

export async function simulate(seed: number, steps = 140): Promise<SimulationResult> {
  const r = random(seed);
  const dir = mkdtempSync(join(simulationRoot(), `yadocho-sim-${seed}-`));
  let now = Date.UTC(2026, 5, 15, 1, 0, 0) + r.int(0, 86_400_000);
  const newId = idMaker(r, () => now);
  const pcs: Pc[] = [];
  const stats: SimulationResult = {
    seed,
    writes: 0,
    acknowledged: 0,
    deliveries: 0,
    duplicates: 0,
    restarts: 0,
    held: 0,
    conflicts: 0,
  };

  const open = (index: number, file: string, offset: number): Pc => {
    const db = openDatabase(file);
    // A restart here is the process going away, not the machine: the OS keeps what was written, so no fsync.
    db.pragma('synchronous = OFF');
    const nodeId = openNodeIdentity(db).nodeId;
    const core = createCore({
      db,
      nodeId,
      clock: () => now + offset,
      logger: quiet,
      newId,
      checkpoint: { idleMs: 60_000 },
      afterAnswer: 'nextTurn', // replays exactly (workload.ts)
    });
    return { index, file, db, core, nodeId, offset };
  };
  const close = (pc: Pc) => {
    pc.core.close();
    pc.db.close();
  };
  const call = async (pc: Pc, name: string, input: unknown) => {
    const result = await pc.core.call(name, input);
    if (!result.ok) throw new Error(`setup ${name} failed on PC ${pc.index}: ${JSON.stringify(result.error)}`);
    return result.value as { id: string };
  };

  try {
    for (let i = 0; i < PCS; i++) {
      const file = join(dir, `pc${i}.sqlite`);
      copyFileSync(templateFile(), file);
      pcs.push(open(i, file, i === PCS - 1 ? AHEAD_MS : 0));
    }
    for (const pc of pcs) {
      const staff = await call(pc, 'staff.create', { name: `スタッフ${pc.index}` });
      await call(pc, 'staff.setCurrent', { id: staff.id });
    }

    const acked = new Set<string>();
    const down = new Set<string>();
    const ownLatest = (pc: Pc) =>
      pc.db
        .prepare(
          'SELECT t.hlc FROM log_tx t JOIN log_nodes n ON n.id = t.node WHERE n.node = ? ORDER BY t.seq DESC LIMIT 1',
        )
        .pluck()
        .get(Buffer.from(pc.nodeId.replace(/-/g, ''), 'hex')) as number | undefined;

    const deliver = (from: Pc, to: Pc, all: boolean) => {
      const log = everything(from.core);
      if (log.length === 0) return;
      const batch: ShippedTx[] = [];
      const size = all ? log.length : r.int(1, Math.min(8, log.length));
      for (let k = 0; k < size; k++) batch.push(log[all ? k : r.int(0, log.length - 1)] as ShippedTx);
      // Random order: a later transaction may arrive before an earlier one, or twice.
      for (let k = batch.length - 1; k > 0; k--) {
        const j = r.int(0, k);
        [batch[k], batch[j]] = [batch[j] as ShippedTx, batch[k] as ShippedTx];
      }
      const report = to.core.changes.apply(batch);
      if (report.refused.length)
        throw new Diverged(`seed ${seed}: PC ${to.index} refused ${JSON.stringify(report.refused)}`);
      stats.deliveries += report.applied;
      stats.duplicates += report.duplicates;
      stats.held += report.held.length;
    };

    for (let step = 0; step < steps; step++) {
      const roll = r.next();
      const pc = pcs[r.int(0, PCS - 1)] as Pc;
      if (roll < 0.55) {
        const { ok } = await randomWrite(pc.db, (name, input) => pc.core.call(name, input), r, now + pc.offset, {
          demoChance: 0.05,
        });
        stats.writes++;
        if (ok) {
          const stamp = ownLatest(pc);
          if (stamp !== undefined) acked.add(`${pc.nodeId}:${stamp}`);
        }
      } else if (roll < 0.63) {
        await contend(pcs, r, now);
      } else if (roll < 0.85) {
        const to = pcs[(pc.index + r.int(1, PCS - 1)) % PCS] as Pc;
        if (!down.has(`${pc.index}>${to.index}`)) deliver(pc, to, r.chance(0.2));
      } else if (roll < 0.9) {
        const link = `${pc.index}>${(pc.index + r.int(1, PCS - 1)) % PCS}`;
        if (down.has(link)) down.delete(link);
        else down.add(link);
      } else if (roll < 0.94) {
        close(pc);
        pcs[pc.index] = open(pc.index, pc.file, pc.offset);
        stats.restarts++;
      } else {
        now += r.int(1_000, 180_000);
      }
      now += r.int(0, 2); // often the same millisecond: ties between PCs' stamps happen
    }

    // The network heals and the clocks move past the ahead PC's stamps; exchange until nothing is new.
    now += 20 * 60_000;
    for (let round = 0; round < 4; round++) {
      for (const from of pcs) for (const to of pcs) if (from !== to) deliver(from, to, true);
    }
    stats.acknowledged = acked.size;
    check(pcs, acked, seed);
    stats.conflicts = (pcs[0] as Pc).db.prepare('SELECT count(*) FROM conflicts').pluck().get() as number;
    return stats;
  } finally {
    for (const pc of pcs) {
      try {
        close(pc);
      } catch {
        // already closed by a failed restart
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows every PC holds (a delivered row), of a query run on each. */
function shared(pcs: readonly Pc[], sql: string): string[] {
  const [first, ...rest] = pcs as [Pc, ...Pc[]];
  const everywhere = rest.map((pc) => new Set(pc.db.prepare(sql).pluck().all() as string[]));
  return (first.db.prepare(sql).pluck().all() as string[]).filter((id) => everywhere.every((set) => set.has(id)));
}

/**
 * Every PC acts at once on the same record, each without having seen the others' act: what two desks do in
 * the same minute while the LAN is slow. Each scenario is allowed on its own PC; together they are what
 * merging must keep (a concurrent addition) or turn into a conflict (the rest).
 */
export async function contend(pcs: readonly Pc[], r: Random, now: number) {
  const act = (pc: Pc, name: string, input: unknown) => pc.core.call(name, input);
  const scenario = r.int(0, 5);
  if (scenario === 0) {
    const guests = shared(pcs, 'SELECT id FROM guests WHERE deleted_at IS NULL');
    if (!guests.length) return;
    const id = r.pick(guests);
    for (const pc of pcs) await act(pc, 'guests.update', { id, patch: { note: `PC${pc.index}のメモ${r.int(1, 3)}` } });
  } else if (scenario === 1) {
    const guests = shared(pcs, 'SELECT id FROM guests WHERE deleted_at IS NULL');
    if (!guests.length) return;
    const id = r.pick(guests);
    for (const pc of pcs) {
      const phones = [{ number: `090-0000-000${pc.index}`, label: 'mobile' }];
      await act(pc, 'guests.update', { id, patch: { phones } });
    }
  } else if (scenario === 2) {
    const guests = shared(pcs, 'SELECT id FROM guests WHERE deleted_at IS NULL');
    if (!guests.length) return;
    const guestId = r.pick(guests);
    const severities = ['anaphylaxis', 'allergy', 'intolerance'];
    for (const pc of pcs) {
      await act(pc, 'allergies.record', {
        guestId,
        allergenId: '01900000-0000-7000-8000-000000000001',
        severity: r.pick(severities),
        tracesOk: false,
      });
    }
  } else if (scenario === 3) {
    const stays = shared(pcs, 'SELECT id FROM stays WHERE deleted_at IS NULL');
    if (!stays.length) return;
    const id = r.pick(stays);
    const base = new Date(now).toISOString().slice(0, 10);
    const [a, b] = [pcs[0] as Pc, pcs[1] as Pc];
    await act(a, 'stays.update', { id, patch: { arrivalDate: base, departureDate: base } });
    await act(b, 'stays.update', { id, patch: { departureDate: base, arrivalDate: base } });
    await act(a, 'stays.update', { id, patch: { departureDate: addDays(base, 2) } });
    await act(b, 'stays.update', { id, patch: { arrivalDate: addDays(base, 1) } });
    await act(a, 'stays.update', { id, patch: { arrivalDate: addDays(base, -1) } });
    await act(b, 'stays.update', { id, patch: { departureDate: addDays(base, 1) } });
  } else if (scenario === 4) {
    const deals = shared(
      pcs,
      "SELECT id FROM banquets WHERE stage IN ('inquiry', 'proposal', 'provisional', 'confirmed')",
    );
    if (!deals.length) return;
    const id = r.pick(deals);
    const [a, b] = [pcs[0] as Pc, pcs[1] as Pc];
    await act(a, 'banquets.advance', { id, stage: 'lost', lostReason: 'price', competitor: 'ホテルA', note: '価格' });
    await act(b, 'banquets.advance', { id, stage: 'cancelled', note: '中止' });
  } else {
    const halls = shared(pcs, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    const guests = shared(pcs, 'SELECT id FROM guests WHERE deleted_at IS NULL');
    if (!halls.length || !guests.length) return;
    const hallIds = [r.pick(halls)];
    const date = addDays(new Date(now).toISOString().slice(0, 10), 10);
    for (const pc of pcs.slice(0, 2)) {
      const made = await act(pc, 'banquets.create', {
        fields: {
          organiserId: r.pick(guests),
          type: 'social',
          date,
          startTime: '18:00',
          endTime: '20:00',
          headcount: 5,
          hallIds,
        },
      });
      if (made.ok) {
        const id = (made.value as { banquet: { id: string } }).banquet.id;
        await act(pc, 'banquets.advance', { id, stage: 'confirmed' });
      }
    }
  }
}

export function check(pcs: readonly Pc[], acked: ReadonlySet<string>, seed: number) {
  const [first, ...rest] = pcs as [Pc, ...Pc[]];
  const tables = syncedTables(first.db);
  const terms = searchTerms(first.db);
  for (const pc of pcs) {
    const held = pc.db.prepare('SELECT count(*) FROM log_held').pluck().get() as number;
    if (held > 0) throw new Diverged(`seed ${seed}: PC ${pc.index} still holds ${held} transactions back`);
    const have = new Set(everything(pc.core).map((tx) => `${tx.node}:${tx.hlc}`));
    const lost = [...acked].filter((stamp) => !have.has(stamp));
    if (lost.length)
      throw new Diverged(`seed ${seed}: PC ${pc.index} lacks acknowledged writes ${lost.slice(0, 3).join(', ')}`);
  }
  for (const pc of rest) {
    const other = syncedTables(pc.db);
    for (const table of Object.keys(tables)) {
      if (JSON.stringify(other[table]) !== JSON.stringify(tables[table])) {
        throw new Diverged(
          `seed ${seed}: PC ${pc.index} differs from PC 0 in ${table}: ${firstDifference(tables[table] ?? [], other[table] ?? [])}`,
        );
      }
    }
    if (JSON.stringify(searchTerms(pc.db)) !== JSON.stringify(terms)) {
      throw new Diverged(`seed ${seed}: PC ${pc.index}'s search index differs from PC 0's`);
    }
  }
}

function firstDifference(a: readonly unknown[], b: readonly unknown[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) === JSON.stringify(b[i])) continue;
    const [x, y] = [a[i] as Record<string, unknown> | undefined, b[i] as Record<string, unknown> | undefined];
    if (!x || !y) return `${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`;
    const columns = Object.keys(x).filter((key) => JSON.stringify(x[key]) !== JSON.stringify(y[key]));
    return `row ${String(x.id)}: ${columns.map((key) => `${key} ${JSON.stringify(x[key])} ≠ ${JSON.stringify(y[key])}`).join(', ')}`;
  }
  return 'same rows';
}
