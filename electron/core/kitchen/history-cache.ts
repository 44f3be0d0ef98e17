import type { Database, Statement } from 'better-sqlite3';
import { formsOf, sqlPackedId, unpackValue } from '../../../db/stored-form.ts';
import type { Meal } from '../../../shared/contract/kitchen.ts';
import type { ChangeEngine } from '../changes/engine.ts';
import type { StoredRow } from '../changes/rows.ts';
import { inWriteTransaction } from '../read-snapshot.ts';

// What a party ate and when it came, kept between calls. The arrivals page, the kitchen sheet, the stay page and
// the card ask again and again for the same regulars' years of stays and servings, which barely change: reading
// them is most of a 100-room day's arrivals. Each guest's stays and each stay's servings are kept here, and a
// write drops exactly what it touched (row hooks on stays, stay_party and served, inside the writing transaction),
// so the next read recomputes only that.
//
// Kept correct by three rules:
// - entries are stored only from reads outside a transaction (what they hold is committed; a transaction that
//   read its own writes and then rolled back leaves nothing behind);
// - a write drops the entries it touches as it happens, whether its transaction commits or not (dropping is
//   always safe);
// - SQLite's data_version tells when another connection committed to the file: then everything is dropped.
//
// The kept lists are handed out as they are (per guest, per stay), in the shape the warnings read them: a first read
// of a 100-room day goes through tens of thousands of servings, and copying and regrouping them on every call
// was a tenth of its time. Callers read them and never change them.

/** One stay of a guest's, as the warnings and the visit count need it (handed out as kept, never copied). */
export type GuestStayRow = {
  stayId: string;
  guestId: string;
  arrivalDate: string;
  departureDate: string;
  status: string;
};

/** One serving, in the shape the warnings use it: the kept rows are handed out as they are, never copied. */
export type ServingRow = { stayId: string; date: string; meal: Meal; dishId: string; reaction: string | null };

const STAYS_OF_GUESTS = `
  SELECT id AS stayId, guest_id AS guestId, arrival_date AS arrivalDate, departure_date AS departureDate, status
    FROM stays
   WHERE guest_id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL
  UNION ALL
  SELECT s.id AS stayId, p.guest_id AS guestId, s.arrival_date AS arrivalDate, s.departure_date AS departureDate,
         s.status
    FROM stay_party p JOIN stays s ON s.id = p.stay_id
   WHERE p.guest_id IN (SELECT value FROM json_each(@ids)) AND p.deleted_at IS NULL AND s.deleted_at IS NULL`;

// served keeps its ids, days and meals packed (db/stored-form.ts): the stays asked for are packed in SQL, the
// values read unpacked.
const SERVED = formsOf('served') ?? {};
const SERVINGS_OF_STAYS = `
  SELECT stay_id AS stayId, date, meal, dish_id AS dishId, reaction FROM served
   WHERE stay_id IN (SELECT ${sqlPackedId('value')} FROM json_each(?)) AND retracted_at IS NULL`;

// A regular's older stays matter only for what they left or disliked: read through the small partial index.
const REJECTED_ON_STAYS = `
  SELECT stay_id AS stayId, date, meal, dish_id AS dishId, reaction FROM served INDEXED BY served_rejected
   WHERE stay_id IN (SELECT ${sqlPackedId('value')} FROM json_each(?)) AND retracted_at IS NULL
     AND reaction IN ('left', 'disliked')`;

/** The statements of this file, for the query-plan test. */
export const HISTORY_CACHE_STATEMENTS = { STAYS_OF_GUESTS, SERVINGS_OF_STAYS, REJECTED_ON_STAYS };

const REJECTED = new Set(['left', 'disliked']);

/** How many guests' stays and stays' servings are kept at most: a few busy months of arrivals, some MB. */
const DEFAULT_LIMIT = 50_000;

/** A stay's servings as read: all of them, or only those left or disliked (an older stay's). */
type StayServings = { all: boolean; rows: readonly ServingRow[]; used: number };

