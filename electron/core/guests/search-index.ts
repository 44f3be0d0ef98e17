import type { Database, Statement } from 'better-sqlite3';
import type { Row } from '../changes/rows.ts';
import { guestTerms, type TermSource } from './search-keys.ts';
import { markSearchKeysCurrent } from './search-keys-version.ts';

/** What a guest's search rows are made of: a write that changes none of these leaves them as they are. */
const SEARCHED = [
  'family_name',
  'given_name',
  'family_reading',
  'given_reading',
  'phones',
  'email',
  'deleted_at',
  'last_activity_at',
  'merged_into',
] as const;

export type IndexedGuest = Row &
  TermSource & { rowid: number; deleted_at: string | null; last_activity_at: number; merged_into: string | null };

/**
 * Whether a guest has rows in the index: every guest on record, and a guest merged into another (名寄せ), whose
 * name still finds the person (search.ts answers with the kept guest). Other deleted guests have none.
 */
export function isSearched(guest: { deleted_at: string | null; merged_into?: string | null }): boolean {
  return guest.deleted_at === null || (guest.merged_into ?? null) !== null;
}

/** The guests a rebuild indexes, as SQL (the same rule as isSearched). */
export const SEARCHED_GUESTS = '(deleted_at IS NULL OR merged_into IS NOT NULL)';

/**
 * From this many guests whose index rows move in one transaction (a batch from another PC), the moves are
 * staged and written by SQLite in sorted statements; below it, key by key (a desk's edit moves one guest's
 * ~58 rows).
 */
export const BULK_SETTLE_GUESTS = 64;

/** Where a rebuild in slices builds the new index (search-rebuild.ts) until it is swapped in. */
export const SHADOW_TABLE = 'search_term_shadow' as const;

/**
 * Keeps search_term in step with guests, inside the write's transaction: `onGuestWritten` gathers, and
 * `settle` (at the end of the transaction, rows.ts) writes the net change. A guest's rows are a pure
 * function of its fields, so the old rows are recomputed from the old values and removed by key
 * (no secondary index needed). Deleted guests have no rows (search never shows them), but merged ones.
 *
 * While a rebuild in slices is building the shadow table, every write is applied to the shadow too, whoever
 * writes (another core on the same file included: the check is on the database, not in this object). The
 * shadow then always holds, for each guest, a subset of its current rows, and exactly its rows once the
 * rebuild's scan has passed it; so when the scan ends, the shadow equals a rebuild (tests/guests).
 */
/** A guest's terms as a JSON object {term: rank}, written out by hand: Object.fromEntries and stringify took four times as long. */
function termsJson(terms: Map<string, number>): string {
  let json = '';
  for (const [term, rank] of terms) json += `${json === '' ? '{' : ','}${JSON.stringify(term)}:${rank}`;
  return `${json}}`;
}

