import { RETENTION_PAGE_SIZE, type RetentionRow } from '../../../shared/contract/guest-rights.ts';
import { addYears, localDate } from '../../../shared/text/dates.ts';
import { instantInZone } from '../../../shared/text/time-zone.ts';
import type { CoreContext } from '../context.ts';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { readSettings } from '../settings/handlers.ts';

// Retention review (APPI 第22条: personal data no longer needed should be erased without delay). A guest is
// listed when nothing happened about them for the inn's retention period (the setting retentionYears): no
// stay (as lead or in a party, any status: a cancelled booking was still contact), no allergy or request
// recorded, no banquet organised, and no edit of the card; a guest already erased is done with. The list only
// proposes: the inn decides, and the
// erasure itself is another call.
//
// Days are the inn's (its zone setting): an activity on the cut-off day itself keeps the guest off the list.
// The review is opened now and then, not per keystroke, so reading the whole register is acceptable, as a job.

const VISITED = "status NOT IN ('cancelled', 'no_show')";

// A slice of guests at a time, in id order (guests by their key; every other table by its guest index, range-read
// for the slice's ids), so a register of a million guests is reviewed as a job with progress, other calls answered
// in between, instead of one read that holds the core for seconds. Within a slice, one pass over each table
// grouped by guest (reading a range once beat asking each guest's rows in turn).
const GUESTS_AFTER = 'SELECT id FROM guests WHERE id > ? ORDER BY id LIMIT ?';
const CANDIDATES = `
  WITH lead AS (
         SELECT guest_id, max(departure_date) AS booking,
                max(CASE WHEN ${VISITED} THEN arrival_date END) AS last_stay,
                sum(CASE WHEN ${VISITED} THEN 1 ELSE 0 END) AS stays
           FROM stays WHERE guest_id BETWEEN @from AND @to AND deleted_at IS NULL GROUP BY guest_id),
       party AS (
         SELECT p.guest_id, max(s.departure_date) AS booking,
                max(CASE WHEN s.${VISITED} THEN s.arrival_date END) AS last_stay,
                sum(CASE WHEN s.${VISITED} THEN 1 ELSE 0 END) AS stays
           FROM stay_party p JOIN stays s ON s.id = p.stay_id
          WHERE p.guest_id BETWEEN @from AND @to
            AND p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.guest_id <> p.guest_id
          GROUP BY p.guest_id),
       allergy_records AS (
         SELECT guest_id, max(created_at) AS at FROM allergies WHERE guest_id BETWEEN @from AND @to GROUP BY guest_id),
       request_records AS (
         SELECT guest_id, max(created_at) AS at FROM requests WHERE guest_id BETWEEN @from AND @to GROUP BY guest_id),
       organised AS (
         SELECT organiser_id AS guest_id, max(date) AS day FROM banquets
          WHERE organiser_id BETWEEN @from AND @to AND deleted_at IS NULL GROUP BY organiser_id)
  SELECT g.id, g.family_name, g.given_name, g.family_reading, g.given_reading, g.last_activity_at,
         lead.booking AS lead_booking, lead.last_stay AS lead_stay, coalesce(lead.stays, 0) AS lead_stays,
         party.booking AS party_booking, party.last_stay AS party_stay, coalesce(party.stays, 0) AS party_stays,
         nullif(max(coalesce(allergy_records.at, ''), coalesce(request_records.at, '')), '') AS last_record,
         organised.day AS last_banquet
    FROM guests g
    LEFT JOIN lead ON lead.guest_id = g.id
    LEFT JOIN party ON party.guest_id = g.id
    LEFT JOIN allergy_records ON allergy_records.guest_id = g.id
    LEFT JOIN request_records ON request_records.guest_id = g.id
    LEFT JOIN organised ON organised.guest_id = g.id
   WHERE g.id BETWEEN @from AND @to AND g.deleted_at IS NULL AND g.last_activity_at < @cutoff
     AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.guest_id = g.id)`;

/** The review's statements (tests/guest-rights/query-plan.test.ts checks each reads through an index). */
export const RETENTION_STATEMENTS = { guestsAfter: GUESTS_AFTER, candidates: CANDIDATES };

