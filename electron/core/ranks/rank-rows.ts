import type { Database, Statement } from 'better-sqlite3';
import { type RankRule, rankRulesSchema } from '../../../shared/contract/ranks.ts';
import type { Logger } from '../context.ts';
import { countVisit, type Ranked, rankFrom, windowStart, windowsOf } from './rules.ts';

// Reading what ranks are made of (rules, stays, manual ranks) and writing the local guest_ranks table. Both the
// incremental path (a guest at a time, inside the write's transaction) and the full recompute (a range of
// guests at a time, in slices) decide through rankFrom (rules.ts) and write through `store`.

/** The settings row that holds the rules: a JSON list, edited as a whole by ranks.updateRules. */
export const RULES_SETTING = 'rank_rules';

const VISITED = "deleted_at IS NULL AND status IN ('in_house', 'departed')";

/** The rules as stored; an unreadable value counts as no rules (and says so in the log). */
export function parseRules(value: string | undefined, logger?: Logger): RankRule[] {
  if (value === undefined) return [];
  try {
    const parsed = rankRulesSchema.safeParse(JSON.parse(value));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  logger?.warn('the stored rank rules cannot be read; no guest is ranked until they are saved again');
  return [];
}

export function readRules(db: Database, logger?: Logger): RankRule[] {
  const row = db.prepare('SELECT value FROM settings WHERE id = ?').pluck().get(RULES_SETTING) as string | undefined;
  return parseRules(row, logger);
}

/** The windows of the rules on a day, each with its first counted day. */
export function windowsOn(rules: readonly RankRule[], today: string) {
  return windowsOf(rules).map((years) => ({ years, start: windowStart(today, years) }));
}

export type RankRows = ReturnType<typeof createRankRows>;

export function createRankRows(db: Database) {
  let statements:
    | {
        guest: Statement;
        staysOfGuest: Statement;
        manualOfGuest: Statement;
        upsert: Statement;
        remove: Statement;
        current: Statement;
        range: Statement;
        staysOfRange: Statement;
        manualOfRange: Statement;
        storedOfRange: Statement;
        edges: Statement;
      }
    | undefined;
  // Prepared on first use: a core is built before its migrations' tables are looked at by nothing else.
  const prepared = () => {
    statements ??= {
      guest: db.prepare('SELECT deleted_at FROM guests WHERE id = ?'),
      staysOfGuest: db.prepare(
        `SELECT arrival_date AS arrival, amount_yen AS amount FROM stays INDEXED BY stays_visited_guest
          WHERE guest_id = ? AND arrival_date >= ? AND ${VISITED}`,
      ),
      manualOfGuest: db
        .prepare('SELECT rank_name FROM guest_manual_ranks WHERE guest_id = ? AND rank_name IS NOT NULL')
        .pluck(),
      upsert: db.prepare(
        `INSERT INTO guest_ranks (guest_id, rank_name, manual) VALUES (?, ?, ?)
           ON CONFLICT (guest_id) DO UPDATE SET rank_name = excluded.rank_name, manual = excluded.manual`,
      ),
      remove: db.prepare('DELETE FROM guest_ranks WHERE guest_id = ?'),
      current: db.prepare('SELECT rank_name AS name, manual FROM guest_ranks WHERE guest_id = ?'),
      range: db.prepare('SELECT id, deleted_at IS NOT NULL AS gone FROM guests WHERE id > ? ORDER BY id LIMIT ?'),
      staysOfRange: db.prepare(
        `SELECT guest_id AS guest, arrival_date AS arrival, amount_yen AS amount FROM stays INDEXED BY stays_visited_guest
          WHERE guest_id BETWEEN ? AND ? AND arrival_date >= ? AND ${VISITED}`,
      ),
      manualOfRange: db.prepare(
        'SELECT guest_id, rank_name FROM guest_manual_ranks WHERE guest_id BETWEEN ? AND ? AND rank_name IS NOT NULL',
      ),
      storedOfRange: db.prepare('SELECT guest_id, rank_name, manual FROM guest_ranks WHERE guest_id BETWEEN ? AND ?'),
      edges: db
        .prepare(
          `SELECT DISTINCT guest_id FROM stays INDEXED BY stays_visited_arrival
            WHERE arrival_date >= ? AND arrival_date < ? AND ${VISITED}`,
        )
        .pluck(),
    };
    return statements;
  };

  // Told before a guest's stored rank changes (the manager's per-day totals by rank move the guest's visits).
  const listeners: Array<(guestId: string) => void> = [];
  const store = (guestId: string, rank: Ranked, before: Ranked | undefined) => {
    const s = prepared();
    if (before !== undefined && before?.name === rank?.name && before?.manual === rank?.manual) return false;
    for (const listener of listeners) listener(guestId);
    if (rank === null) s.remove.run(guestId);
    else s.upsert.run(guestId, rank.name, rank.manual ? 1 : 0);
    return true;
  };

  return {
    /** Calls `listener` with a guest's id just before their stored rank is written (always in a transaction). */
    beforeChange(listener: (guestId: string) => void) {
      listeners.push(listener);
    },
    /** One guest's rank now, from the stored stays and manual rank: the incremental path and ranks.preview. */
    compute(guestId: string, rules: readonly RankRule[], today: string): Ranked {
      const s = prepared();
      const guest = s.guest.get(guestId) as { deleted_at: string | null } | undefined;
      if (!guest || guest.deleted_at !== null) return null;
      const windows = windowsOn(rules, today);
      const stats = new Map<number, { visits: number; spend: number }>();
      if (windows.length > 0) {
        const earliest = windows[0]?.start as string;
        for (const stay of s.staysOfGuest.all(guestId, earliest) as Array<{ arrival: string; amount: number }>)
          countVisit(stats, windows, stay.arrival, stay.amount);
      }
      const manual = (s.manualOfGuest.get(guestId) as string | undefined) ?? null;
      return rankFrom(rules, stats, manual);
    },
    /** The stored rank of a guest (null: none). */
    stored(guestId: string): Ranked {
      const row = prepared().current.get(guestId) as { name: string; manual: number } | undefined;
      return row ? { name: row.name, manual: row.manual === 1 } : null;
    },
    /** Writes a guest's rank when it differs from `before` (undefined: not known, write anyway). */
    store,
    /**
     * Recomputes the guests with ids after `after`, `limit` of them in id order: the full recompute's unit.
     * Reads every input of the range in one statement each (stays by the stays_guest index range, manual
     * ranks, the stored ranks) and writes only the ranks that moved. Returns the last id and how many.
     */
    recomputeRange(after: string, limit: number, rules: readonly RankRule[], today: string) {
      const s = prepared();
      const guests = s.range.all(after, limit) as Array<{ id: string; gone: number }>;
      if (guests.length === 0) return { last: after, count: 0, moved: 0 };
      const first = (guests[0] as { id: string }).id;
      const last = (guests.at(-1) as { id: string }).id;
      const windows = windowsOn(rules, today);
      const stats = new Map<string, Map<number, { visits: number; spend: number }>>();
      if (windows.length > 0) {
        const rows = s.staysOfRange.all(first, last, windows[0]?.start) as Array<{
          guest: string;
          arrival: string;
          amount: number;
        }>;
        for (const stay of rows) {
          let mine = stats.get(stay.guest);
          if (!mine) {
            mine = new Map();
            stats.set(stay.guest, mine);
          }
          countVisit(mine, windows, stay.arrival, stay.amount);
        }
      }
      const manual = new Map(
        (s.manualOfRange.all(first, last) as Array<{ guest_id: string; rank_name: string }>).map((row) => [
          row.guest_id,
          row.rank_name,
        ]),
      );
      const stored = new Map(
        (
          s.storedOfRange.all(first, last) as Array<{
            guest_id: string;
            rank_name: string;
            manual: number;
          }>
        ).map((row) => [row.guest_id, { name: row.rank_name, manual: row.manual === 1 }]),
      );
      const empty = new Map<number, { visits: number; spend: number }>();
      let moved = 0;
      for (const guest of guests) {
        const rank = guest.gone ? null : rankFrom(rules, stats.get(guest.id) ?? empty, manual.get(guest.id) ?? null);
        if (store(guest.id, rank, stored.get(guest.id) ?? null)) moved++;
      }
      return { last, count: guests.length, moved };
    },
    /** Guests whose visits lie between two days' window starts: the ones a new day can move. */
    guestsAtWindowEdges(rules: readonly RankRule[], fromDay: string, toDay: string): string[] {
      const found = new Set<string>();
      const select = prepared().edges;
      for (const years of windowsOf(rules)) {
        const a = windowStart(fromDay, years);
        const b = windowStart(toDay, years);
        const [low, high] = a < b ? [a, b] : [b, a];
        for (const id of select.all(low, high) as string[]) found.add(id);
      }
      return [...found];
    },
  };
}
