import { makeStaffedCore } from '../support/core.ts';

// A staffed core on a clock the test moves day by day (the inn's day is Asia/Tokyo, the default zone), and
// shorthands for the rank rules and for visits: past stays recorded as departed, each in its own room so no two
// clash.

export const DAY_MS = 24 * 60 * 60 * 1000;

export async function rankCore(today = '2026-06-15', jobs?: { sliceMs: number; progressEveryMs: number }) {
  let now = Date.parse(`${today}T10:00:00+09:00`);
  const clock = () => {
    now += 1;
    return now;
  };
  const test = await makeStaffedCore({ clock, jobs });
  let room = 0;
  const guest = async (familyName: string, familyReading = 'てすと') =>
    (await test.call('guests.create', { fields: { familyName, familyReading } })).id as string;
  /** A departed stay of one night from `arrivalDate`, with its amount. */
  const visit = async (guestId: string, arrivalDate: string, amountYen = 0, status = 'departed') => {
    const departure = new Date(Date.parse(`${arrivalDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    room += 1;
    return test.call('stays.create', {
      fields: { guestId, arrivalDate, departureDate: departure, rooms: [`R${room}`], amountYen, status },
    });
  };
  const rankOf = async (guestId: string) => (await test.call('ranks.ofGuest', { guestId })).rank;
  const setRules = async (rules: Array<Record<string, unknown>>) => {
    const current = await test.call('ranks.rules', {});
    const saved = await test.call('ranks.updateRules', {
      rules: rules.map((rule) => ({
        manual: false,
        minVisits: null,
        minSpendYen: null,
        years: 3,
        combine: 'and',
        ...rule,
      })),
      version: current.version,
    });
    await test.call('ranks.recompute', {});
    return saved;
  };
  const moveDays = (days: number) => {
    now += days * DAY_MS;
  };
  return { ...test, guest, visit, rankOf, setRules, moveDays };
}

/** The stored ranks, guest by guest: what every screen reads. */
export function storedRanks(db: import('better-sqlite3').Database) {
  return db.prepare('SELECT guest_id, rank_name, manual FROM guest_ranks ORDER BY guest_id').all();
}
