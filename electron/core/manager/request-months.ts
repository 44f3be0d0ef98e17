import type { Database } from 'better-sqlite3';
import { dateInZone } from '../../../shared/text/time-zone.ts';
import type { Row } from '../changes/rows.ts';
import type { Logger } from '../context.ts';
import type { JobRunner, SliceClock, SliceProgress } from '../jobs/runner.ts';
import { wholeMinutes } from './requests.ts';

// Keeps manager_request_months (local, derived, migration 13) in step with the requests, on every PC: per inn
// month of recording, category and status, how many requests, and for the done ones how many took each whole
// number of minutes (a histogram: the median and 90th percentile of any run of whole months are exact from it).
// The overview reads the period's whole months here and only the days of a month cut by the period's ends from
// the requests themselves (requests.ts), so a year costs a few thousand rows, whatever the register's size.
//
// - A request stands alone (unlike a stay's "returning", no other row changes its figure), so a write is its
//   row's key before taken off and its key after added, gathered through the transaction and written at its end
//   (local writes and rows applied from another PC alike).
// - The month is the inn's (its time zone, a setting): meta `manager_request_months` is
//   `<version>|<zone>|whole`, or `<version>|<zone>|<rowid>` while the build job (`manager.days`, with the day
//   totals) has read the requests up to that rowid. Another zone or version is a rebuild; until whole, the
//   overview counts from the requests. A new request's rowid is above the build's cursor, so the build reads it.

export const REQUEST_MONTHS_VERSION = 1;
const META_KEY = 'manager_request_months';
const UNIT = 5000;
/** `minutes` of a request that is not done (or has no time of handling): counted, not timed. */
const UNTIMED = -1;

type Key = { month: string; category: string; status: string; minutes: number };
export type MonthRow = Key & { n: number };

export type RequestMonthsOptions = {
  db: Database;
  logger: Logger;
  jobs: JobRunner;
  timeZone: () => string;
  transact: (work: () => void) => void;
};

