import { RETENTION_PAGE_SIZE, type RetentionRow } from '../../../shared/contract/guest-rights.ts';
import { addYears, localDate } from '../../../shared/text/dates.ts';
import { instantInZone } from '../../../shared/text/time-zone.ts';
import type { CoreContext } from '../context.ts';
import { readSettings } from '../settings/handlers.ts';

// Retention review (APPI 第22条: personal data no longer needed should be erased without delay). A guest is
// listed when nothing happened about them for the inn's retention period (the setting retentionYears): no
// stay (as lead or in a party, any status: a cancelled booking was still contact), no allergy or request
// recorded, no banquet organised, and no edit of the card. The list only proposes: the inn decides, and the
// erasure itself is another call.
//
// Days are the inn's (its zone setting): an activity on the cut-off day itself keeps the guest off the list.
// The review is opened now and then, not per keystroke, so reading the register once is acceptable here.

const VISITED = "status NOT IN ('cancelled', 'no_show')";

// One pass over each table, grouped by guest, joined to the guests old enough to be candidates (reading every
// stay once beat asking each guest's stays in turn). Measured on this machine, loaded: 100,000 guests with
// 200,000 stays, 1.7 to 1.9 s for the whole call, of which about 1.3 s is this query (docs/guest-rights.md).
const CANDIDATES = `
  WITH lead AS (
         SELECT guest_id, max(departure_date) AS booking,
                max(CASE WHEN ${VISITED} THEN arrival_date END) AS last_stay,
                sum(CASE WHEN ${VISITED} THEN 1 ELSE 0 END) AS stays
           FROM stays WHERE deleted_at IS NULL GROUP BY guest_id),
       party AS (
         SELECT p.guest_id, max(s.departure_date) AS booking,
                max(CASE WHEN s.${VISITED} THEN s.arrival_date END) AS last_stay,
                sum(CASE WHEN s.${VISITED} THEN 1 ELSE 0 END) AS stays
           FROM stay_party p JOIN stays s ON s.id = p.stay_id
          WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND s.guest_id <> p.guest_id
          GROUP BY p.guest_id),
       records AS (
         SELECT guest_id, max(created_at) AS at
           FROM (SELECT guest_id, created_at FROM allergies UNION ALL SELECT guest_id, created_at FROM requests)
          GROUP BY guest_id),
       organised AS (
         SELECT organiser_id AS guest_id, max(date) AS day FROM banquets WHERE deleted_at IS NULL GROUP BY organiser_id)
  SELECT g.id, g.family_name, g.given_name, g.family_reading, g.given_reading, g.last_activity_at,
         lead.booking AS lead_booking, lead.last_stay AS lead_stay, coalesce(lead.stays, 0) AS lead_stays,
         party.booking AS party_booking, party.last_stay AS party_stay, coalesce(party.stays, 0) AS party_stays,
         records.at AS last_record, organised.day AS last_banquet
    FROM guests g
    LEFT JOIN lead ON lead.guest_id = g.id
    LEFT JOIN party ON party.guest_id = g.id
    LEFT JOIN records ON records.guest_id = g.id
    LEFT JOIN organised ON organised.guest_id = g.id
   WHERE g.deleted_at IS NULL AND g.last_activity_at < ?`;

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

export function retentionReview(
  ctx: CoreContext,
  limit = RETENTION_PAGE_SIZE,
): { years: number; before: string; total: number; guests: RetentionRow[] } {
  const years = readSettings(ctx).retentionYears;
  const zone = ctx.timeZone();
  const before = addYears(ctx.today(), -years);
  // The first instant of the cut-off day on the inn's clock: moments (edits, records) are compared with it as
  // numbers and ISO text, days (stays, banquets) with the day itself, so no moment is converted to a day in the
  // zone (slow) except for the rows answered.
  const cutoff = instantInZone(before, '00:00', zone);
  const cutoffIso = new Date(cutoff).toISOString();
  const candidates = ctx.db.prepare(CANDIDATES).all(cutoff) as Candidate[];

  const quiet = candidates.filter(
    (guest) =>
      latest([guest.lead_booking, guest.party_booking, guest.last_banquet]) < before &&
      (guest.last_record === null || guest.last_record < cutoffIso),
  );
  // Longest quiet first, by the latest of the edit's moment and the days (the order needs no zone).
  const sortKey = (guest: Candidate) =>
    Math.max(
      guest.last_activity_at,
      guest.last_record ? Date.parse(guest.last_record) : 0,
      Date.parse(`${latest([guest.lead_booking, guest.party_booking, guest.last_banquet]) || '1900-01-01'}T00:00:00Z`),
    );
  const keyed = quiet.map((guest) => ({ guest, key: sortKey(guest) }));
  keyed.sort((a, b) => a.key - b.key || (a.guest.id < b.guest.id ? -1 : 1));

  const guests = keyed.slice(0, limit).map(({ guest }) => ({
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
  return { years, before, total: quiet.length, guests };
}
