import type { Database } from 'better-sqlite3';
import { noteWriters, writeGuestNotes } from './service-allergies-requests.ts';
import { writeBenchDay } from './service-bench-day.ts';
import { BENCH_DAY, createDraws, type ServiceContext, type ServiceCounts, TYPICAL_DAY } from './service-common.ts';
import { dropServiceIndexes } from './service-indexes.ts';
import { writeMenu } from './service-menu.ts';
import { stayWriters, writeStayHistory } from './service-stays.ts';
import type { BenchWrites } from './writes.ts';

// The service layer of the benchmark database, laid over the guests layer: per guest 5 stays, 20 served
// rows, allergies for ~5% of guests, a request per ~3 stays, party links on ~30% of stays, and one
// two "bench arrival days" with exactly 100 arriving stays each (one per room) whose parties have allergies,
// requests and planned menus. Deterministic for the seed (ids included): every step below draws from one
// PRNG stream, so their order is part of the data.
//
// The catalogue (staff, dishes, courses: a few hundred rows) goes through the write path like any edit
// (service-menu.ts). The bulk tables are written with raw prepared INSERTs in large transactions, with NO
// change-log entries: the guests layer already holds tens of millions of log entries, so the log's size
// and the cost of appending to it are represented; 30M more entries would only lengthen the build.

export { BENCH_DAY, type ServiceCounts, TYPICAL_DAY } from './service-common.ts';

/** The guests layer: ids by rowid (1..size in generation order), and companions both ways. */
function readGuestsLayer(db: Database) {
  const guestIds: string[] = [''];
  for (const row of db.prepare('SELECT id FROM guests ORDER BY rowid').raw().iterate()) {
    guestIds.push((row as [string])[0]);
  }
  const companions = new Map<number, string[]>();
  const addCompanion = (rowid: number, id: string) => companions.set(rowid, [...(companions.get(rowid) ?? []), id]);
  const links = db.prepare(
    `SELECT a.rowid, b.rowid, l.relationship FROM guest_links l
       JOIN guests a ON a.id = l.guest_id JOIN guests b ON b.id = l.companion_id`,
  );
  for (const [a, b] of links.raw().iterate() as Iterable<[number, number, string]>) {
    addCompanion(a, guestIds[b] as string);
    addCompanion(b, guestIds[a] as string);
  }
  return { guestIds, companions };
}

/** Writes the service layer into `db` (migrated to the latest schema, guests layer present). */
export function loadServiceData(
  db: Database,
  writes: BenchWrites,
  size: number,
  log: (line: string) => void,
): ServiceCounts {
  const draws = createDraws(20_260_120);
  const { guestIds, companions } = readGuestsLayer(db);
  const menu = writeMenu(db, writes, draws);
  const rebuildIndexes = dropServiceIndexes(db);
  const ctx: ServiceContext = { ...draws, db, size, guestIds, staff: () => draws.pick(menu.staffIds) };
  const stays = stayWriters(ctx, companions);
  const notes = noteWriters(ctx, menu.allergenIds);
  // 1. Stays, parties, requests and served rows over ten years.
  writeStayHistory(ctx, stays, notes, menu, log);
  // 2. Allergies for ~5% of guests, standing requests for ~2%.
  writeGuestNotes(ctx, notes);
  // 3. The bench arrival days: regulars only, then parties drawn like any stay.
  const regular = () => 1 + 10 * Math.floor(draws.random() * Math.floor(size / 10));
  writeBenchDay(BENCH_DAY, regular, ctx, stays, notes, menu);
  writeBenchDay(TYPICAL_DAY, stays.leadRowid, ctx, stays, notes, menu);
  rebuildIndexes(log);
  return draws.counts;
}
