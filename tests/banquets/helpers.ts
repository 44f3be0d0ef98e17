import { expect } from 'vitest';
import { changeLogCount, makeStaffedCore } from '../support/core.ts';

// A sales desk to test with: a staffed core whose "today" can be moved forward (a party is held only on or
// after its day), and short ways to make guests, halls and deals through the real calls.

export const TODAY = '2026-06-15';

type Fields = Record<string, unknown>;

/** Ten in the morning, local time, of a day. */
function morningOf(date: string): number {
  return new Date(`${date}T10:00:00`).getTime();
}

export async function salesDesk(start = TODAY) {
  let now = morningOf(start);
  const clock = () => {
    now += 1;
    return now;
  };
  const test = await makeStaffedCore({ clock });
  const { call, core, db } = test;

  /** Moves "today" forward to this day (never back: the change log's clock only goes forward). */
  const setToday = (date: string) => {
    now = Math.max(now, morningOf(date));
  };

  const guest = async (familyName: string, givenName = '', familyReading = 'やまだ') =>
    (await call('guests.create', { fields: { familyName, givenName, familyReading } })).id as string;

  const hall = async (name: string, capacity: { seated: number; standing?: number; theatre?: number }, more = {}) =>
    (
      await call('halls.create', {
        fields: { name, capacity: { standing: 0, theatre: 0, ...capacity }, ...more },
      })
    ).id as string;

  /** An inquiry: a 忘年会 of 20 seated on the given day 18:00–20:00 unless told otherwise. */
  const deal = async (organiserId: string, fields: Fields = {}) =>
    (
      await call('banquets.create', {
        fields: {
          organiserId,
          type: 'bonenkai',
          date: '2026-12-10',
          startTime: '18:00',
          endTime: '20:00',
          headcount: 20,
          ...fields,
        },
      })
    ).banquet.id as string;

  const advance = async (id: string, stage: string, more: Fields = {}) =>
    call('banquets.advance', { id, stage, ...more });

  /** Expects the call to fail with this code (and detail), having written nothing. */
  const refuses = async (name: string, input: unknown, code: string, detail?: string) => {
    const before = changeLogCount(db);
    const result = await core.call(name, input);
    expect(result.ok, `${name} should fail`).toBe(false);
    if (result.ok) throw new Error('unreachable');
    expect(result.error.code).toBe(code);
    if (detail) expect(result.error.detail).toBe(detail);
    expect(changeLogCount(db)).toBe(before);
    return result.error;
  };

  return { ...test, setToday, guest, hall, deal, advance, refuses };
}
