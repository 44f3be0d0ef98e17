import { RETENTION_PAGE_SIZE, type RetentionRow } from '../../../shared/contract/guest-rights.ts';
import { addYears, localDate } from '../../../shared/text/dates.ts';
import type { CoreContext } from '../context.ts';
import { readSettings } from '../settings/handlers.ts';

// Retention review (APPI 第22条: personal data no longer needed should be erased without delay). A guest is
// listed when nothing happened about them for the inn's retention period (the setting retentionYears): no
// stay (as lead or in a party, any status: a cancelled booking was still contact), no allergy or request
// recorded, no banquet organised, and no edit of the card. The list only proposes: the inn decides, and the
// erasure itself is another call.
//
// Days are the inn's (its zone setting): an activity on the cut-off day itself keeps the guest off the list.
// The guests table is read where its last edit is old enough, and each of those is then checked against its
// own stays, records and banquets through their guest indexes; the review is opened now and then, not per
// keystroke, so a register-wide read is acceptable here.

type Candidate = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  last_activity_at: number;
  last_stay: string | null;
  stays: number;
  last_booking: string | null;
  last_record: string | null;
  last_banquet: string | null;
};

const VISITED = "s.deleted_at IS NULL AND s.status NOT IN ('cancelled', 'no_show')";

export function retentionReview(
  ctx: CoreContext,
  limit = RETENTION_PAGE_SIZE,
): { years: number; before: string; total: number; guests: RetentionRow[] } {
  const years = readSettings(ctx).retentionYears;
  const zone = ctx.timeZone();
  const before = addYears(ctx.today(), -years);
  // A day later than the cut-off in any zone (UTC-12 … UTC+14): the exact test is on the inn's day, below.
  const roughCutoff = Date.parse(`${before}T00:00:00Z`) + 14 * 3_600_000;
  const candidates = ctx.db
    .prepare(
      `SELECT g.id, g.family_name, g.given_name, g.family_reading, g.given_reading, g.last_activity_at,
              (SELECT max(arrival_date) FROM (
                 SELECT s.arrival_date FROM stays s WHERE s.guest_id = g.id AND ${VISITED}
                 UNION ALL
                 SELECT s.arrival_date FROM stay_party p JOIN stays s ON s.id = p.stay_id
                  WHERE p.guest_id = g.id AND p.deleted_at IS NULL AND ${VISITED})) AS last_stay,
              (SELECT count(*) FROM (
                 SELECT s.id FROM stays s WHERE s.guest_id = g.id AND ${VISITED}
                 UNION
                 SELECT s.id FROM stay_party p JOIN stays s ON s.id = p.stay_id
                  WHERE p.guest_id = g.id AND p.deleted_at IS NULL AND ${VISITED})) AS stays,
              (SELECT max(departure_date) FROM (
                 SELECT s.departure_date FROM stays s WHERE s.guest_id = g.id AND s.deleted_at IS NULL
                 UNION ALL
                 SELECT s.departure_date FROM stay_party p JOIN stays s ON s.id = p.stay_id
                  WHERE p.guest_id = g.id AND p.deleted_at IS NULL AND s.deleted_at IS NULL)) AS last_booking,
              (SELECT max(at) FROM (
                 SELECT max(created_at) AS at FROM allergies WHERE guest_id = g.id
                 UNION ALL
                 SELECT max(created_at) FROM requests WHERE guest_id = g.id)) AS last_record,
              (SELECT max(date) FROM banquets WHERE organiser_id = g.id AND deleted_at IS NULL) AS last_banquet
         FROM guests g
        WHERE g.deleted_at IS NULL AND g.last_activity_at < ?`,
    )
    .all(roughCutoff) as Candidate[];

  const listed: RetentionRow[] = [];
  for (const guest of candidates) {
    const days = [
      localDate(guest.last_activity_at, zone),
      guest.last_booking,
      guest.last_record ? localDate(Date.parse(guest.last_record), zone) : null,
      guest.last_banquet,
    ].filter((day): day is string => typeof day === 'string' && day !== '');
    const lastActivity = days.reduce((latest, day) => (day > latest ? day : latest), '');
    if (lastActivity >= before) continue;
    listed.push({
      id: guest.id,
      familyName: guest.family_name,
      givenName: guest.given_name,
      familyReading: guest.family_reading,
      givenReading: guest.given_reading,
      lastStay: guest.last_stay,
      stays: guest.stays,
      lastActivity,
    });
  }
  listed.sort((a, b) => a.lastActivity.localeCompare(b.lastActivity) || a.familyReading.localeCompare(b.familyReading));
  return { years, before, total: listed.length, guests: listed.slice(0, limit) };
}
