import type { Database } from 'better-sqlite3';
import type { Core } from '../../electron/core/create-core.ts';
import { chooseOwner } from './ready.ts';
import type { Figure } from './report.ts';
import { BENCH_DAY, TYPICAL_DAY } from './service-data.ts';
import { measure } from './stats.ts';

// The arrivals page as the desk meets it after writes (on the write test's copy of the register: these write).
// Each arriving party's history-made entry is kept between calls (arrivals/arrival-cache.ts), so the read
// figures of npm run bench, which ask for the same day again and again, time the kept day. These time the two
// other cases: the day after one party's guest was edited (the card saved, a change event: one entry is worked
// out again, the rest kept), and the day with nothing kept (after a settings change, which clears every entry:
// what the first open of a day costs).

const RUNS = 100;
const COLD_RUNS = 40;

type Call = (name: string, input: unknown) => Promise<{ arrivals: Array<{ stay: { guestId: string } }> }>;

export async function arrivalsAfterWrites(core: Core, db: Database, size: number): Promise<Figure[]> {
  const call: Call = async (name, input) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as never;
  };
  await chooseOwner(core, db);
  const figures: Figure[] = [];
  for (const [name, date] of [
    ['arrivals.forDate', TYPICAL_DAY],
    ['arrivals.forDate.regulars', BENCH_DAY],
  ] as const) {
    const leads = (await call('arrivals.forDate', { date })).arrivals.map((arrival) => arrival.stay.guestId);
    let edits = 0;
    const edited = await measure(
      RUNS,
      5,
      () => call('arrivals.forDate', { date }),
      // Untimed, between two reads: a note on the next party's lead (that party's entry is worked out again).
      () => call('guests.update', { id: leads[edits++ % leads.length], patch: { note: `ベンチ ${edits}` } }),
    );
    let toggles = 0;
    const cold = await measure(
      COLD_RUNS,
      2,
      () => call('arrivals.forDate', { date }),
      () => call('settings.update', { patch: { showJapaneseEra: toggles++ % 2 === 0 } }),
    );
    figures.push({ name: `${name}: after one party's guest was edited`, size, timing: edited });
    figures.push({ name: `${name}: nothing kept (a day's first read)`, size, timing: cold });
  }
  return figures;
}
