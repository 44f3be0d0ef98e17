import type { Database } from 'better-sqlite3';
import type { Arrival } from '../../../shared/contract/arrivals.ts';
import type { ChangeEngine } from '../changes/engine.ts';
import type { StoredRow } from '../changes/rows.ts';
import { otherConnectionsWatch } from '../kitchen/history-cache.ts';
import { inWriteTransaction } from '../read-snapshot.ts';

// Each arriving party's entry, kept between calls. The arrivals page, the kitchen's sheet and the desk ask for
// the same day again and again (every change event refetches it), and most of a 100-room day's cost is working
// out each party's allergies, dishes to avoid and menu warnings from years of history, which one write changes
// for one party at most. What is kept here is exactly that part of an entry; the open requests, the lead's rank,
// the room clashes and the day's totals are read fresh on every call.
//
// A kept entry names what it was made from: the guests of its party and the stays its history read (the party's
// stays, this one included). A write drops every entry that names a row it touched (row hooks, inside the writing
// transaction, whether it commits or not), and clears everything on a write to what every entry depends on (the
// dish, course and allergen catalogues, the settings, staff names, an erasure). As with history-cache.ts:
// - entries are stored only from reads outside a transaction (what they hold is committed);
// - dropping is always safe;
// - another connection's commit to the file (SQLite's data_version) clears everything.
// Entries are per stay, per date asked for and per the inn's day (allergies due a re-confirm are judged on it).
// tests/arrivals/arrival-cache.test.ts drives random writes between calls and compares every answer with one
// worked out from nothing.

/** The part of an arrival kept between calls. */
export type KeptArrival = Pick<
  Arrival,
  'stay' | 'visitCount' | 'lastVisit' | 'allergies' | 'celebrations' | 'dishesToAvoid' | 'moreDishesToAvoid' | 'menus'
>;

/** What a kept entry was made from. */
export type ArrivalSources = { guests: readonly string[]; stays: readonly string[] };

/** Entries kept at most: a few busy weeks of arrivals. */
const LIMIT = 5_000;

/** Tables every entry depends on: a write to one of them clears all. */
const EVERYTHING = ['dishes', 'courses', 'allergens', 'settings', 'staff', 'erasures'] as const;

export type ArrivalCache = ReturnType<typeof createArrivalCache>;

export function createArrivalCache(db: Database, changes: Pick<ChangeEngine, 'onRowWritten'>) {
  const entries = new Map<string, { kept: KeptArrival; sources: ArrivalSources }>();
  const byGuest: SourceIndex = new Map();
  const byStay: SourceIndex = new Map();
  const changedElsewhere = otherConnectionsWatch(db);

  const clear = () => {
    entries.clear();
    byGuest.clear();
    byStay.clear();
  };
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const id of entry.sources.guests) removeFrom(byGuest, id, key);
    for (const id of entry.sources.stays) removeFrom(byStay, id, key);
  };
  const dropBy = (index: SourceIndex, id: unknown) => {
    if (typeof id !== 'string') return;
    const keys = index.get(id);
    if (keys === undefined) return;
    index.delete(id);
    if (typeof keys === 'string') forget(keys);
    else for (const key of keys) forget(key);
  };
  const dropGuest = (id: unknown) => dropBy(byGuest, id);
  const dropStay = (id: unknown) => dropBy(byStay, id);

  // A stay's row: its own entry, and every entry whose history holds it (its status and dates are visits); a new
  // stay is a visit of its lead, whose entries do not name it yet.
  changes.onRowWritten('stays', (before, after) => {
    dropStay(after.id);
    dropGuest(before?.guest_id);
    dropGuest(after.guest_id);
  });
  // Someone joins or leaves a party: that stay's entry, and the entries of the guest (a visit more or less).
  changes.onRowWritten('stay_party', (before: StoredRow | undefined, after: StoredRow) => {
    dropStay(after.stay_id);
    dropGuest(before?.guest_id);
    dropGuest(after.guest_id);
  });
  changes.onRowWritten('served', (before, after) => {
    dropStay(before?.stay_id);
    dropStay(after.stay_id);
  });
  changes.onRowWritten('menu_plans', (before, after) => {
    dropStay(before?.stay_id);
    dropStay(after.stay_id);
  });
  changes.onRowWritten('allergies', (before, after) => {
    dropGuest(before?.guest_id);
    dropGuest(after.guest_id);
  });
  // Names and birthdays.
  changes.onRowWritten('guests', (_before, after) => dropGuest(after.id));
  for (const table of EVERYTHING) changes.onRowWritten(table, clear);

  return {
    /** The kept entries of these stays for `date` on the inn's day `today`; the stays with none. */
    lookup(date: string, today: string, stayIds: readonly string[]) {
      if (changedElsewhere()) clear();
      const kept = new Map<string, KeptArrival>();
      const missing: string[] = [];
      for (const id of stayIds) {
        const entry = entries.get(keyOf(date, today, id));
        if (entry) kept.set(id, entry.kept);
        else missing.push(id);
      }
      return { kept, missing };
    },

    /** Keeps an entry worked out now, unless inside a transaction (it may read what will not be committed). */
    keep(date: string, today: string, stayId: string, kept: KeptArrival, sources: ArrivalSources) {
      if (inWriteTransaction(db)) return;
      const key = keyOf(date, today, stayId);
      forget(key);
      if (entries.size >= LIMIT) forget(entries.keys().next().value as string);
      entries.set(key, { kept, sources });
      for (const id of sources.guests) addTo(byGuest, id, key);
      for (const id of sources.stays) addTo(byStay, id, key);
    },

    /** Entries kept now (the tests' and the bench's look inside). */
    size: () => entries.size,
  };
}

const keyOf = (date: string, today: string, stayId: string) => `${today}|${date}|${stayId}`;

/**
 * Source row id → the keys of the entries made from it. Nearly every row feeds one entry (a past stay is in
 * one party's history), so that key is held as it is, and only a row shared by several entries gets a list.
 * A day's first read fills this anew for years of regulars' stays; a Set per row was most of what each such
 * read left alive, and every young-generation collection then copied it (a 35 ms pause in one read of four at
 * 1,000,000 guests).
 */
type SourceIndex = Map<string, string | string[]>;

function addTo(index: SourceIndex, id: string, key: string) {
  const keys = index.get(id);
  if (keys === undefined) index.set(id, key);
  else if (typeof keys === 'string') {
    if (keys !== key) index.set(id, [keys, key]);
  } else if (!keys.includes(key)) keys.push(key);
}

function removeFrom(index: SourceIndex, id: string, key: string) {
  const keys = index.get(id);
  if (keys === undefined) return;
  if (typeof keys === 'string') {
    if (keys === key) index.delete(id);
    return;
  }
  const at = keys.indexOf(key);
  if (at >= 0) keys.splice(at, 1);
  if (keys.length === 0) index.delete(id);
}
