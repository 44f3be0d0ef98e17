import type { Database } from 'better-sqlite3';
import { Int32List } from '../compact/int32-list.ts';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { type Blocks, BlocksBuilder } from './blocks.ts';
import { blockingKeys, cachedKeys, type GuestFacts, type Profile, profileOf } from './profile.ts';
import { compareProfiles, THRESHOLD } from './score.ts';

// The duplicate scan over the whole register, as a job in slices (duplicates.scan). Three steps:
// 1. read the guests in rowid order, a batch per slice, folding each into a profile and its blocking keys
//    (profile.ts): guests sharing a key fall in one block (blocks.ts holds them compactly);
// 2. compare the guests within each block, each pair once (a pair sharing three keys is scored once);
// 3. keep the pairs scoring THRESHOLD or more in duplicate_candidates (local, derived), in one short write.
//
// A block is small for nearly every key (one person's phone, one full name), but a few are not: a company's
// switchboard number on a hundred cards, 田中太郎 in a register of a million. A block of more than MAX_BLOCK
// guests is not compared all against all: its guests are sorted by what else tells people apart (birthday,
// postcode, first phone, given reading) and each is compared with the WINDOW guests after it (the "sorted
// neighbourhood" method), so the work grows with the block's size, not its square. Two records of one person in
// such a block share their other details too, which sorts them next to each other.

export const MAX_BLOCK = 50;
export const WINDOW = 8;
const READ_BATCH = 2_000;

export const SCANNED_AT_KEY = 'duplicates_scanned_at';

export type ScanResult = { guests: number; candidates: number };

/** The ids of a pair in one order (their text order), as candidates and decisions keep them. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

const sortKey = (p: Profile) => `${p.birthday}|${p.postcode}|${p.phones[0] ?? ''}|${p.givenReading}|${p.id}`;

/**
 * The block a pair is scored in when they share several: the first (by block number) of the small blocks they
 * share, where every pair is compared. -1 when every block they share is large (compared in windows): then
 * whichever window meets them first scores them.
 */
function owner(blocks: Blocks, i: number, j: number): number {
  const shared = blocks.blocksOfGuests;
  const jFrom = blocks.guestStart(j);
  const jTo = blocks.guestStart(j + 1);
  let first = -1;
  for (let k = blocks.guestStart(i); k < blocks.guestStart(i + 1); k++) {
    const block = shared[k] as number;
    if ((first !== -1 && block >= first) || blocks.size(block) > MAX_BLOCK) continue;
    for (let m = jFrom; m < jTo; m++) {
      if (shared[m] === block) {
        first = block;
        break;
      }
    }
  }
  return first;
}

/** Every pair of a block worth comparing: all of a small block, a sorted window of a large one. */
export function* pairsOfBlock(members: ArrayLike<number>, profiles: readonly Profile[]): Generator<[number, number]> {
  if (members.length <= MAX_BLOCK) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) yield [members[i] as number, members[j] as number];
    }
    return;
  }
  const sorted = Array.from(members).sort((x, y) => {
    const kx = sortKey(profiles[x] as Profile);
    const ky = sortKey(profiles[y] as Profile);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  });
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j <= i + WINDOW && j < sorted.length; j++) yield [sorted[i] as number, sorted[j] as number];
  }
}

/**
 * The scan as a job body. `write` runs its work in one write transaction (the core's write path, so a scan
 * never writes beside another writer).
 */
export function* scanInSlices(
  db: Database,
  write: <T>(work: () => T) => T,
  slice: SliceClock,
  now: () => string,
): Generator<SliceProgress, ScanResult, void> {
  const total = (db.prepare('SELECT count(*) FROM guests WHERE deleted_at IS NULL').pluck().get() as number) * 2;
  const batch = db.prepare(
    `SELECT rowid, id, family_name, given_name, family_reading, given_reading, phones, email, postal_code, address,
            birthday FROM guests WHERE deleted_at IS NULL AND rowid > ? ORDER BY rowid LIMIT ${READ_BATCH}`,
  );
  const profiles: Profile[] = [];
  const building = new BlocksBuilder();
  const folded = cachedKeys();
  let after = 0;
  for (;;) {
    const rows = batch.all(after) as Array<GuestFacts & { rowid: number }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      const profile = profileOf(row, folded);
      profiles.push(profile);
      building.add(blockingKeys(profile));
    }
    after = (rows.at(-1) as { rowid: number }).rowid;
    if (slice.due()) yield { done: profiles.length, total };
  }
  const blocks = building.finish();

  // Pairs staff said are two people are never proposed again.
  const notSame = new Set(
    (
      db.prepare("SELECT guest_a, guest_b FROM duplicate_decisions WHERE decision = 'not_same'").all() as Array<{
        guest_a: string;
        guest_b: string;
      }>
    ).map((row) => `${row.guest_a}|${row.guest_b}`),
  );
  // The pairs found, as numbers (at 1,000,000 guests there are near a million): the two guests' indexes in id
  // order, the score, and the reasons' JSON as an index into `reasonTexts` (a few dozen distinct ones).
  const found = { a: new Int32List(), b: new Int32List(), score: new Int32List(), reasons: new Int32List() };
  const reasonTexts: string[] = [];
  const reasonIndex = new Map<string, number>();
  const count = profiles.length;
  // Pairs met only in large blocks' windows, already scored (few: a window's pairs).
  const seenInWindows = new Set<number>();
  for (let block = 0; block < blocks.count; block++) {
    const size = blocks.size(block);
    if (size >= 2) {
      const start = blocks.start(block);
      for (const [x, y] of pairsOfBlock(blocks.members.subarray(start, start + size), profiles)) {
        const [i, j] = x < y ? [x, y] : [y, x];
        // A pair sharing several blocks is scored once: in the first small block they share (no set of every
        // pair seen, which at a few hundred thousand pairs costs more than the scoring), or, sharing only large
        // blocks, in the first window that meets them.
        const own = owner(blocks, i, j);
        if (own !== -1 && own !== block) continue;
        if (own === -1) {
          const key = i * count + j;
          if (seenInWindows.has(key)) continue;
          seenInWindows.add(key);
        }
        const match = compareProfiles(profiles[i] as Profile, profiles[j] as Profile);
        if (match.score < THRESHOLD) continue;
        const [a, b] = (profiles[i] as Profile).id < (profiles[j] as Profile).id ? [i, j] : [j, i];
        if (notSame.has(`${(profiles[a] as Profile).id}|${(profiles[b] as Profile).id}`)) continue;
        const reasons = JSON.stringify(match.reasons);
        let reason = reasonIndex.get(reasons);
        if (reason === undefined) {
          reason = reasonTexts.push(reasons) - 1;
          reasonIndex.set(reasons, reason);
        }
        found.a.push(a);
        found.b.push(b);
        found.score.push(match.score);
        found.reasons.push(reason);
      }
    }
    if (slice.due()) yield { done: count + Math.floor((count * (block + 1)) / blocks.count), total };
  }

  write(() => {
    db.exec('DELETE FROM duplicate_candidates');
    const insert = db.prepare(
      'INSERT INTO duplicate_candidates (guest_a, guest_b, score, reasons) VALUES (?, ?, ?, ?)',
    );
    for (let k = 0; k < found.a.length; k++) {
      const a = profiles[found.a.at(k)] as Profile;
      const b = profiles[found.b.at(k)] as Profile;
      insert.run(a.id, b.id, found.score.at(k), reasonTexts[found.reasons.at(k)]);
    }
    db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(SCANNED_AT_KEY, now());
  });
  return { guests: count, candidates: found.a.length };
}
