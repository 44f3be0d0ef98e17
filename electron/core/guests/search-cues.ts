import type { Database } from 'better-sqlite3';
import { type Severity, severityRank } from '../../../shared/contract/allergies.ts';
import type { SearchCue } from '../../../shared/contract/guests.ts';

// What a search result row tells the desk at a glance, beside the name: arriving today or staying now, an
// allergy on record (its worst severity), and the last visit. For the handful of guests a search shows, in
// two statements over their ids (every stay of theirs as lead or in a party, through covering indexes; their
// current allergies), so a keystroke stays well under a millisecond.

const STAYS_OF_HITS = `
  SELECT guest_id AS guest, arrival_date AS arrival, departure_date AS departure, status FROM stays
   WHERE guest_id IN (SELECT value FROM json_each(@ids)) AND deleted_at IS NULL
  UNION ALL
  SELECT p.guest_id, s.arrival_date, s.departure_date, s.status FROM stay_party p JOIN stays s ON s.id = p.stay_id
   WHERE p.guest_id IN (SELECT value FROM json_each(@ids)) AND p.deleted_at IS NULL AND s.deleted_at IS NULL`;

const ALLERGIES_OF_HITS = `
  SELECT guest_id AS guest, severity FROM allergies
   WHERE guest_id IN (SELECT value FROM json_each(?)) AND superseded_by IS NULL AND retracted_at IS NULL`;

/** The statements of this file, for the query-plan test. */
export const SEARCH_CUE_STATEMENTS = { STAYS_OF_HITS, ALLERGIES_OF_HITS };

type StayOfHit = { guest: string; arrival: string; departure: string; status: string };

export function createSearchCues(db: Database, today: () => string) {
  const staysOfHits = db.prepare(STAYS_OF_HITS);
  const allergiesOfHits = db.prepare(ALLERGIES_OF_HITS);

  return function cuesOf(guestIds: readonly string[]): Map<string, SearchCue> {
    const day = today();
    const cues = new Map<string, SearchCue>(
      guestIds.map((id) => [id, { today: null, allergy: null, lastVisit: null }]),
    );
    if (guestIds.length === 0) return cues;
    const ids = JSON.stringify(guestIds);
    for (const stay of staysOfHits.all({ ids }) as StayOfHit[]) {
      const cue = cues.get(stay.guest);
      if (!cue) continue;
      const occupying = stay.status === 'booked' || stay.status === 'in_house';
      if (occupying && stay.arrival === day) cue.today = 'arriving';
      else if (cue.today === null && stay.status === 'in_house' && stay.arrival < day && stay.departure >= day)
        cue.today = 'staying';
      // The stay under way is not a last visit: the one before it is.
      const visited = stay.status === 'departed' || (stay.status === 'in_house' && stay.departure < day);
      if (visited && stay.arrival < day && (cue.lastVisit === null || stay.arrival > cue.lastVisit))
        cue.lastVisit = stay.arrival;
    }
    for (const row of allergiesOfHits.all(ids) as Array<{ guest: string; severity: Severity }>) {
      const cue = cues.get(row.guest);
      if (cue && (cue.allergy === null || severityRank(row.severity) < severityRank(cue.allergy)))
        cue.allergy = row.severity;
    }
    return cues;
  };
}

export type SearchCues = ReturnType<typeof createSearchCues>;
