import type { Database } from 'better-sqlite3';
import { sqlIdText, sqlPackedId } from '../../db/stored-form.ts';
import { seededRandom } from '../../electron/core/demo/generate.ts';
import { SEED } from './build-database.ts';

// The naive ways to read the service data, timed beside the core's: what a first version written one
// stay at a time, without the right index, would do. Results are read and dropped (the shape does not
// matter, the work does).

/** Guests at seeded random rowids that have at least one stay as lead (what "open a guest card" picks). */
export function sampleGuestsWithStays(db: Database, size: number, count: number, salt: number): string[] {
  const random = seededRandom(SEED + salt);
  const byRowid = db.prepare(
    'SELECT g.id FROM guests g WHERE g.rowid = ? AND EXISTS (SELECT 1 FROM stays s WHERE s.guest_id = g.id)',
  );
  const ids: string[] = [];
  while (ids.length < count) {
    const row = byRowid.get(1 + Math.floor(random() * size)) as { id: string } | undefined;
    if (row) ids.push(row.id);
  }
  return ids;
}

/** The latest stay of each guest, for recording a request against it. */
export function latestStays(db: Database, guestIds: string[]): string[] {
  const latest = db.prepare('SELECT id FROM stays WHERE guest_id = ? ORDER BY arrival_date DESC LIMIT 1').pluck();
  return guestIds.map((id) => latest.get(id) as string);
}

/**
 * The card the naive way: the guest, then each stay's party, requests and allergies one query per stay
 * (N+1), and what was served read without served_stay (NOT INDEXED: a scan of every served row).
 */
export function createCardBaseline(db: Database) {
  const guest = db.prepare('SELECT * FROM guests WHERE id = ?');
  const stays = db.prepare('SELECT * FROM stays WHERE guest_id = ? ORDER BY arrival_date DESC');
  const party = db.prepare('SELECT * FROM stay_party p JOIN guests g ON g.id = p.guest_id WHERE p.stay_id = ?');
  const requests = db.prepare('SELECT * FROM requests WHERE stay_id = ?');
  const allergies = db.prepare('SELECT * FROM allergies WHERE guest_id = ?');
  const served = db.prepare(
    `SELECT sv.*, d.name FROM served sv NOT INDEXED JOIN dishes d ON d.id = ${sqlIdText('sv.dish_id')}
      WHERE sv.stay_id IN (SELECT ${sqlPackedId('value')} FROM json_each(?))`,
  );
  return (guestId: string) => {
    guest.get(guestId);
    const rows = stays.all(guestId) as Array<{ id: string }>;
    for (const stay of rows) {
      party.all(stay.id);
      requests.all(stay.id);
    }
    allergies.all(guestId);
    served.all(JSON.stringify(rows.map((stay) => stay.id)));
  };
}

/**
 * A day's arrivals the naive way: per stay, its party, then each member's allergies and the stay's and
 * standing requests by scanning the tables (NOT INDEXED), and the lead's earlier visits.
 */
export function createArrivalsBaseline(db: Database) {
  const arriving = db.prepare("SELECT * FROM stays WHERE arrival_date = ? AND status <> 'cancelled'");
  const party = db.prepare('SELECT guest_id FROM stay_party WHERE stay_id = ?').pluck();
  const allergies = db.prepare(
    'SELECT * FROM allergies NOT INDEXED WHERE guest_id = ? AND superseded_by IS NULL AND retracted_at IS NULL',
  );
  const requests = db.prepare(
    `SELECT * FROM requests NOT INDEXED
      WHERE status = 'open' AND (stay_id = ? OR (standing = 1 AND guest_id IN (SELECT value FROM json_each(?))))`,
  );
  const visits = db.prepare(
    "SELECT count(*) FROM stays WHERE guest_id = ? AND arrival_date < ? AND status IN ('in_house', 'departed')",
  );
  const plans = db.prepare('SELECT * FROM menu_plans WHERE stay_id = ?');
  return (date: string) => {
    for (const stay of arriving.all(date) as Array<{ id: string; guest_id: string }>) {
      const members = [stay.guest_id, ...(party.all(stay.id) as string[])];
      for (const member of members) allergies.all(member);
      requests.all(stay.id, JSON.stringify(members));
      visits.get(stay.guest_id, date);
      plans.all(stay.id);
    }
  };
}
