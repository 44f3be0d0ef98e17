import { type NoteWriters, noteWriters, writeGuestNotes } from './service-allergies-requests.ts';
import { writeBenchDay } from './service-bench-day.ts';
import { BENCH_DAY, type Call, createDraws, type ServiceContext, TYPICAL_DAY } from './service-common.ts';
import { type Menu, planMenu } from './service-menu.ts';
import { type StayWriters, stayWriters, writeStayHistory } from './service-stays.ts';

// The service side of the benchmark data: per guest 5 stays, 20 served rows, allergies for ~5% of guests, a
// request per ~3 stays, party links on ~30% of stays, and two "bench arrival days" with exactly 100 arriving
// stays each (one per room) whose parties have allergies, requests and planned menus. Deterministic for the
// seed (ids included): every step below draws from one PRNG stream, so their order is part of the data.
//
// It is drawn as calls (service-common.ts), not written. The history comes out in arrival order (its calls
// within weeks of it); the guest notes and the bench days, drawn after it, come out in no order.

export { BENCH_DAY, TYPICAL_DAY } from './service-common.ts';

export type ServiceDraw = {
  size: number;
  /** Companions of each generated guest (1..size), as the guest generator linked them. */
  companions: Map<number, number[]>;
  guestId: (n: number) => string;
  named: (n: number, t: number) => void;
  /** Where the history's calls go; `advance` says nothing earlier will follow. */
  history: { emit(call: Call): void; advance(t: number): void };
  /** Where the calls drawn after the history go; without it, the draw stops after the history. */
  rest?: (call: Call) => void;
  /** Told the catalogue as soon as it is drawn, before any call of the history. */
  catalogue?: (menu: Menu) => void;
};

/** Draws the service data; returns the catalogue (whose calls the caller writes first). */
export function drawServiceData(options: ServiceDraw): Menu {
  const draws = createDraws(20_260_120);
  const menu = planMenu(draws);
  options.catalogue?.(menu);
  let emit = options.history.emit.bind(options.history);
  const ctx: ServiceContext = {
    ...draws,
    size: options.size,
    guestId: options.guestId,
    named: options.named,
    staff: () => draws.pick(menu.staffIds),
    emit: (call) => emit(call),
    advance: (t) => options.history.advance(t),
  };
  const stays: StayWriters = stayWriters(ctx, options.companions);
  const notes: NoteWriters = noteWriters(ctx, menu.allergenIds);
  // 1. Stays, parties, requests and served rows over ten years.
  writeStayHistory(ctx, stays, notes, menu);
  if (!options.rest) return menu;
  emit = options.rest;
  // 2. Allergies for ~5% of guests, standing requests for ~2%.
  writeGuestNotes(ctx, notes);
  // 3. The bench arrival days: regulars only, then parties drawn like any stay.
  const regular = () => 1 + 10 * Math.floor(draws.random() * Math.floor(options.size / 10));
  writeBenchDay(BENCH_DAY, regular, ctx, stays, notes, menu);
  writeBenchDay(TYPICAL_DAY, stays.leadRowid, ctx, stays, notes, menu);
  return menu;
}