export function createSearchIndex(db: Database) {
  // Spelled out per table (both local, derived, never synced) so the synced-writes lint can read the names.
  const statementsFor = (table: 'search_term' | 'search_term_shadow') =>
    table === 'search_term'
      ? {
          insert: db.prepare('INSERT OR IGNORE INTO search_term (term, rank, recency, guest) VALUES (?, ?, ?, ?)'),
          remove: db.prepare('DELETE FROM search_term WHERE term = ? AND rank = ? AND recency = ? AND guest = ?'),
        }
      : {
          insert: db.prepare(
            'INSERT OR IGNORE INTO search_term_shadow (term, rank, recency, guest) VALUES (?, ?, ?, ?)',
          ),
          remove: db.prepare(
            'DELETE FROM search_term_shadow WHERE term = ? AND rank = ? AND recency = ? AND guest = ?',
          ),
        };
  const statements = { live: statementsFor('search_term') };
  const shadowExists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .pluck()
    .bind(SHADOW_TABLE);
  // Prepared once the shadow first exists; SQLite re-prepares them after it is dropped and made again.
  let shadow: { insert: Statement; remove: Statement } | undefined;

  const rows = (guest: IndexedGuest | undefined) =>
    guest && isSearched(guest) ? guestTerms(guest) : new Map<string, number>();

  // A transaction's guest writes, gathered: each guest's rows before its first write and after its last.
  const gathered = new Map<number, { before: IndexedGuest | undefined; after: IndexedGuest }>();

  // The primary key's order (term, rank, recency DESC, guest); terms compared as JS strings, which is
  // SQLite's order for all but characters beyond the BMP: close enough for a walk, and order is not meaning.
  type Key = [term: string, rank: number, recency: number | undefined, guest: number];
  const byKey = (a: Key, b: Key) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (b[2] ?? 0) - (a[2] ?? 0) || a[3] - b[3];

  /**
   * What takes a guest from `before` to `after`: the terms whose rows go (at `indexedAt`, the recency they stand
   * at) and the terms whose rows come (at the new one). A row that stays as it is (same term, rank and recency)
   * is in neither.
   */
  const difference = (before: IndexedGuest | undefined, after: IndexedGuest, indexedAt: number | undefined) => {
    const removed = rows(before);
    const added = rows(after);
    if (before && indexedAt === after.last_activity_at) {
      for (const [term, rank] of removed) {
        if (added.get(term) !== rank) continue;
        removed.delete(term);
        added.delete(term);
      }
    }
    return { removed, added };
  };

  // Recency moves wait (search_recency_lag, migration 0015). A desk's edit that changes nothing a search finds
  // the guest by but the last activity would move all ~58 of the guest's rows to the new recency: about two
  // thirds of a guests.update, all of it B-tree pages dirtied across the index and written again at the commit.
  // The move waits for the core's next idle moment instead (flushRecencyMoves, from the idle checkpoint); until
  // then the guest is found as before, in its earlier place among equal matches, and the table says at which
  // recency its rows stand, so any later write removes them by their exact key. Not while a rebuild builds the
  // shadow (its rows must follow every write), and not in a batch large enough for the bulk move.
  const lagOf = db.prepare('SELECT recency FROM search_recency_lag WHERE guest = ?').pluck();
  const anyLag = db.prepare('SELECT 1 FROM search_recency_lag LIMIT 1').pluck();
  const setLag = db.prepare('INSERT OR IGNORE INTO search_recency_lag (guest, recency) VALUES (?, ?)');
  const clearLag = db.prepare('DELETE FROM search_recency_lag WHERE guest = ?');
  const lagging = db.prepare('SELECT guest, recency FROM search_recency_lag LIMIT ?');
  const guestByRowid = db.prepare('SELECT rowid, * FROM guests WHERE rowid = ?');
  /** Whether `before` → `after` changes the guest's recency and nothing else its rows are made of. */
  const onlyRecencyMoved = (before: IndexedGuest, after: IndexedGuest) =>
    before.last_activity_at !== after.last_activity_at &&
    SEARCHED.every((column) => column === 'last_activity_at' || before[column] === after[column]);

  // Imports whose guests are indexed at their end, not write by write (deferImport).
  const deferred = new Set<string>();
  // Guests of a deferred import indexed already, because someone edited them before it ended (committed, and
  // in the transaction under way): their later writes move their rows as any guest's do.
  const wentLive = new Set<number>();
  const goingLive = new Set<number>();
  const setPending = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('search_pending_import', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const clearPending = db.prepare("DELETE FROM meta WHERE key = 'search_pending_import'");

  // An import's guests' rows wait in a scratch table (connection-local, written in the import's own
  // transactions) and go into the index when the import ends, in one INSERT … SELECT … ORDER BY, which SQLite
  // sorts itself and writes in one pass over the index (as rebuild() does). Written with each guest instead,
  // every slice dirtied pages all over the index and every commit wrote them again; written in pieces at the
  // end, each piece's rows landed all over it again: 14 s against 4.5 s for the 62,833 guests of the
  // 100,000-row bench ledger. Those 4.5 s are one statement, so a search typed then waits for it.
  // A guest waits as one scratch row, its terms as a JSON object that json_each unfolds at the end: one
  // statement per guest, where one per term (~60 a guest) took 10 s of the same import.
  let staging: { load: Statement; unstage: Statement } | undefined;
  const stagingTable = () => {
    if (!staging) {
      db.exec(
        'CREATE TEMP TABLE IF NOT EXISTS search_guest_staged (guest INTEGER PRIMARY KEY, recency, import, terms)',
      );
      staging = {
        load: db.prepare('INSERT OR REPLACE INTO temp.search_guest_staged VALUES (?, ?, ?, ?)'),
        unstage: db.prepare('DELETE FROM temp.search_guest_staged WHERE guest = ?'),
      };
    }
    return staging;
  };
  const stage = (guest: IndexedGuest, importId: string) => {
    const terms = rows(guest);
    if (terms.size === 0) return;
    stagingTable().load.run(guest.rowid, guest.last_activity_at, importId, termsJson(terms));
  };
  const writeStaged = (importId: string) => {
    stagingTable();
    const select = `SELECT term.key, term.value, staged.recency, staged.guest
      FROM temp.search_guest_staged AS staged, json_each(staged.terms) AS term
      WHERE staged.import = ? ORDER BY 1, 2, 3 DESC, 4`;
    db.prepare(`INSERT OR IGNORE INTO search_term ${select}`).run(importId);
    if (shadowExists.get() !== undefined)
      db.prepare(`INSERT OR IGNORE INTO search_term_shadow ${select}`).run(importId);
    db.prepare('DELETE FROM temp.search_guest_staged WHERE import = ?').run(importId);
  };

  // A batch from another PC moves thousands of guests' rows at once: 10,000 new guests add ~260,000 rows, and
  // 10,000 guests whose last activity moved remove and add ~580,000 each. Key by key from JavaScript, a third
  // of that was sorting the keys and much of the rest calling in one statement per key. Staged one JSON row per
  // guest and side, SQLite sorts them and walks the index itself (as writeStaged does for an import). Removals
  // go through a temporary trigger, one exact key lookup per row in key order: SQLite plans a
  // DELETE … WHERE (term, rank, recency, guest) IN (…) as a walk over every row of each term named, and a
  // common term has most of the index.
  type Move = { rowid: number; recency: number; terms: Map<string, number> };
  type Moves = ReadonlyArray<Move>;
  type Target = 'search_term' | typeof SHADOW_TABLE;
  const staged = (side: 'remove' | 'insert') => `SELECT term.key, term.value, moved.recency, moved.guest
    FROM temp.search_guest_moved AS moved, json_each(moved.terms) AS term
    WHERE moved.side = '${side}' ORDER BY 1, 2, 3 DESC, 4`;
  let bulk: { stage: Statement; clear: Statement } | undefined;
  // Spelled out per table (both local, derived, never synced) so the synced-writes lint can read the names.
  const bulkSql = (table: Target) =>
    table === 'search_term'
      ? {
          removeRow: `DELETE FROM main.search_term
             WHERE term = NEW.term AND rank = NEW.rank AND recency = NEW.recency AND guest = NEW.guest;`,
          insertStaged: `INSERT OR IGNORE INTO search_term ${staged('insert')}`,
        }
      : {
          removeRow: `DELETE FROM main.search_term_shadow
             WHERE term = NEW.term AND rank = NEW.rank AND recency = NEW.recency AND guest = NEW.guest;`,
          insertStaged: `INSERT OR IGNORE INTO search_term_shadow ${staged('insert')}`,
        };
  /** The removal trigger lives only while it runs: a rebuild's swap renames and drops the tables it names. */
  const removeStaged = (table: Target) => {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_term_removal (term, rank, recency, guest);
      CREATE TEMP TRIGGER search_term_removal_row AFTER INSERT ON search_term_removal BEGIN
        ${bulkSql(table).removeRow}
      END;`);
    try {
      db.prepare(`INSERT INTO temp.search_term_removal ${staged('remove')}`).run();
    } finally {
      db.exec('DROP TRIGGER IF EXISTS temp.search_term_removal_row; DELETE FROM temp.search_term_removal;');
    }
  };
  const moveInBulk = (removed: Moves, added: Moves, tables: readonly Target[]) => {
    if (!bulk) {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS search_guest_moved (side TEXT, guest, recency, terms)');
      bulk = {
        stage: db.prepare('INSERT INTO temp.search_guest_moved VALUES (?, ?, ?, ?)'),
        clear: db.prepare('DELETE FROM temp.search_guest_moved'),
      };
    }
    for (const { rowid, recency, terms } of removed) bulk.stage.run('remove', rowid, recency, termsJson(terms));
    for (const { rowid, recency, terms } of added) bulk.stage.run('insert', rowid, recency, termsJson(terms));
    for (const table of tables) {
      if (removed.length > 0) removeStaged(table);
      if (added.length > 0) db.prepare(bulkSql(table).insertStaged).run();
    }
    bulk.clear.run();
  };

  /** Key by key, removals first, each in key order (a desk's edit: one guest's rows). */
  const moveKeyByKey = (moves: { removed: Moves; added: Moves }, target: { insert: Statement; remove: Statement }) => {
    const keys = (list: Moves) => {
      const out: Key[] = [];
      for (const { rowid, recency, terms } of list)
        for (const [term, rank] of terms) out.push([term, rank, recency, rowid]);
      return out.sort(byKey);
    };
    for (const key of keys(moves.removed)) target.remove.run(...key);
    for (const key of keys(moves.added)) target.insert.run(...key);
  };

  return {
    /**
     * An import's guests are indexed when it ends (finishImport), not write by write (see the scratch table
     * above). Until then they are not found. A guest of it that someone edits meanwhile is indexed at once,
     * as it then is. Kept in meta while it lasts: a PC that stops mid-way rebuilds its index at the next start.
     */
    deferImport(importId: string) {
      deferred.add(importId);
      setPending.run(importId);
    },
    /** Writes the import's guests' rows into the index, in one sorted pass; inside a write transaction. */
    finishImport(importId: string) {
      writeStaged(importId);
      deferred.delete(importId);
      if (deferred.size === 0) {
        clearPending.run();
        wentLive.clear();
      }
    },
    onGuestWritten(before: IndexedGuest | undefined, after: IndexedGuest) {
      const importId = (after as { import_id?: string | null }).import_id;
      if (importId && deferred.has(importId) && !wentLive.has(after.rowid) && !goingLive.has(after.rowid)) {
        if (!before) {
          stage(after, importId);
          return;
        }
        // Edited before its import ended: it has no rows in the index yet, only staged ones. Those go, and
        // the guest is indexed now as it is, as a new guest would be.
        stagingTable().unstage.run(after.rowid);
        goingLive.add(after.rowid);
        gathered.set(after.rowid, { before: undefined, after });
        return;
      }
      const earlier = gathered.get(after.rowid);
      gathered.set(after.rowid, { before: earlier ? earlier.before : before, after });
    },
    /**
     * Writes the gathered net changes, removals first, each in key order. A guest edited by several
     * transactions of one batch from another PC moves its ~60 rows once, not once per edit.
     */
    settle() {
      if (gathered.size === 0) return;
      const live = { removed: [] as Move[], added: [] as Move[] };
      // The shadow's rows never wait: where a guest's live rows do, its shadow moves are worked out apart.
      const shadowOnly = { removed: [] as Move[], added: [] as Move[] };
      const withShadow = shadowExists.get() !== undefined;
      const bulk = gathered.size >= BULK_SETTLE_GUESTS;
      const mayLag = anyLag.get() !== undefined;
      for (const { before, after } of gathered.values()) {
        // Most writes to a guest (a note, consent, an address) change nothing a search finds them by.
        if (before && SEARCHED.every((column) => before[column] === after[column])) continue;
        const lag = before && mayLag ? (lagOf.get(after.rowid) as number | undefined) : undefined;
        if (before && !bulk && !withShadow && isSearched(after) && onlyRecencyMoved(before, after)) {
          setLag.run(after.rowid, before.last_activity_at); // a guest already waiting keeps its older recency
          continue;
        }
        const indexedAt = lag ?? before?.last_activity_at;
        const change = difference(before, after, indexedAt);
        if (before && change.removed.size > 0)
          live.removed.push({ rowid: after.rowid, recency: indexedAt as number, terms: change.removed });
        if (change.added.size > 0)
          live.added.push({ rowid: after.rowid, recency: after.last_activity_at, terms: change.added });
        if (lag !== undefined) {
          clearLag.run(after.rowid);
          if (withShadow) {
            const own = difference(before, after, before?.last_activity_at);
            if (before && own.removed.size > 0)
              shadowOnly.removed.push({ rowid: after.rowid, recency: before.last_activity_at, terms: own.removed });
            if (own.added.size > 0)
              shadowOnly.added.push({ rowid: after.rowid, recency: after.last_activity_at, terms: own.added });
          }
        } else if (withShadow) {
          if (before && change.removed.size > 0) shadowOnly.removed.push(live.removed.at(-1) as Move);
          if (change.added.size > 0) shadowOnly.added.push(live.added.at(-1) as Move);
        }
      }
      gathered.clear();
      for (const rowid of goingLive) wentLive.add(rowid);
      goingLive.clear();
      if (bulk) {
        moveInBulk(live.removed, live.added, ['search_term']);
        if (withShadow) moveInBulk(shadowOnly.removed, shadowOnly.added, [SHADOW_TABLE]);
        return;
      }
      moveKeyByKey(live, statements.live);
      if (withShadow) {
        shadow ??= statementsFor(SHADOW_TABLE);
        moveKeyByKey(shadowOnly, shadow);
      }
    },
    /** Whether some guest's rows wait for their move (a read, outside any transaction). */
    movesWaiting: () => anyLag.get() !== undefined,
    /**
     * Moves the rows of up to `max` guests whose recency move waited (see search_recency_lag above), inside
     * the caller's write transaction. Answers how many it moved: the caller comes back while there were `max`.
     */
    flushRecencyMoves(max: number): number {
      const waiting = lagging.all(max) as Array<{ guest: number; recency: number }>;
      const moves = { removed: [] as Move[], added: [] as Move[] };
      for (const { guest: rowid, recency } of waiting) {
        clearLag.run(rowid);
        const guest = guestByRowid.get(rowid) as IndexedGuest | undefined;
        // A guest leaves the index by a write, which clears its wait first; a missing one is nothing to move.
        if (!guest || !isSearched(guest) || guest.last_activity_at === recency) continue;
        const terms = guestTerms(guest);
        moves.removed.push({ rowid, recency, terms });
        moves.added.push({ rowid, recency: guest.last_activity_at, terms });
      }
      // Live rows only: a shadow being built holds this guest at its current recency, or not yet.
      moveKeyByKey(moves, statements.live);
      return waiting.length;
    },
    /** The transaction rolled back: so do the gathered changes. */
    discard() {
      gathered.clear();
      goingLive.clear();
    },
    /**
     * Rebuilds the whole index in one go: after a change to how keys are made (a migration calls it), or after
     * a bulk load written without the hook. Terms go to an unordered scratch table first and then into the
     * index in key order, which SQLite does with a sort and sequential page writes instead of millions
     * of random B-tree inserts. Search cannot run meanwhile; the running app uses the rebuild in slices.
     */
    rebuild() {
      db.exec(
        'DROP TABLE IF EXISTS temp.search_term_load; CREATE TEMP TABLE search_term_load (term, rank, recency, guest)',
      );
      const load = db.prepare('INSERT INTO temp.search_term_load VALUES (?, ?, ?, ?)');
      // In batches: better-sqlite3 cannot write while a read statement is still iterating.
      const batch = db.prepare(
        `SELECT rowid, * FROM guests WHERE ${SEARCHED_GUESTS} AND rowid > ? ORDER BY rowid LIMIT 5000`,
      );
      let after = 0;
      for (;;) {
        const guests = batch.all(after) as IndexedGuest[];
        if (guests.length === 0) break;
        for (const guest of guests) {
          for (const [term, rank] of guestTerms(guest)) load.run(term, rank, guest.last_activity_at, guest.rowid);
        }
        after = (guests.at(-1) as IndexedGuest).rowid;
      }
      db.exec(`DELETE FROM search_term;
        INSERT INTO search_term SELECT * FROM temp.search_term_load ORDER BY term, rank, recency DESC, guest;
        DROP TABLE temp.search_term_load;`);
      markSearchKeysCurrent(db);
      db.exec('DELETE FROM search_recency_lag'); // every row now stands at its guest's recency
      deferred.clear();
      clearPending.run();
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
