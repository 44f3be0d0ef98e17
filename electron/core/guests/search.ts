import type { Database, Statement } from 'better-sqlite3';
import type { GuestRow } from '../../../db/schema.ts';
import type { SearchHit } from '../../../shared/contract/guests.ts';
import { MATCH_KINDS } from '../../../shared/contract/guests.ts';
import { hasKana, kanaKey } from '../../../shared/text/kana.ts';
import { looksLikePhoneQuery, phoneDigits } from '../../../shared/text/phone.ts';
import { romajiQueryKey } from '../../../shared/text/romaji.ts';
import { foldWidth } from '../../../shared/text/width.ts';
import { guestOnRecord } from './on-record.ts';
import type { NameFormatter } from './rows.ts';
import type { SearchCues } from './search-cues.ts';
import { guestTerms, nameKey, shortLimit } from './search-keys.ts';

// Search as you type. The query is turned into the keys it could mean (phone digits, romaji key,
// kana key, name key, email); each key is looked up in search_term:
// - a short key (up to 6 kana/kanji or 10 ASCII characters) has its own rows ordered by rank then
//   recency, so one index walk reads exactly the rows it shows, however common the key;
// - a longer key is a B-tree range over whole keys, which is selective at that length.
// Never a scan of the guest table.

const ROMAJI_QUERY = /^[a-zA-Z\s'\-.\u00C0-\u017F]+$/;
const LONG_KEY_ROW_CAP = 2000;
/**
 * Candidates read beyond the ones shown: among equal matches a guest arriving today comes first, and they
 * may have booked long ago (an old recency). Looking a little further finds them in a page of common names.
 */
const LOOK_FURTHER = 20;

type Candidate = { guest: number; rank: number; recency: number };

/** The search keys a typed query can mean, most specific first. */
export function queryKeys(query: string): string[] {
  const text = foldWidth(query).trim();
  if (!text) return [];
  const keys = new Set<string>();
  if (looksLikePhoneQuery(text)) keys.add(phoneDigits(text));
  if (text.includes('@')) keys.add(text.toLowerCase().replace(/\s/g, ''));
  else if (ROMAJI_QUERY.test(text)) {
    keys.add(romajiQueryKey(text));
    keys.add(text.toLowerCase().replace(/\s/g, '')); // the start of an email address
  } else {
    if (hasKana(text)) keys.add(kanaKey(text));
    keys.add(nameKey(text));
  }
  keys.delete('');
  return [...keys];
}

type HitRow = Pick<
  GuestRow,
  'id' | 'family_name' | 'given_name' | 'family_reading' | 'given_reading' | 'phones' | 'email' | 'organization'
> & { rowid: number; merged_into: string | null };

const HIT_COLUMNS =
  'rowid, id, family_name, given_name, family_reading, given_reading, phones, email, organization, merged_into';

/** The rows of n guests at once: one statement instead of n point lookups (about 4x cheaper). */
function guestsByRowidsSql(count: number): string {
  return `SELECT ${HIT_COLUMNS}
            FROM guests WHERE rowid IN (${Array(count).fill('?').join(', ')}) AND (deleted_at IS NULL OR merged_into IS NOT NULL)`;
}

/** The only statements a lookup runs (exported so a test can check SQLite's plan for each). */
export const SEARCH_STATEMENTS = {
  walkShort: 'SELECT guest, rank, recency FROM search_term WHERE term = ? ORDER BY rank, recency DESC LIMIT ?',
  rangeLong: 'SELECT guest, rank, recency, term FROM search_term WHERE term >= ? AND term < ? AND rank = 0 LIMIT ?',
  guestsByRowids: guestsByRowidsSql(40),
  guestById: `SELECT ${HIT_COLUMNS} FROM guests WHERE id = ? AND (deleted_at IS NULL OR merged_into IS NOT NULL)`,
};

/** Looks one key up: up to `limit` candidates, or every one when `limit` is -1 (SQLite: no limit). */
function createLookup(db: Database) {
  const walkShort = db.prepare(SEARCH_STATEMENTS.walkShort);
  const rangeLong = db.prepare(SEARCH_STATEMENTS.rangeLong);
  return (key: string, limit: number): Candidate[] => {
    if (Array.from(key).length <= shortLimit(key)) return walkShort.all(key, limit) as Candidate[];
    const cap = limit === -1 ? -1 : LONG_KEY_ROW_CAP;
    const rows = rangeLong.all(key, `${key}\u{10FFFF}`, cap) as Array<Candidate & { term: string }>;
    return rows.map((row) => ({ guest: row.guest, recency: row.recency, rank: row.term === key ? 0 : 1 }));
  };
}

/** The statements of createMatches beyond the lookups (exported for the exports' query-plan test). */
export const MATCH_STATEMENTS = {
  mergedAmong:
    'SELECT rowid, merged_into FROM guests WHERE rowid IN (SELECT value FROM json_each(?)) AND merged_into IS NOT NULL',
  mergedInto: 'SELECT rowid, merged_into FROM guests WHERE id = ? AND (deleted_at IS NULL OR merged_into IS NOT NULL)',
};

/**
 * Every guest a query finds, not only the page the search shows: the same keys and the same index walks
 * as `search`, without their limits (an export takes all of them). A guest merged into another is found by
 * their old name as the guest they are now, as in the search. Guest rowids in ascending order; deleted guests
 * have no index rows, so none is among them.
 */
export function createMatches(db: Database) {
  const lookup = createLookup(db);
  const mergedAmong = db.prepare(MATCH_STATEMENTS.mergedAmong);
  const mergedInto = db.prepare(MATCH_STATEMENTS.mergedInto);
  type Merged = { rowid: number; merged_into: string | null };
  return function matches(query: string): number[] {
    const found = new Set<number>();
    for (const key of queryKeys(query)) for (const candidate of lookup(key, -1)) found.add(candidate.guest);
    const candidates = [...found];
    for (let start = 0; start < candidates.length; start += 2000) {
      for (const merged of mergedAmong.all(JSON.stringify(candidates.slice(start, start + 2000))) as Merged[]) {
        found.delete(merged.rowid);
        const current = guestOnRecord<Merged>(merged, (id) => mergedInto.get(id) as Merged | undefined);
        if (current) found.add(current.rowid);
      }
    }
    return [...found].sort((a, b) => a - b);
  };
}

export function createSearch(db: Database, displayName: NameFormatter, cues: SearchCues) {
  const lookup = createLookup(db);
  const guestById = db.prepare(SEARCH_STATEMENTS.guestById);
  const byCount = new Map<number, Statement>();
  /** A guest merged into another is found by their old name: the hit is the guest they are now (名寄せ). */
  const onRecord = (row: HitRow): HitRow | undefined =>
    guestOnRecord(row, (id) => guestById.get(id) as HitRow | undefined);
  const guestsByRowids = (rowids: number[]): HitRow[] => {
    let statement = byCount.get(rowids.length);
    if (!statement) {
      statement = db.prepare(guestsByRowidsSql(rowids.length));
      byCount.set(rowids.length, statement);
    }
    return statement.all(...rowids) as HitRow[];
  };

  /**
   * Whether the guest is found by the query through their names and readings alone, as a person who may not see
   * contact details finds them: a hit through the email or a phone number would tell them whose it is.
   */
  const foundByName = (row: HitRow, keys: readonly string[]) => {
    const terms = [...guestTerms({ ...row, phones: '[]', email: '' }).keys()];
    return keys.some((key) => terms.some((term) => term === key || term.startsWith(key)));
  };

  return function search(query: string, limit = 20, options: { contact: boolean } = { contact: true }): SearchHit[] {
    const best = new Map<number, Candidate>();
    const keys = queryKeys(query);
    for (const key of keys) {
      for (const candidate of lookup(key, limit + LOOK_FURTHER)) {
        const seen = best.get(candidate.guest);
        if (!seen || candidate.rank < seen.rank) best.set(candidate.guest, candidate);
      }
    }
    const ranked = [...best.values()]
      .sort((a, b) => a.rank - b.rank || b.recency - a.recency)
      .slice(0, limit + LOOK_FURTHER);
    if (ranked.length === 0) return [];
    const rows = new Map(guestsByRowids(ranked.map((candidate) => candidate.guest)).map((row) => [row.rowid, row]));
    const shownIds = new Set<string>();
    const found = ranked.flatMap((candidate) => {
      const hit = rows.get(candidate.guest);
      if (hit && !options.contact && !foundByName(hit, keys)) return [];
      const row = hit && (hit.merged_into ? onRecord(hit) : hit);
      // One hit per person: a guest found by their own name and by a merged card's name is listed once.
      if (!row || shownIds.has(row.id)) return [];
      shownIds.add(row.id);
      return [{ candidate, row }];
    });
    const present = cues.present();
    const arriving = (id: string) => (present.get(id) === 'arriving' ? 0 : 1);
    // Array.sort is stable: among equal matches, arriving today first, the rest stay in recency order.
    found.sort((a, b) => a.candidate.rank - b.candidate.rank || arriving(a.row.id) - arriving(b.row.id));
    const shown = found.slice(0, limit);
    const cuesOfShown = cues.cuesOf(shown.map(({ row }) => row.id));
    return shown.map(({ candidate, row }) => {
      const phones = JSON.parse(row.phones) as Array<{ number: string }>;
      return {
        ...displayName(row),
        phone: phones[0]?.number ?? '',
        email: row.email,
        organization: row.organization,
        match: MATCH_KINDS[candidate.rank] ?? 'substring',
        ...(cuesOfShown.get(row.id) ?? { today: null, allergy: null, lastVisit: null, rank: null }),
      };
    });
  };
}
