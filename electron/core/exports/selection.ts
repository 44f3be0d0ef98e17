import type { ExportFilter } from '../../../shared/contract/exports.ts';
import type { CoreContext } from '../context.ts';
import { LIVE_GUEST_COUNT } from '../guests/count.ts';
import { createMatches } from '../guests/search.ts';
import type { AsyncJob } from '../jobs/runner.ts';

// Which guests and which stays an export takes, from its filter, before any row is read:
// - all: every guest and every stay not deleted (walked in order by the readers, nothing gathered here);
// - search: every guest the guest search finds for the text (createMatches: the search's own keys and index
//   walks, without the 20-row page), and the stays they were in, as lead or in the party;
// - dates: the stays arriving in the range, and the guests in them (lead and party).
// Deleted guests are never taken (the readers check again, since a guest may be deleted mid-export), and
// neither are the stays of a deleted lead. Only index lookups: no scan of a whole table.

export type Selection = {
  /** Guest rowids in ascending order, or every guest. */
  guests: number[] | 'all';
  /** Stay rowids in (arrival, rowid) order, or every stay (optionally arriving within a range). */
  stays: number[] | { from: string | null; to: string | null };
};

type StayKey = { rowid: number; arrival_date: string };

const byArrival = (a: StayKey, b: StayKey) =>
  a.arrival_date < b.arrival_date ? -1 : a.arrival_date > b.arrival_date ? 1 : a.rowid - b.rowid;

const STAYS_OF_GUESTS = `
  SELECT s.rowid, s.arrival_date FROM stays s
   WHERE s.guest_id IN (SELECT id FROM guests WHERE rowid IN (SELECT value FROM json_each(?))) AND s.deleted_at IS NULL
  UNION
  SELECT s.rowid, s.arrival_date FROM stay_party p JOIN stays s ON s.id = p.stay_id
   WHERE p.guest_id IN (SELECT id FROM guests WHERE rowid IN (SELECT value FROM json_each(?)))
     AND p.deleted_at IS NULL AND s.deleted_at IS NULL`;

const GUESTS_OF_STAYS_ARRIVING = `
  SELECT g.rowid FROM stays s JOIN guests g ON g.id = s.guest_id
   WHERE s.arrival_date BETWEEN ? AND ? AND s.deleted_at IS NULL AND g.deleted_at IS NULL
  UNION
  SELECT g.rowid FROM stays s JOIN stay_party p ON p.stay_id = s.id JOIN guests g ON g.id = p.guest_id
   WHERE s.arrival_date BETWEEN ? AND ? AND s.deleted_at IS NULL AND p.deleted_at IS NULL AND g.deleted_at IS NULL`;

/** The statements that gather a selection (exported for the query-plan test). */
export const SELECTION_STATEMENTS = { STAYS_OF_GUESTS, GUESTS_OF_STAYS_ARRIVING };

/** Guests per statement when gathering their stays: one JSON parameter, so one prepared statement. */
const GATHER_BATCH = 500;

/**
 * The selection, as the start of the export's job: gathering the stays of a broad search (every guest whose
 * name starts with さ: 12,000 guests and 76,000 stays at 100,000 guests, a second in all) pauses between
 * statements when its slice is used, so a search typed meanwhile is answered in between.
 */
export async function selectionOf(ctx: CoreContext, filter: ExportFilter, job: AsyncJob): Promise<Selection> {
  if (filter.by === 'all') return { guests: 'all', stays: { from: null, to: null } };
  if (filter.by === 'dates') {
    const rows = ctx.run.prepare(GUESTS_OF_STAYS_ARRIVING).pluck().all(filter.from, filter.to, filter.from, filter.to);
    return {
      guests: (rows as number[]).sort((a, b) => a - b),
      stays: { from: filter.from, to: filter.to },
    };
  }
  const guests = createMatches(ctx.db)(filter.query);
  const gather = ctx.run.prepare(STAYS_OF_GUESTS);
  const stays: StayKey[] = [];
  for (let start = 0; start < guests.length; start += GATHER_BATCH) {
    const ids = JSON.stringify(guests.slice(start, start + GATHER_BATCH));
    stays.push(...(gather.all(ids, ids) as StayKey[]));
    if (job.due()) await job.pause();
  }
  // A stay found through two of its guests is one stay.
  const unique = [...new Map(stays.map((stay) => [stay.rowid, stay])).values()].sort(byArrival);
  return { guests, stays: unique.map((stay) => stay.rowid) };
}

/**
 * How many guests and stays the selection holds: the progress bar's total. For a walk over every guest or a
 * range of arrivals, counted from an index without reading the rows (30 and 90 ms at 100,000 guests and
 * 500,000 stays, where counting the rows themselves took 200 and 700): deleted stays are counted too, so the
 * total may be a little high; the bar ends at its total anyway.
 */
export function countsOf(ctx: CoreContext, selection: Selection): { guests: number; stays: number } {
  const guests =
    selection.guests === 'all' ? (ctx.run.prepare(LIVE_GUEST_COUNT).pluck().get() as number) : selection.guests.length;
  const stays = Array.isArray(selection.stays)
    ? selection.stays.length
    : (ctx.run
        .prepare('SELECT count(*) FROM stays WHERE arrival_date BETWEEN ? AND ?')
        .pluck()
        .get(selection.stays.from ?? '', selection.stays.to ?? '9999-99-99') as number);
  return { guests, stays };
}
