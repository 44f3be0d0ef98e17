import { writeFileSync } from 'node:fs';
import type { Percentiles } from './stats.ts';

// The printed table and the JSON file. Targets are printed beside the figures, never asserted: a
// benchmark that fails on a slow or busy machine would teach people to ignore it.

export type Figure = { name: string; size: number; timing: Percentiles; baseline?: Percentiles };

// The targets: writes (change log included) p95 ≤ 5 ms; a batch of 100,000 remote field entries
// applied in ≤ 5 s (one run each, so p95 is the slowest of few).
const TARGET = {
  searchP95: 1,
  searchSpeedup: 100,
  cardP95: 5,
  uiP95: 50,
  // Issue 13 (item 25) asks 30 ms for both arrival days at 1,000,000 guests, down from 50.
  arrivalsP95: 30,
  writeP95: 5,
  applyBatch: 5_000,
  // Typing the postcode fills the address: well inside a keystroke, and the first lookup's read too.
  postcodeP95: 1,
  postcodeFirst: 200,
  // 名寄せ: a scan of the whole register in ≤ 10 s (issue 11), one run being the figure.
  duplicateScan: 10_000,
  // Every guest of 100,000 to an .xlsx, from the call to the file ready to download.
  exportGuests: 15_000,
  // A 100,000-row .xlsx ledger imported end to end in ≤ 30 s (issue 11), one run being the figure.
  importLedger: 30_000,
  // 顧客ランク: every guest's rank recomputed after a rule change in ≤ 30 s at 1,000,000 guests (issue 12).
  rankRecompute: 30_000,
};
/** The History tab as staff open it: guests.history alone, one of the card's three calls. */
export const HISTORY_TAB_FIGURE = 'guest_card.open: guests.history (its History tab as it opens)';

const WRITES = new Set(['guests.update', 'requests.record', 'allergies.record']);

function targets(figure: Figure): string {
  const mark = (ok: boolean, text: string) => `${ok ? 'ok  ' : 'MISS'} ${text}`;
  const { p95 } = figure.timing;
  if (figure.name.startsWith('search.')) {
    const marks = [mark(p95 <= TARGET.searchP95, `p95 ≤ ${TARGET.searchP95} ms`)];
    if (figure.baseline) {
      const ratio = figure.baseline.p95 / p95;
      marks.push(mark(ratio >= TARGET.searchSpeedup, `≥ ${TARGET.searchSpeedup}× baseline`));
    }
    return marks.join(', ');
  }
  // The card is two waits, each with the card's target: it opens (profile and service side, asked together), and
  // later, if staff click it, its History tab opens (guests.history). The three calls in a row are timed too, the
  // bench's first card figure, but nobody waits for them together.
  if (figure.name.startsWith('guest_card.open as ') || figure.name === HISTORY_TAB_FIGURE)
    return mark(p95 <= TARGET.cardP95, `p95 ≤ ${TARGET.cardP95} ms`);
  if (figure.name === 'guest_card.open') return '(two waits added up: the card as it opens, then its History tab)';
  if (figure.name.startsWith('guest_card.open: ')) return "(one of the card's three calls)";
  if (figure.name.startsWith('ui.keystroke_to_results')) return mark(p95 <= TARGET.uiP95, `p95 ≤ ${TARGET.uiP95} ms`);
  if (figure.name.startsWith('arrivals.forDate'))
    return mark(p95 <= TARGET.arrivalsP95, `p95 ≤ ${TARGET.arrivalsP95} ms`);
  if (WRITES.has(figure.name)) return mark(p95 <= TARGET.writeP95, `p95 ≤ ${TARGET.writeP95} ms`);
  if (figure.name.endsWith('at the idle moment')) return '(what the write above left for the idle moment)';
  if (figure.name.startsWith('apply.'))
    return mark(p95 <= TARGET.applyBatch, `≤ ${TARGET.applyBatch / 1000} s a batch`);
  if (figure.name.startsWith('addresses.byPostcode.first'))
    return mark(p95 <= TARGET.postcodeFirst, `≤ ${TARGET.postcodeFirst} ms once`);
  if (figure.name === 'duplicates.scan')
    return mark(p95 <= TARGET.duplicateScan, `≤ ${TARGET.duplicateScan / 1000} s a scan`);
  if (figure.name === 'import.ledger_100k_xlsx')
    return mark(p95 <= TARGET.importLedger, `≤ ${TARGET.importLedger / 1000} s end to end`);
  if (figure.name === 'exports.run.xlsx (guests)')
    return mark(p95 <= TARGET.exportGuests, `≤ ${TARGET.exportGuests / 1000} s`);
  if (figure.name.startsWith('ranks.recompute'))
    return figure.size >= 1_000_000
      ? mark(p95 <= TARGET.rankRecompute, `≤ ${TARGET.rankRecompute / 1000} s at 1,000,000`)
      : `(target at 1,000,000: ≤ ${TARGET.rankRecompute / 1000} s)`;
  if (figure.name === 'addresses.byPostcode') return mark(p95 <= TARGET.postcodeP95, `p95 ≤ ${TARGET.postcodeP95} ms`);
  return '(no target)';
}

const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));

export function printTable(figures: Figure[], log: (line: string) => void) {
  const header = ['figure', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'base p95', 'ratio', 'targets'];
  const rows = figures.map((f) => [
    f.name,
    String(f.timing.runs),
    ms(f.timing.p50),
    ms(f.timing.p95),
    ms(f.timing.p99),
    f.baseline ? `${ms(f.baseline.p95)} (${f.baseline.runs})` : '',
    f.baseline ? `${Math.round(f.baseline.p95 / f.timing.p95)}×` : '',
    targets(f),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  log(line(header).trimEnd());
  for (const row of rows) log(line(row).trimEnd());
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** `figures` as before; `databases`: per size, how the database was built and what the file holds. */
export function writeJson(file: string, figures: Figure[], databases: unknown[] = []) {
  const out = figures.map((f) => ({
    name: f.name,
    size: f.size,
    p50_ms: round(f.timing.p50),
    p95_ms: round(f.timing.p95),
    p99_ms: round(f.timing.p99),
    ...(f.baseline ? { baseline_p95_ms: round(f.baseline.p95) } : {}),
  }));
  writeFileSync(file, `${JSON.stringify({ figures: out, databases }, null, 2)}\n`);
}
