import { copyFileSync, rmSync } from 'node:fs';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { createSearchIndex } from '../../electron/core/guests/search-index.ts';
import { applyFigures } from './apply-figures.ts';
import { arrivalsAfterWrites } from './arrivals-figures.ts';
import { caller, quiet, warmPageCache } from './core-calls.ts';
import { sampleGuests } from './queries.ts';
import { chooseOwner } from './ready.ts';
import type { Figure } from './report.ts';
import { latestStays, sampleGuestsWithStays } from './service-baselines.ts';
import { measure, type Percentiles, summarize } from './stats.ts';

// The write figures: guests.update, requests.record and allergies.record timed through the core on a copy of the
// register, then the arrivals after those writes and another PC's batch applied, on the same copy.

const log = (line: string) => console.log(line);
const WRITE_RUNS = 200;
/** Quiet after each timed write; the timed core's idle checkpoint comes after half of it. */
const REST_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** This run, in the free text the write figures record. */
const RUN = Date.now().toString(36);

type Call = ReturnType<typeof caller>;
type WriteCase = {
  name: string;
  work: (call: Call, i: number) => Promise<unknown>;
  /** Work the write leaves for the core's idle moment, done and timed in the rest after it (its own figure). */
  idleWork?: { name: string; run: () => void };
};

/**
 * Times each write through core.call (row, change log, search rows), with a short rest after each one
 * as between two writes at the desk. Measured twice on the same copy: with the core's idle checkpoints
 * (the figure), and as before them, SQLite checkpointing inside whichever commit crosses 1000 WAL pages
 * (the baseline).
 */
export async function writeFigures(file: string, size: number): Promise<Figure[]> {
  const scratch = file.replace(/\.sqlite$/, '.scratch.sqlite');
  const started = performance.now();
  copyFileSync(file, scratch);
  log(`  copied for the write test in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The copy is a file the app never had open: at 1,000,000 guests, the copy and the register it came from do not
  // both fit in the page cache, and much of the copy is not in it. Read once, it is as warm as the register was
  // for the read figures, so the writes and the apply time the app and not the copy (docs/performance.md).
  log(`  read the copy once into the page cache in ${warmPageCache(scratch).toFixed(1)} s`);
  const db = openDatabase(scratch);
  const guests = sampleGuests(db, size, 2 * (WRITE_RUNS + 20), 3).map((guest) => guest.id);
  const withStays = sampleGuestsWithStays(db, size, 2 * (WRITE_RUNS + 20), 4);
  const stays = latestStays(db, withStays);
  // The guest's ~58 search rows move to the new recency at the core's next idle moment (search-index.ts): that
  // move is timed apart, right after each edit, so the figure shows what the edit left for later too.
  const searchIndex = createSearchIndex(db);
  const moveWaitingRows = () => db.transaction(() => searchIndex.flushRecencyMoves(8)).immediate();
  const cases: WriteCase[] = [
    // One field changed: the row and one change-log entry; the guest's search rows wait for the idle moment.
    {
      name: 'guests.update',
      work: (call, i) => call('guests.update', { id: guests[i], patch: { note: `ベンチ ${i}: 朝食は和食` } }),
      idleWork: { name: 'guests.update: its search rows moved at the idle moment', run: moveWaitingRows },
    },
    {
      name: 'requests.record',
      work: (call, i) =>
        call('requests.record', { guestId: withStays[i], stayId: stays[i], category: 'meals', text: `ベンチ ${i}` }),
    },
    {
      name: 'allergies.record',
      work: (call, i) =>
        call('allergies.record', {
          guestId: withStays[i],
          // A run's own allergen, so a register the figures wrote to before (a run stopped half way) takes it.
          freeAllergen: `ベンチ ${RUN} ${i}`,
          severity: 'allergy',
          tracesOk: false,
        }),
    },
  ];
  const timings = new Map<string, { timing?: Percentiles; baseline?: Percentiles }>();
  const idleTimings = new Map<string, Percentiles>();
  for (const phase of ['timing', 'baseline'] as const) {
    // The baseline core never checkpoints by itself (its idle timer is longer than the run), and the
    // connection gets SQLite's automatic checkpoint back.
    const idle = phase === 'timing' ? { idleMs: REST_MS / 2 } : { idleMs: 2 ** 31 - 1, maxWalPages: Infinity };
    const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: quiet, checkpoint: idle });
    if (phase === 'baseline') db.pragma('wal_autocheckpoint = 1000');
    db.pragma('wal_checkpoint(TRUNCATE)'); // both phases start from an empty WAL
    await chooseOwner(core, db);
    const call = caller(core);
    // Each phase writes to guests of its own: the same rows twice would be warmer the second time.
    const offset = phase === 'timing' ? 0 : WRITE_RUNS + 20;
    for (const { name, work, idleWork } of cases) {
      const idleSamples: number[] = [];
      const timing = await measure(
        WRITE_RUNS,
        20,
        (i) => work(call, offset + i),
        () => {
          if (idleWork) {
            const started = performance.now();
            idleWork.run();
            idleSamples.push(performance.now() - started);
          }
          return sleep(REST_MS);
        },
      );
      timings.set(name, { ...timings.get(name), [phase]: timing });
      if (idleWork && phase === 'timing') idleTimings.set(idleWork.name, summarize(idleSamples.slice(20)));
    }
    core.close();
  }
  // Another PC's work taken in, on the same copy (rows of its own, not the ones written above).
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: quiet });
  const arrivals = await arrivalsAfterWrites(core, db, size);
  const applied = applyFigures(db, core, size, log);
  core.close();
  db.close();
  for (const suffix of ['', '-wal', '-shm', '.node']) rmSync(scratch + suffix, { force: true });
  return [
    ...cases.map(({ name }) => {
      const { timing, baseline } = timings.get(name) ?? {};
      return { name, size, timing: timing as Percentiles, baseline };
    }),
    ...[...idleTimings].map(([name, timing]) => ({ name, size, timing })),
    ...arrivals,
    ...applied,
  ];
}
