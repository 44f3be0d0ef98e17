import type { Database } from 'better-sqlite3';
import { type Severity, severityRank } from '../../../shared/contract/allergies.ts';
import type { SearchCue } from '../../../shared/contract/guests.ts';

// What a search result row tells the desk at a glance, beside the name: arriving today or staying now, an
// allergy on record (its worst severity), and the last visit. A keystroke must stay well under a millisecond:
// - who arrives today and who is staying are two small sets (a day's parties), read once per day and per
//   change of the register, not per keystroke, so every candidate can be ranked by them;
// - the allergy and the last visit are read for the rows shown only, in two statements over their ids
//   (every stay of theirs as lead or in a party, their current allergies).

const TODAY_SETS = `
  SELECT s.guest_id AS guest, s.arrival_date = @day AS arriving FROM stays s INDEXED BY stays_occupying
   WHERE s.departure_date >= @day AND s.arrival_date <= @day AND s.deleted_at IS NULL
     AND s.status IN ('booked', 'in_house')
  UNION ALL
  SELECT p.guest_id, s.arrival_date = @day FROM stays s INDEXED BY stays_occupying
    JOIN stay_party p ON p.stay_id = s.id AND p.deleted_at IS NULL
   WHERE s.departure_date >= @day AND s.arrival_date <= @day AND s.deleted_at IS NULL
     AND s.status IN ('booked', 'in_house')`;

const STAYS_OF_HITS = `
  SELECT guest_id AS guest, arrival_date AS arrival, departure_date AS departure, status FROM stays
   WHERE guest_id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL
  UNION ALL
  SELECT p.guest_id, s.arrival_date, s.departure_date, s.status FROM stay_party p JOIN stays s ON s.id = p.stay_id
   WHERE p.guest_id IN (SELECT value FROM json_each(@ids)) AND p.deleted_at IS NULL AND s.deleted_at IS NULL`;

const ALLERGIES_OF_HITS = `
  SELECT guest_id AS guest, severity FROM allergies
   WHERE guest_id IN (SELECT value FROM json_each(?)) AND superseded_by IS NULL AND retracted_at IS NULL`;

// The rank (顧客ランク) from the local table the rank keeper keeps (electron/core/ranks/keeper.ts).
const RANKS_OF_HITS = `
  SELECT guest_id AS guest, rank_name AS name, manual FROM guest_ranks
   WHERE guest_id IN (SELECT value FROM json_each(?))`;

/** The statements of this file, for the query-plan test. */
export const SEARCH_CUE_STATEMENTS = { TODAY_SETS, STAYS_OF_HITS, ALLERGIES_OF_HITS, RANKS_OF_HITS };

type StayOfHit = { guest: string; arrival: string; departure: string; status: string };

/**
 * `today`: the inn's day; `version`: anything that changes when the register does (the log's last sequence),
 * so the day's sets are read again after a write and never between two keystrokes.
 */
export function createSearchCues(db: Database, today: () => string, version: () => number) {
  const todaySets = db.prepare(TODAY_SETS);
  const staysOfHits = db.prepare(STAYS_OF_HITS);
  const allergiesOfHits = db.prepare(ALLERGIES_OF_HITS);
  const ranksOfHits = db.prepare(RANKS_OF_HITS);
  let sets: { day: string; version: number; today: Map<string, 'arriving' | 'staying'> } | undefined;

  /** Who arrives today and who is staying (in a booked or in-house stay that spans today). */
  const todayOf = (): Map<string, 'arriving' | 'staying'> => {
    const day = today();
    const now = version();
    if (sets?.day === day && sets.version === now) return sets.today;
    const found = new Map<string, 'arriving' | 'staying'>();
    for (const row of todaySets.all({ day }) as Array<{ guest: string; arriving: number }>) {
      if (row.arriving) found.set(row.guest, 'arriving');
      else if (!found.has(row.guest)) found.set(row.guest, 'staying');
    }
    sets = { day, version: now, today: found };
    return found;
  };

  return {
    /** Who arrives today or is staying: read once per search, to rank every candidate by it. */
    present: (): ReadonlyMap<string, 'arriving' | 'staying'> => todayOf(),
    /** Everything a shown row says. */
    cuesOf(guestIds: readonly string[]): Map<string, SearchCue> {
      const day = today();
      const present = todayOf();
      const cues = new Map<string, SearchCue>(
        guestIds.map((id) => [id, { today: present.get(id) ?? null, allergy: null, lastVisit: null, rank: null }]),
      );
      if (guestIds.length === 0) return cues;
      const ids = JSON.stringify(guestIds);
      for (const stay of staysOfHits.all({ ids }) as StayOfHit[]) {
        const cue = cues.get(stay.guest);
        // The stay under way is not a last visit: the one before it is.
        const over = stay.status === 'departed' || (stay.status === 'in_house' && stay.departure < day);
        if (cue && over && stay.arrival < day && (cue.lastVisit === null || stay.arrival > cue.lastVisit))
          cue.lastVisit = stay.arrival;
      }
      for (const row of allergiesOfHits.all(ids) as Array<{ guest: string; severity: Severity }>) {
        const cue = cues.get(row.guest);
        if (cue && (cue.allergy === null || severityRank(row.severity) < severityRank(cue.allergy)))
          cue.allergy = row.severity;
      }
      for (const row of ranksOfHits.all(ids) as Array<{ guest: string; name: string; manual: number }>) {
        const cue = cues.get(row.guest);
        if (cue) cue.rank = { name: row.name, manual: row.manual === 1 };
      }
      return cues;
    },
  };
}

export type SearchCues = ReturnType<typeof createSearchCues>;
