import type { Database } from 'better-sqlite3';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { blockingKeys, cachedKeys, type GuestFacts, type Profile, profileOf } from './profile.ts';
import { compareProfiles, type Match, THRESHOLD } from './score.ts';

// The duplicate scan over the whole register, as a job in slices (duplicates.scan). Three steps:
// 1. read the guests in rowid order, a batch per slice, folding each into a profile and its blocking keys
//    (profile.ts): guests sharing a key fall in one block;
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

type Found = { a: string; b: string; match: Match };

/** The ids of a pair in one order (their text order), as candidates and decisions keep them. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

const sortKey = (p: Profile) => `${p.birthday}|${p.postcode}|${p.phones[0] ?? ''}|${p.givenReading}|${p.id}`;

/**
 * The block a pair is scored in when they share several: the first (by key order) of the small blocks they
 * share, where every pair is compared. Null when every block they share is large (compared in windows): then
 * whichever window meets them first scores them.
 */
function owner(a: readonly string[], b: readonly string[], isSmall: (key: string) => boolean): string | null {
  let first: string | null = null;
  for (const key of a) if (b.includes(key) && isSmall(key) && (first === null || key < first)) first = key;
  return first;
}

/** Every pair of a block worth comparing: all of a small block, a sorted window of a large one. */
export function* pairsOfBlock(members: readonly number[], profiles: readonly Profile[]): Generator<[number, number]> {
  if (members.length <= MAX_BLOCK) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) yield [members[i] as number, members[j] as number];
    }
    return;
  }
  const sorted = [...members].sort((x, y) => {
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
  const keysOf: string[][] = [];
  const blocks = new Map<string, number[]>();
  const folded = cachedKeys();
  let after = 0;
  for (;;) {
    const rows = batch.all(after) as Array<GuestFacts & { rowid: number }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      const profile = profileOf(row, folded);
      const index = profiles.push(profile) - 1;
      const keys = blockingKeys(profile);
      keysOf.push(keys);
      for (const key of keys) {
        const members = blocks.get(key);
        if (members) members.push(index);
        else blocks.set(key, [index]);
      }
    }
    after = (rows.at(-1) as { rowid: number }).rowid;
    if (slice.due()) yield { done: profiles.length, total };
  }

  // Pairs staff said are two people are never proposed again.
  const notSame = new Set(
    (
      db.prepare("SELECT guest_a, guest_b FROM duplicate_decisions WHERE decision = 'not_same'").all() as Array<{
        guest_a: string;
        guest_b: string;
      }>
    ).map((row) => `${row.guest_a}|${row.guest_b}`),
  );
  const found: Found[] = [];
  const count = profiles.length;
  let blocksDone = 0;
  const isSmall = (key: string) => (blocks.get(key)?.length ?? 0) <= MAX_BLOCK;
  // Pairs met only in large blocks' windows, already scored (few: a window's pairs).
  const seenInWindows = new Set<number>();
  for (const [block, members] of blocks) {
    blocksDone++;
    if (members.length < 2) continue;
    for (const [x, y] of pairsOfBlock(members, profiles)) {
      const [i, j] = x < y ? [x, y] : [y, x];
      // A pair sharing several blocks is scored once: in the first small block they share (no set of every
      // pair seen, which at a few hundred thousand pairs costs more than the scoring), or, sharing only large
      // blocks, in the first window that meets them.
      const own = owner(keysOf[i] as string[], keysOf[j] as string[], isSmall);
      if (own !== null && own !== block) continue;
      if (own === null) {
        const key = i * count + j;
        if (seenInWindows.has(key)) continue;
        seenInWindows.add(key);
      }
      const match = compareProfiles(profiles[i] as Profile, profiles[j] as Profile);
      if (match.score < THRESHOLD) continue;
      const [a, b] = orderedPair((profiles[i] as Profile).id, (profiles[j] as Profile).id);
      if (notSame.has(`${a}|${b}`)) continue;
      found.push({ a, b, match });
    }
    if (slice.due()) yield { done: count + Math.floor((count * blocksDone) / blocks.size), total };
  }

  write(() => {
    db.exec('DELETE FROM duplicate_candidates');
    const insert = db.prepare(
      'INSERT INTO duplicate_candidates (guest_a, guest_b, score, reasons) VALUES (?, ?, ?, ?)',
    );
    for (const { a, b, match } of found) insert.run(a, b, match.score, JSON.stringify(match.reasons));
    db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(SCANNED_AT_KEY, now());
  });
  return { guests: count, candidates: found.length };
}
