import { HOLD_WARNING_DAYS } from '../../../shared/contract/banquets.ts';
import { addDays } from '../../../shared/text/dates.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { allHalls, BANQUET_VIEW, type BanquetViewRow, banquetHallIds, byHallOrder, toBanquet, today } from './rows.ts';

// The hall calendar: the halls in use, the deals on them between two days (a month view is hundreds of
// deals, read in one query with their names joined), and the provisional holds about to lapse, so the
// salesperson calls those organisers before the hall is free again.

const BANQUETS_BETWEEN = `${BANQUET_VIEW}
   WHERE b.date BETWEEN ? AND ? AND b.deleted_at IS NULL AND b.stage NOT IN ('lost', 'cancelled')
   ORDER BY b.date, b.start_time, b.id`;

// Read through the small partial index banquets_holds (stage = 'provisional' written out so that it applies).
// It is named: without ANALYZE statistics, which the app never gathers, SQLite would pick banquets_report_stage
// and read every provisional deal. Holds for parties already past are history, not calls to make.
const EXPIRING_HOLDS = `${BANQUET_VIEW.replace('FROM banquets b', 'FROM banquets b INDEXED BY banquets_holds')}
   WHERE b.stage = 'provisional' AND b.hold_expires_on <= ? AND b.date >= ? AND b.deleted_at IS NULL
   ORDER BY b.hold_expires_on, b.date, b.start_time, b.id`;

/** The statements of this file, for the query-plan test. */
export const CALENDAR_STATEMENTS = { BANQUETS_BETWEEN, EXPIRING_HOLDS };

export function calendarHandlers(ctx: CoreContext): Handlers<'banquets.calendar'> {
  return {
    'banquets.calendar': ({ from, to }) => {
      const halls = allHalls(ctx);
      const rows = ctx.run.prepare(BANQUETS_BETWEEN).all(from, to) as BanquetViewRow[];
      const asOf = today(ctx);
      const holds = ctx.run.prepare(EXPIRING_HOLDS).all(addDays(asOf, HOLD_WARNING_DAYS), asOf) as BanquetViewRow[];
      // A withdrawn hall still shows while a deal in the range is on it: that party has to be somewhere.
      const inUse = new Set(rows.flatMap((row) => banquetHallIds(row)));
      return {
        from,
        to,
        halls: [...halls.values()].filter((hall) => !hall.deletedAt || inUse.has(hall.id)).sort(byHallOrder),
        banquets: rows.map((row) => toBanquet(row, halls)),
        expiringHolds: holds.map((row) => toBanquet(row, halls)),
      };
    },
  };
}
