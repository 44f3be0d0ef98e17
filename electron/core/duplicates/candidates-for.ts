import type { Database, Statement } from 'better-sqlite3';
import type { Reasons } from '../../../shared/contract/duplicate-codes.ts';
import { formatPostcode } from '../../../shared/text/postcode.ts';
import { SEARCHED_GUESTS } from '../guests/search-index.ts';
import { readingRomajiKey } from '../guests/search-keys.ts';
import { type GuestFacts, type Profile, profileOf } from './profile.ts';
import { compareProfiles, THRESHOLD } from './score.ts';

// The guests already on record that a new guest probably is (at import, before a row becomes a new guest). The
// same blocking keys as the scan, each answered by an index instead of a pass over the register: the search
// index's exact terms (a whole reading, a whole folded name, a phone's digits, an e-mail), and the birthday and
// postcode indexes (migration 7). Each lookup reads at most LOOKUP_LIMIT guests, so a common name costs as much
// as a rare one; then the found guests are scored as the scan scores them.

/** A guest as an import row or a form gives it: only the family name and its reading are needed. */
export type GuestDraft = {
  familyName: string;
  givenName?: string;
  familyReading: string;
  givenReading?: string;
  phones?: ReadonlyArray<string | { number: string }>;
  email?: string;
  postalCode?: string;
  address?: string;
  birthday?: string;
};

export type ProbableGuest = { guestId: string; score: number; reasons: Reasons };

const LOOKUP_LIMIT = 200;
const RESULTS = 10;
const COLUMNS = `id, family_name, given_name, family_reading, given_reading, phones, email, postal_code, address,
  birthday`;

const cache = new WeakMap<Database, ReturnType<typeof statements>>();
const cacheWithMerged = new WeakMap<Database, ReturnType<typeof statements>>();

/**
 * The lookups, over the guests on record (`deleted_at IS NULL`), or with merged cards too (`SEARCHED_GUESTS`, as
 * the search finds a guest by a merged card's name): guests.similar follows a merged card to the guest it was
 * merged into; the import, which attaches rows to the guest found, keeps to the guests on record.
 */
function statements(db: Database, live: string) {
  return {
    byTerm: db
      .prepare(
        `SELECT g.rowid AS rowid FROM search_term s JOIN guests g ON g.rowid = s.guest
          WHERE s.term = ? AND s.rank = 0 LIMIT ${LOOKUP_LIMIT}`,
      )
      .pluck(),
    byBirthday: db
      .prepare(`SELECT rowid FROM guests WHERE birthday = ? AND birthday <> '' AND ${live} LIMIT ${LOOKUP_LIMIT}`)
      .pluck(),
    byPostcode: db
      .prepare(
        `SELECT rowid FROM guests WHERE postal_code = ? AND postal_code <> '' AND ${live}
          LIMIT ${LOOKUP_LIMIT}`,
      )
      .pluck(),
    guest: db.prepare(`SELECT ${COLUMNS} FROM guests WHERE rowid = ? AND ${live}`),
  } satisfies Record<string, Statement>;
}

/** The draft's terms in the search index that only a guest of the same whole name, phone or e-mail has. */
function exactTerms(draft: Profile, readings: { family: string; given: string }): string[] {
  const terms: string[] = [];
  if (draft.familyReading && draft.givenReading) {
    terms.push(draft.familyReading + draft.givenReading);
    const romaji = readingRomajiKey(readings.family) + readingRomajiKey(readings.given);
    if (romaji !== terms[0]) terms.push(romaji);
  }
  if (draft.familyName && draft.givenName) terms.push(draft.familyName + draft.givenName);
  terms.push(...draft.phones);
  if (draft.email) terms.push(draft.email);
  return terms;
}

/**
 * The existing guests the draft probably is, best first (at most ten), with the score and the reasons. `exclude`
 * leaves out guests (the draft's own record, once written); `threshold` is the score from which a guest is
 * listed (the scan's THRESHOLD unless given); `withMerged` also compares merged cards (their ids are answered:
 * the caller follows `merged_into`).
 */
export function candidatesFor(
  ctx: { db: Database },
  draft: GuestDraft,
  options: { exclude?: readonly string[]; threshold?: number; withMerged?: boolean } = {},
): ProbableGuest[] {
  const threshold = options.threshold ?? THRESHOLD;
  const kept = options.withMerged ? cacheWithMerged : cache;
  let prepared = kept.get(ctx.db);
  if (!prepared) {
    prepared = statements(ctx.db, options.withMerged ? SEARCHED_GUESTS : 'deleted_at IS NULL');
    kept.set(ctx.db, prepared);
  }
  const profile = profileOf({
    id: '',
    family_name: draft.familyName,
    given_name: draft.givenName ?? '',
    family_reading: draft.familyReading,
    given_reading: draft.givenReading ?? '',
    phones: draft.phones ?? [],
    email: draft.email ?? '',
    postal_code: draft.postalCode ?? '',
    address: draft.address ?? '',
    birthday: draft.birthday ?? '',
  });
  const rowids = new Set<number>();
  const add = (found: unknown[]) => {
    for (const rowid of found) rowids.add(rowid as number);
  };
  for (const term of exactTerms(profile, { family: draft.familyReading, given: draft.givenReading ?? '' })) {
    add(prepared.byTerm.all(term));
  }
  if (profile.birthday) add(prepared.byBirthday.all(profile.birthday));
  if (profile.postcode) add(prepared.byPostcode.all(formatPostcode(profile.postcode)));

  const exclude = new Set(options.exclude ?? []);
  const found: ProbableGuest[] = [];
  for (const rowid of rowids) {
    const row = prepared.guest.get(rowid) as GuestFacts | undefined;
    if (!row || exclude.has(row.id)) continue;
    const match = compareProfiles(profile, profileOf(row));
    if (match.score >= threshold) found.push({ guestId: row.id, score: match.score, reasons: match.reasons });
  }
  return found.sort((x, y) => y.score - x.score || (x.guestId < y.guestId ? -1 : 1)).slice(0, RESULTS);
}