/** A guest's stays as kept, with when they were last asked for. */
type GuestStays = { rows: GuestStayRow[]; used: number };

export type HistoryCache = ReturnType<typeof createHistoryCache>;

/**
 * Whether another connection committed to the file since the last ask (SQLite's data_version moves only for
 * other connections' commits): then nothing a cache kept from this connection's reads can be trusted.
 */
export function otherConnectionsWatch(db: Database): () => boolean {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let seen = dataVersion.get() as number;
  return () => {
    const version = dataVersion.get() as number;
    if (version === seen) return false;
    seen = version;
    return true;
  };
}

export function createHistoryCache(db: Database, changes: Pick<ChangeEngine, 'onRowWritten'>, limit = DEFAULT_LIMIT) {
  const staysOfGuest = new Map<string, GuestStays>();
  /** Which kept guests list a stay: a write to the stay drops each of them (a companion lists it too). */
  const guestsOfStay = new Map<string, Set<string>>();
  const servingsOfStay = new Map<string, StayServings>();
  const staysOfGuests = db.prepare(STAYS_OF_GUESTS);
  const servingsOfStays = db.prepare(SERVINGS_OF_STAYS);
  const rejectedOnStays = db.prepare(REJECTED_ON_STAYS);
  const changedElsewhere = otherConnectionsWatch(db);
  const counts = { reads: 0, hits: 0 };
  /** Counts the asks: an entry's `used` is the ask that last read it. */
  let asks = 0;

  const dropGuest = (guestId: unknown) => {
    if (typeof guestId !== 'string') return;
    const kept = staysOfGuest.get(guestId);
    if (!kept) return;
    staysOfGuest.delete(guestId);
    for (const row of kept.rows) guestsOfStay.get(row.stayId)?.delete(guestId);
  };
  const dropStay = (stayId: unknown) => {
    if (typeof stayId !== 'string') return;
    for (const guestId of [...(guestsOfStay.get(stayId) ?? [])]) dropGuest(guestId);
    guestsOfStay.delete(stayId);
  };
  const clear = () => {
    staysOfGuest.clear();
    guestsOfStay.clear();
    servingsOfStay.clear();
  };

  changes.onRowWritten('stays', (before, after) => {
    dropGuest(before?.guest_id);
    dropGuest(after.guest_id);
    dropStay(after.id);
  });
  changes.onRowWritten('stay_party', (before: StoredRow | undefined, after: StoredRow) => {
    dropGuest(before?.guest_id);
    dropGuest(after.guest_id);
  });
  changes.onRowWritten('served', (before, after) => {
    if (before) servingsOfStay.delete(before.stay_id as string);
    servingsOfStay.delete(after.stay_id as string);
  });

  /** Another connection wrote to the file since we last looked: nothing kept can be trusted. */
  const checkFresh = () => {
    if (changedElsewhere()) clear();
  };
  const mayKeep = () => !inWriteTransaction(db);
  // Recency is the ask an entry was last read by, written into the entry. Moving each entry read to the end of
  // its Map (delete, then set again) kept the Maps in use order, but a day's first arrivals read touches a few
  // thousand entries: the holes left behind made V8 rebuild the tables, a tenth of what that read allocated.
  // Over the limit, the least recently asked-for tenth goes at once, so the sort is seldom.
  const evictOldest = <V extends { used: number }>(map: Map<string, V>, drop: (key: string) => void) => {
    if (map.size <= limit) return;
    const byAge = [...map].sort((a, b) => a[1].used - b[1].used);
    const excess = map.size - Math.floor(limit * 0.9);
    for (let i = 0; i < excess; i++) drop((byAge[i] as [string, V])[0]);
  };
  const trim = () => {
    evictOldest(staysOfGuest, dropGuest);
    evictOldest(servingsOfStay, (stayId) => servingsOfStay.delete(stayId));
  };

  return {
    /**
     * Each guest's stays (as lead or in the party, not deleted; each stay once), in the order given. The lists
     * are the kept ones, handed out as they are: read them, never change them.
     */
    staysByGuest(guestIds: readonly string[]): Map<string, readonly GuestStayRow[]> {
      checkFresh();
      const ask = ++asks;
      const found = new Map<string, readonly GuestStayRow[]>();
      const missing: string[] = [];
      for (const id of guestIds) {
        const kept = staysOfGuest.get(id);
        if (kept) {
          kept.used = ask;
          found.set(id, kept.rows);
        } else missing.push(id);
      }
      counts.reads += guestIds.length;
      counts.hits += guestIds.length - missing.length;
      if (missing.length === 0) return found;
      const byGuest = new Map<string, GuestStayRow[]>(missing.map((id) => [id, []]));
      for (const row of staysOfGuests.all({ ids: JSON.stringify(missing) }) as GuestStayRow[]) {
        const list = byGuest.get(row.guestId);
        // A stay the guest leads and is in the party of comes twice from the UNION: once is enough.
        if (list && !list.some((kept) => kept.stayId === row.stayId)) list.push(row);
      }
      const keep = mayKeep();
      for (const [guestId, rows] of byGuest) {
        found.set(guestId, rows);
        if (!keep) continue;
        staysOfGuest.set(guestId, { rows, used: ask });
        for (const row of rows) {
          const guests = guestsOfStay.get(row.stayId) ?? new Set<string>();
          guests.add(guestId);
          guestsOfStay.set(row.stayId, guests);
        }
      }
      if (keep) trim();
      return found;
    },

    /**
     * Each stay's servings (not retracted): every one for the `all` stays, those left or disliked for the
     * `rejectedOnly` ones. The lists are the kept ones, handed out as they are: read them, never change them.
     */
    servingsByStay(all: readonly string[], rejectedOnly: readonly string[]): Map<string, readonly ServingRow[]> {
      checkFresh();
      const ask = ++asks;
      const found = new Map<string, readonly ServingRow[]>();
      const missingAll: string[] = [];
      const missingRejected: string[] = [];
      for (const id of all) {
        const kept = servingsOfStay.get(id);
        if (kept?.all) {
          kept.used = ask;
          found.set(id, kept.rows);
        } else missingAll.push(id);
      }
      for (const id of rejectedOnly) {
        const kept = servingsOfStay.get(id);
        if (kept) {
          kept.used = ask;
          found.set(id, kept.all ? kept.rows.filter((row) => row.reaction && REJECTED.has(row.reaction)) : kept.rows);
        } else missingRejected.push(id);
      }
      const read = (statement: Statement, ids: readonly string[], complete: boolean) => {
        const sorted = [...ids].sort();
        const byStay = new Map<string, ServingRow[]>(sorted.map((id) => [id, []]));
        for (const row of statement.all(JSON.stringify(sorted)) as ServingRow[]) {
          row.stayId = unpackValue(SERVED.stay_id, row.stayId) as string;
          row.dishId = unpackValue(SERVED.dish_id, row.dishId) as string;
          row.date = unpackValue(SERVED.date, row.date) as string;
          row.meal = unpackValue(SERVED.meal, row.meal) as Meal;
          byStay.get(row.stayId)?.push(row);
        }
        for (const [stayId, rows] of byStay) {
          found.set(stayId, rows);
          if (mayKeep()) servingsOfStay.set(stayId, { all: complete, rows, used: ask });
        }
      };
      if (missingAll.length > 0) read(servingsOfStays, missingAll, true);
      if (missingRejected.length > 0) read(rejectedOnStays, missingRejected, false);
      trim();
      return found;
    },

    /** Lookups answered from what was kept, of all lookups (for the benchmark's report). */
    stats: () => ({ ...counts, guests: staysOfGuest.size, stays: servingsOfStay.size }),
  };
}
