import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { ENTRY_BITS, encodeRowId } from '../../db/log/store.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { seededRandom } from '../../electron/core/demo/generate.ts';
import { createSearchIndex, type IndexedGuest } from '../../electron/core/guests/search-index.ts';
import { distinctRowids } from './apply-figures.ts';
import { warmPageCache } from './core-calls.ts';

// The least SQL that taking in the apply figures' batch must run (apply-figures.ts: 10,000 guests edited, note
// and last activity, and 80,000 stays, their note), timed on a copy of a register, without the app:
// - "writes": each row's UPDATE by its id, a log_tx row per transaction and a log_entry row per field, in one
//   SQLite transaction, committed. No merge decision, no row hook (the search index), no conflict check;
// - "with reads": the same, plus what a merge by the log reads first: the row, and the row's log entries;
// - "moved in the search index": the same, plus each edited guest's search rows moved to its new last activity
//   by the app's own code (guests/search-index.ts, the row hook's bulk pass): the least of the app's doing.
// Rows are taken at random, as a PC that was away edits them, and written in arrival order, then in id order
// (the order the apply's flush walks them in). The page cache is the app's (db/open.ts), the file warmed.
//
//   node tests/bench/apply-floor.ts .bench/bench-1000000-….sqlite
//
// What the apply must do is more than this, so the apply cannot be faster than these figures on this machine.

const GUEST_EDITS = 10_000;
const STAY_EDITS = 80_000;

type Pass = { label: string; sorted: boolean; reads: boolean; moves?: boolean };
const PASSES: Pass[] = [
  { label: 'writes, in arrival order', sorted: false, reads: false },
  { label: 'writes, in id order', sorted: true, reads: false },
  { label: 'writes with reads, in id order', sorted: true, reads: true },
  { label: 'writes with reads, and the search index moved', sorted: true, reads: true, moves: true },
];

function pickIds(db: Database.Database, table: 'guests' | 'stays', count: number, random: () => number): string[] {
  const max = db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number;
  const idOf = db.prepare(`SELECT id FROM ${table} WHERE rowid = ?`).pluck();
  return distinctRowids(random, max, count, new Set()).map((rowid) => idOf.get(rowid) as string);
}

function runPass(db: Database.Database, pass: Pass, seed: number): { statementsMs: number; commitMs: number } {
  const random = seededRandom(seed);
  const guests = pickIds(db, 'guests', GUEST_EDITS, random);
  const stays = pickIds(db, 'stays', STAY_EDITS, random);
  if (pass.sorted) {
    guests.sort();
    stays.sort();
  }
  const guestTable = tableSpec('guests').id;
  const stayTable = tableSpec('stays').id;
  const column = (table: 'guests' | 'stays', name: string) => (columnSpec(table, name) as { id: number }).id;
  const [guestNote, guestActivity, stayNote] = [
    column('guests', 'note'),
    column('guests', 'last_activity_at'),
    column('stays', 'note'),
  ];
  const node = db.prepare('INSERT INTO log_nodes (node) VALUES (randomblob(16)) RETURNING id').pluck().get() as number;
  const insertTx = db.prepare('INSERT INTO log_tx (hlc, node, staff, call, schema) VALUES (?, ?, NULL, NULL, ?)');
  const insertEntry = db.prepare('INSERT INTO log_entry (id, tbl, row, col, value) VALUES (?, ?, ?, ?, ?)');
  const updateGuest = db.prepare('UPDATE guests SET note = ?, last_activity_at = ?, updated_at = ? WHERE id = ?');
  const updateStay = db.prepare('UPDATE stays SET note = ?, updated_at = ? WHERE id = ?');
  const readGuest = db.prepare('SELECT rowid, * FROM guests WHERE id = ?');
  const readStay = db.prepare('SELECT rowid, * FROM stays WHERE id = ?');
  const readEntries = db.prepare(
    'SELECT id, col, value, prev_hlc, prev_node, base FROM log_entry WHERE tbl = ? AND row = ?',
  );
  let stamp = 2 ** 52 + seed * 1_000_000; // above any stamp the register holds; whole, so each is its own
  const now = new Date().toISOString();
  const started = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const searchIndex = createSearchIndex(db);
  const edit = (tbl: number, id: string, fields: Array<[number, unknown]>, update: () => void, read: () => void) => {
    const seq = Number(insertTx.run(stamp++, node, LATEST_VERSION).lastInsertRowid);
    const row = encodeRowId(id);
    if (pass.reads) {
      read();
      readEntries.all(tbl, row);
    }
    update();
    fields.forEach(([col, value], position) => {
      insertEntry.run(seq * 2 ** ENTRY_BITS + position, tbl, row, col, value);
    });
  };
  // Interleaved as the apply figures' batch is: a guest, then its share of the stays.
  const perGuest = stays.length / guests.length;
  let s = 0;
  guests.forEach((id, i) => {
    const note = `別のPCで編集 ${i}`;
    const activity = Date.now();
    edit(
      guestTable,
      id,
      [
        [guestNote, note],
        [guestActivity, BigInt(activity)],
      ],
      () => updateGuest.run(note, activity, now, id),
      () => {
        const guest = readGuest.get(id) as IndexedGuest;
        if (pass.moves) searchIndex.onGuestWritten(guest, { ...guest, note, last_activity_at: activity });
      },
    );
    for (; s < Math.round((i + 1) * perGuest); s++) {
      const stay = stays[s] as string;
      const stayNoteValue = `別のPCで ${s}`;
      edit(
        stayTable,
        stay,
        [[stayNote, stayNoteValue]],
        () => updateStay.run(stayNoteValue, now, stay),
        () => readStay.get(stay),
      );
    }
  });
  if (pass.moves) searchIndex.settle();
  const statementsMs = performance.now() - started;
  db.exec('COMMIT');
  const commitMs = performance.now() - started - statementsMs;
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { statementsMs, commitMs };
}

function main() {
  const register = process.argv[2];
  if (!register) throw new Error('usage: node tests/bench/apply-floor.ts REGISTER');
  const copy = `${register}.floor`;
  const removeCopy = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  };
  removeCopy();
  copyFileSync(register, copy);
  try {
    console.log(`warmed ${copy} in ${warmPageCache(copy).toFixed(1)} s`);
    const db = new Database(copy);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536'); // the app's (db/open.ts)
    db.pragma('wal_autocheckpoint = 0'); // as the core's connection: one WAL for the whole transaction
    PASSES.forEach((pass, index) => {
      const { statementsMs, commitMs } = runPass(db, pass, 101 + index);
      const total = (statementsMs + commitMs) / 1000;
      console.log(
        `${pass.label}: ${total.toFixed(2)} s (statements ${(statementsMs / 1000).toFixed(2)} s, commit ${(commitMs / 1000).toFixed(2)} s)`,
      );
    });
    db.close();
  } finally {
    removeCopy();
  }
}

main();
