import { copyFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/open.ts';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { loadOrCreateNodeId } from '../../electron/core/node-identity.ts';
import { ensureDatabase } from './build-database.ts';
import { createBaseline, queryClasses, sampleGuests } from './queries.ts';
import { type Figure, printTable, writeJson } from './report.ts';
import { measure } from './stats.ts';
import { measureUiLatency } from './ui-latency.ts';

// `npm run bench [-- --quick] [--rebuild] [--out FILE]`: search, guest card and write latency through
// the core's public API on 100,000 and 1,000,000 generated guests, beside a naive LIKE scan.
// Timings are warm (after a warm-up) and single-threaded, as the app runs them.

const SEARCH_RUNS = 240;
const BASELINE_RUNS = 40; // a full scan per run: 10-100+ ms each
const CARD_RUNS = 240;
const WRITE_RUNS = 200;

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean' }, rebuild: { type: 'boolean' }, out: { type: 'string' } },
});
const sizes = args.quick ? [100_000] : [100_000, 1_000_000];
const log = (line: string) => console.log(line);
const quiet = { info() {}, warn: console.warn, error: console.error };

/** core.call that throws on an error result: a failing call must not be timed as a fast one. */
function caller(core: Core) {
  return async (name: string, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} ${JSON.stringify(input)} failed: ${JSON.stringify(result.error)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads results loosely; contract tests check shapes.
    return result.value as any;
  };
}

async function readFigures(file: string, size: number): Promise<Figure[]> {
  const db = openDatabase(file);
  const core = createCore({ db, nodeId: loadOrCreateNodeId(db), logger: quiet });
  const call = caller(core);
  const baseline = createBaseline(db);
  const figures: Figure[] = [];

  for (const { name, queries, hits } of queryClasses(db, size)) {
    // Check that each query finds what its class claims, or the figure would time something else.
    for (const { q, finds } of queries) {
      const found: Array<{ id: string }> = (await call('guests.search', { q })).hits;
      if (hits !== found.length > 0) log(`  warning: ${name} '${q}' found ${found.length} guests`);
      if (finds && !found.some((hit) => hit.id === finds)) log(`  warning: ${name} '${q}' missed its guest`);
    }
    const pick = (i: number) => (queries[i % queries.length] as { q: string }).q;
    const timing = await measure(SEARCH_RUNS, 3 * queries.length, (i) => call('guests.search', { q: pick(i) }));
    const base = await measure(BASELINE_RUNS, 2, (i) => baseline(pick(i)));
    figures.push({ name, size, timing, baseline: base });
  }

  // Opening a card: the profile and its history, for a guest not opened before in this run.
  const ids = sampleGuests(db, size, CARD_RUNS + 20, 2).map((guest) => guest.id);
  const card = await measure(CARD_RUNS, 20, async (i) => {
    await call('guests.get', { id: ids[i] });
    await call('guests.history', { id: ids[i] });
  });
  figures.push({ name: 'guest_card.open', size, timing: card });
  core.close();
  db.close();
  return figures;
}

/** Writes go to a copy: the cached database stays as built, so every run times the same data. */
async function writeFigure(file: string, size: number): Promise<Figure> {
  const scratch = file.replace(/\.sqlite$/, '.scratch.sqlite');
  const started = performance.now();
  copyFileSync(file, scratch);
  log(`  copied for the write test in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = openDatabase(scratch);
  const core = createCore({ db, nodeId: loadOrCreateNodeId(db), logger: quiet });
  const call = caller(core);
  const [staff] = (await call('staff.list', {})).staff;
  await call('staff.setCurrent', { id: staff.id });
  const ids = sampleGuests(db, size, WRITE_RUNS + 20, 3).map((guest) => guest.id);
  // One field changed: the row, one change-log entry, and the guest's search rows moved to the new recency.
  const timing = await measure(WRITE_RUNS, 20, (i) =>
    call('guests.update', { id: ids[i], patch: { note: `ベンチ ${i}: 朝食は和食` } }),
  );
  core.close();
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  return { name: 'guest.update', size, timing };
}

const all: Figure[] = [];
for (const size of sizes) {
  log(`\n== ${size.toLocaleString('en')} guests ==`);
  const build = ensureDatabase(size, { rebuild: args.rebuild ?? false, log });
  const mb = (build.bytes / 2 ** 20).toFixed(0);
  log(build.built ? `  built in ${build.seconds.toFixed(1)} s, ${mb} MiB` : `  cached, ${mb} MiB`);
  log(`  ${build.file}`);
  const figures = [...(await readFigures(build.file, size)), await writeFigure(build.file, size)];
  // In the browser only at the largest size: it is the figure the target names (1,000,000 guests).
  if (size === sizes.at(-1)) {
    const ui = await measureUiLatency(build.file, log);
    if ('skipped' in ui) log(`  keystroke-to-results in Chromium skipped: ${ui.skipped}`);
    else figures.push({ name: 'ui.keystroke_to_results', size, timing: ui.timing });
  }
  log('');
  printTable(figures, log);
  all.push(...figures);
}
if (args.out) {
  writeJson(args.out, all);
  log(`\nwrote ${args.out}`);
}
