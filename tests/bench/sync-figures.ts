import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { inSync, pairPcs, type SyncStatusView, until } from '../support/pair-pcs.ts';
import { ensureDatabase } from './build-database.ts';
import { summarize } from './stats.ts';
import { type BenchPc, staffed, startPc } from './sync-pcs.ts';

// `node tests/bench/sync-figures.ts [--join 100000 [--register file]] [--offline 10000] [--live 200]`: LAN sync's figures
// (issue 10), each PC a core host (the core in its worker, as in the app) with its own file and its sync port
// on loopback, paired through the sync calls and talking over real TLS.
//
//   live     a change on one PC, until the other PC's core says it changed (what makes its screen refetch)
//   offline  changes made while the other PC's sync was off, from turning it back on until it holds them all
//   join     a new, empty PC joining an inn of N guests (the benchmark's register, built through the write
//            path), from pairing until it holds everything: by a copy of the register (first join by
//            snapshot, docs/sync-protocol.md), with the time to the swap and the size of the copy
//
// Each prints its figure beside its target. A naive baseline has no meaning here (there is no other way to
// move the log between PCs in the app), so the figures stand alone.

const { values: args } = parseArgs({
  options: {
    join: { type: 'string' },
    offline: { type: 'string', default: '10000' },
    live: { type: 'string', default: '200' },
    /**
     * The inn's register for --join, instead of the benchmark's cached one for this checkout: a worktree whose
     * sources hash differently (build-database.ts) would otherwise rebuild it, and remove other versions.
     */
    register: { type: 'string' },
  },
});
const log = (line: string) => console.log(line);
const root = mkdtempSync(join(tmpdir(), 'yadocho-sync-bench-'));

type JoinStatusView = SyncStatusView & {
  peers: Array<SyncStatusView['peers'][number] & { snapshot?: { done: number; total: number } | null }>;
  joinedBySnapshot?: { at: string; bytes: number } | null;
};
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024)).toLocaleString('en');

type Pc = BenchPc;

const guestCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM guests').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Two new PCs (a front desk and a kitchen), paired and in sync. */
async function pairedPcs(prefix: string): Promise<[Pc, Pc]> {
  const a = await startPc('A', join(root, `${prefix}-a.sqlite`));
  const b = await startPc('B', join(root, `${prefix}-b.sqlite`));
  await staffed(a, 'フロント');
  await staffed(b, '厨房');
  await pairPcs(a.call, b.call, a.port);
  await until(
    'in sync',
    () => a.call<SyncStatusView>('sync.status'),
    (s) => inSync(s, 1),
  );
  return [a, b];
}

async function livePush(runs: number) {
  const [a, b] = await pairedPcs('live');
  const guest = await a.call<{ id: string }>('guests.create', {
    fields: { familyName: '速報', familyReading: 'そくほう' },
  });
  await until(
    'the guest on B',
    async () => guestCount(b.file),
    (n) => n === 1,
  );
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const arrived = new Promise<number>((resolve) => {
      const stop = b.host.onChanged((tables) => {
        if (!tables.includes('guests')) return;
        stop();
        resolve(performance.now());
      });
    });
    const started = performance.now();
    await a.call('guests.update', { id: guest.id, patch: { note: `メモ${i}` } });
    const at = await Promise.race([
      arrived,
      new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5_000)),
    ]);
    if (Number.isNaN(at)) throw new Error(`change ${i} did not reach B within 5 s`);
    samples.push(at - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await a.host.close();
  await b.host.close();
  const figure = summarize(samples);
  log(
    `  live: a change on A on B's core, p50 ${figure.p50.toFixed(1)} ms, p95 ${figure.p95.toFixed(1)} ms (${runs} changes; target p95 ≤ 1,000 ms)`,
  );
}

async function offlineCatchUp(changes: number) {
  const [a, b] = await pairedPcs('off');
  await b.call('sync.configure', { enabled: false });
  const made = performance.now();
  for (let i = 0; i < changes; i++) {
    await a.call('guests.create', { fields: { familyName: `留守${i}`, familyReading: 'るす' } });
  }
  log(
    `  offline: ${changes.toLocaleString('en')} changes made on A while B was off, in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );
  const started = performance.now();
  await b.call('sync.configure', { enabled: true });
  await until(
    'B to hold everything',
    async () => guestCount(b.file),
    (n) => n === changes,
    300_000,
  );
  const seconds = (performance.now() - started) / 1000;
  await a.host.close();
  await b.host.close();
  log(
    `  offline: B turned on again, holds all ${changes.toLocaleString('en')} in ${seconds.toFixed(2)} s (target ≤ 2 s for 10,000)`,
  );
}

async function joinInn(size: number) {
  const source = args.register ?? ensureDatabase(size, { rebuild: false, log }).file;
  const copy = join(root, `inn-${size}.sqlite`);
  copyFileSync(source, copy);
  // The bench's writer gives staff no roles; the copy's first member becomes its owner to turn sync on.
  const db = new Database(copy);
  db.prepare(`UPDATE staff SET roles = '["owner","manager"]' WHERE rowid = (SELECT min(rowid) FROM staff)`).run();
  db.close();
  const inn = await startPc('inn', copy);
  const fresh = await startPc('new', join(root, 'new-pc.sqlite'));
  await staffed(inn, 'フロント');
  await staffed(fresh, '新しいPC');
  const started = performance.now();
  await pairPcs(inn.call, fresh.call, inn.port);
  const paired = performance.now();
  let last = 0;
  let swapped: number | null = null;
  const elapsed = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
  await until(
    'the new PC to hold the inn',
    async () => {
      const status = await inn.call<SyncStatusView>('sync.status');
      const mine = await fresh.call<JoinStatusView>('sync.status');
      if (swapped === null && mine.joinedBySnapshot) swapped = performance.now();
      if (performance.now() - last > 5_000) {
        last = performance.now();
        const peer = mine.peers[0];
        const copy = peer?.snapshot ? ` (${mb(peer.snapshot.done)} / ${mb(peer.snapshot.total)} MB)` : '';
        log(
          `    ${elapsed(started)} s: new PC ${peer?.state ?? '-'}${copy}; inn ${status.peers[0]?.state ?? '-'}, ${(status.peers[0]?.behind ?? 0).toLocaleString('en')} transactions to send`,
        );
      }
      return status;
    },
    (s) => inSync(s, 1) && guestCount(fresh.file) === guestCount(copy),
    3_600_000,
  );
  const seconds = (performance.now() - started) / 1000;
  const joined = await fresh.call<JoinStatusView>('sync.status');
  const how = joined.joinedBySnapshot
    ? `by a copy of ${mb(joined.joinedBySnapshot.bytes)} MB, swapped in ${(((swapped ?? performance.now()) - started) / 1000).toFixed(1)} s`
    : 'by replay';
  log(
    `  join: a new PC received an inn of ${size.toLocaleString('en')} guests (${guestCount(fresh.file).toLocaleString('en')} guests) in ${seconds.toFixed(1)} s, ${how}; pairing took ${((paired - started) / 1000).toFixed(1)} s (target ≤ 60 s at 100,000)`,
  );
  await inn.host.close();
  await fresh.host.close();
}

try {
  log('sync figures (cores in their workers, real TLS on loopback):');
  if (Number(args.live) > 0) await livePush(Number(args.live));
  if (Number(args.offline) > 0) await offlineCatchUp(Number(args.offline));
  if (args.join) await joinInn(Number(args.join));
} finally {
  rmSync(root, { recursive: true, force: true });
}