export function createRequestMonths(options: RequestMonthsOptions) {
  const { db, logger, jobs, timeZone } = options;
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  // The very expression of requests.ts (DONE_MINUTES), so a request's minutes here are those it counts there.
  const minutesOf = db.prepare('SELECT (julianday(?) - julianday(?)) * 1440.0').pluck();
  const add = db.prepare(`INSERT INTO manager_request_months (month, category, status, minutes, n)
    VALUES (@month, @category, @status, @minutes, @n)
    ON CONFLICT (month, category, status, minutes) DO UPDATE SET n = n + excluded.n`);
  const dropEmpty = db.prepare(`DELETE FROM manager_request_months
    WHERE month = @month AND category = @category AND status = @status AND minutes = @minutes AND n = 0`);
  const page = db.prepare(`SELECT rowid, created_at, category, status, handled_at,
      (julianday(handled_at) - julianday(created_at)) * 1440.0 AS minutes
    FROM requests WHERE rowid > ? ORDER BY rowid LIMIT ${UNIT}`);
  const readMonths = db.prepare(`SELECT month, category, status, minutes, n FROM manager_request_months
    WHERE month BETWEEN ? AND ? AND n <> 0`);

  const anyRequest = db.prepare('SELECT 1 FROM requests LIMIT 1');
  const prefix = () => `${REQUEST_MONTHS_VERSION}|${timeZone()}|`;
  /** 'whole', the rowid the build has read up to, or null (not begun, or another version or zone). */
  const state = (): 'whole' | number | null => {
    const value = meta.get(META_KEY) as string | undefined;
    const mine = prefix();
    if (!value?.startsWith(mine)) return null;
    const rest = value.slice(mine.length);
    return rest === 'whole' ? 'whole' : Number(rest);
  };

  const keyOf = (
    row: { created_at: unknown; category: unknown; status: unknown; handled_at: unknown },
    zone: string,
  ) => {
    const created = String(row.created_at);
    const done = row.status === 'done' && row.handled_at != null;
    return {
      month: dateInZone(Date.parse(created), zone).slice(0, 7),
      category: String(row.category),
      status: String(row.status),
      minutes: done ? wholeMinutes(minutesOf.get(row.handled_at, created) as number) : UNTIMED,
    };
  };

  const pending = new Map<string, MonthRow>();
  const count = (key: Key, n: number) => {
    const id = `${key.month}\u0000${key.category}\u0000${key.status}\u0000${key.minutes}`;
    const row = pending.get(id) ?? { ...key, n: 0 };
    row.n += n;
    pending.set(id, row);
  };
  let running: Promise<void> | undefined;
  let closed = false;

  function* build(slice: SliceClock): Generator<SliceProgress, void> {
    const total = db.prepare('SELECT count(*) FROM requests').pluck().get() as number;
    let done = 0;
    for (;;) {
      let finished = false;
      options.transact(() => {
        const zone = timeZone();
        let after = state();
        if (after === 'whole') {
          finished = true;
          return;
        }
        if (after === null) {
          db.prepare('DELETE FROM manager_request_months').run();
          after = 0;
        }
        for (;;) {
          const rows = page.all(after) as Array<{
            rowid: number;
            created_at: string;
            category: string;
            status: string;
            handled_at: string | null;
            minutes: number | null;
          }>;
          const unit = new Map<string, MonthRow>();
          for (const row of rows) {
            const done = row.status === 'done' && row.handled_at != null;
            const key = {
              month: dateInZone(Date.parse(row.created_at), zone).slice(0, 7),
              category: row.category,
              status: row.status,
              minutes: done ? wholeMinutes(row.minutes as number) : UNTIMED,
            };
            const id = `${key.month}\u0000${key.category}\u0000${key.status}\u0000${key.minutes}`;
            const cell = unit.get(id) ?? { ...key, n: 0 };
            cell.n++;
            unit.set(id, cell);
          }
          for (const cell of unit.values()) add.run(cell);
          done += rows.length;
          const last = rows.at(-1);
          if (!last) {
            setMeta.run(META_KEY, `${prefix()}whole`);
            finished = true;
            return;
          }
          after = last.rowid;
          setMeta.run(META_KEY, `${prefix()}${after}`);
          if (slice.due()) return;
        }
      });
      if (finished) return;
      yield { done, total: Math.max(total, done) };
    }
  }

  return {
    /** The requests' row hook (write and apply paths). */
    onRequest(before: (Row & { rowid?: number }) | undefined, after: Row & { rowid?: number }) {
      if (
        before &&
        before.created_at === after.created_at &&
        before.category === after.category &&
        before.status === after.status &&
        before.handled_at === after.handled_at
      )
        return;
      const reached = state();
      if (reached === null) return;
      // The build has not read this row yet: it will read it as it is then.
      if (reached !== 'whole' && Number(after.rowid) > reached) return;
      const zone = timeZone();
      if (before) count(keyOf(before as never, zone), -1);
      count(keyOf(after as never, zone), 1);
    },
    settle() {
      for (const row of pending.values()) {
        if (row.n === 0) continue;
        add.run(row);
        dropEmpty.run(row);
      }
      pending.clear();
    },
    discard() {
      pending.clear();
    },
    /** The rows of months `from`…`to` (YYYY-MM), or null while the table is not whole for the inn's zone. */
    months(from: string, to: string): MonthRow[] | null {
      if (state() !== 'whole') return null;
      return readMonths.all(from, to) as MonthRow[];
    },
    /** Starts the build when the table is not whole (a register with no request is whole at once). */
    ensureBuilt(): Promise<void> | undefined {
      if (closed || running || state() === 'whole') return running;
      if (state() === null && !anyRequest.get()) {
        // Two local rows, no synced write: a plain transaction (no change-log header, no checkpoint scheduled).
        db.transaction(() => {
          db.prepare('DELETE FROM manager_request_months').run();
          setMeta.run(META_KEY, `${prefix()}whole`);
        })();
        return undefined;
      }
      running = jobs.run('manager.days', build, 0, { sliceMs: 25, background: true }).finally(() => {
        running = undefined;
      });
      running.catch((error: unknown) => logger.warn(`the manager's request months were not built: ${String(error)}`));
      return running;
    },
    close() {
      closed = true;
    },
  };
}

export type RequestMonths = ReturnType<typeof createRequestMonths>;