/** Guests per slice of the review: about 20 ms each on this machine at 100,000 guests. */
export const RETENTION_CHUNK = 2_000;

type Keyed = { guest: Candidate; key: number };

type Candidate = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  last_activity_at: number;
  lead_booking: string | null;
  lead_stay: string | null;
  lead_stays: number;
  party_booking: string | null;
  party_stay: string | null;
  party_stays: number;
  last_record: string | null;
  last_banquet: string | null;
};

const latest = (days: Array<string | null>) =>
  days.reduce<string>((max, day) => (typeof day === 'string' && day > max ? day : max), '');

type Review = { years: number; before: string; total: number; guests: RetentionRow[] };

/** The review as a job's body: a chunk of guests per unit of work, `done` of `total` guests in the progress. */
export function* retentionReviewInSlices(
  ctx: CoreContext,
  slice: SliceClock,
  limit = RETENTION_PAGE_SIZE,
  chunk = RETENTION_CHUNK,
): Generator<SliceProgress, Review, void> {
  const years = readSettings(ctx).retentionYears;
  const zone = ctx.timeZone();
  const before = addYears(ctx.today(), -years);
  // The first instant of the cut-off day on the inn's clock: moments (edits, records) are compared with it as
  // numbers and ISO text, days (stays, banquets) with the day itself, so no moment is converted to a day in the
  // zone (slow) except for the rows answered.
  const cutoff = instantInZone(before, '00:00', zone);
  const cutoffIso = new Date(cutoff).toISOString();
  const isQuiet = (guest: Candidate) =>
    latest([guest.lead_booking, guest.party_booking, guest.last_banquet]) < before &&
    (guest.last_record === null || guest.last_record < cutoffIso);
  // Longest quiet first, by the latest of the edit's moment and the days (the order needs no zone).
  const sortKey = (guest: Candidate) =>
    Math.max(
      guest.last_activity_at,
      guest.last_record ? Date.parse(guest.last_record) : 0,
      Date.parse(`${latest([guest.lead_booking, guest.party_booking, guest.last_banquet]) || '1900-01-01'}T00:00:00Z`),
    );
  const byQuiet = (a: Keyed, b: Keyed) => a.key - b.key || (a.guest.id < b.guest.id ? -1 : 1);

  const total = ctx.db.prepare('SELECT count(*) FROM guests').pluck().get() as number;
  const guestsAfter = ctx.db.prepare(GUESTS_AFTER).pluck();
  const candidates = ctx.db.prepare(CANDIDATES);
  // Only the page is answered: the quietest `limit` are kept, trimmed as they come, and the rest only counted.
  let kept: Keyed[] = [];
  let quiet = 0;
  let done = 0;
  let after = '';
  for (;;) {
    const ids = guestsAfter.all(after, chunk) as string[];
    const [from, to] = [ids[0], ids.at(-1)];
    if (from === undefined || to === undefined) break;
    for (const guest of candidates.all({ from, to, cutoff }) as Candidate[]) {
      if (!isQuiet(guest)) continue;
      quiet++;
      kept.push({ guest, key: sortKey(guest) });
    }
    if (kept.length > 4 * limit) kept = kept.sort(byQuiet).slice(0, limit);
    done += ids.length;
    after = to;
    if (slice.due()) yield { done, total };
  }
  kept.sort(byQuiet);

  const guests = kept.slice(0, limit).map(({ guest }) => ({
    id: guest.id,
    familyName: guest.family_name,
    givenName: guest.given_name,
    familyReading: guest.family_reading,
    givenReading: guest.given_reading,
    lastStay: latest([guest.lead_stay, guest.party_stay]) || null,
    stays: guest.lead_stays + guest.party_stays,
    lastActivity: latest([
      localDate(guest.last_activity_at, zone),
      guest.lead_booking,
      guest.party_booking,
      guest.last_record ? localDate(Date.parse(guest.last_record), zone) : null,
      guest.last_banquet,
    ]),
  }));
  return { years, before, total: quiet, guests };
}
