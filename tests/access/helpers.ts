import { AFTER_ANSWER_QUIET_MS } from '../../electron/core/after-answer.ts';
import { makeCore, type TestCore } from '../support/core.ts';

// A core on a clock the test moves (10:00 at the inn on 2026-12-03, a millisecond per reading), two staff members
// and a guest with a stay: what the access log tests open, print and export.

export type AccessTest = TestCore & {
  advance(ms: number): void;
  choose(staffId: string | null): Promise<void>;
  okami: string;
  front: string;
  /** 仲居 (service): opens cards and prints sheets, does not read the access log. */
  nakai: string;
  guest: string;
  stay: string;
  entries(input?: Record<string, unknown>): Promise<Entry[]>;
};

// biome-ignore lint/suspicious/noExplicitAny: entries are read loosely; the contract checks their shape.
type Entry = any;

export const MINUTE = 60_000;

/** One turn of the event loop: what a call that came as a message (the worker's, the HTTP door's) always gives. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A pause at the desk: a card's look is written once staff pause, AFTER_ANSWER_QUIET_MS without a call
 * (after-answer.ts). A test that reads the log itself, not through a call (which would write what waits first),
 * pauses a little longer than that first, as anyone at a desk does between two cards.
 */
export const deskPause = () => new Promise<void>((resolve) => setTimeout(resolve, AFTER_ANSWER_QUIET_MS + 50));

export async function accessCore(): Promise<AccessTest> {
  let now = Date.parse('2026-12-03T10:00:00+09:00');
  const test = makeCore({
    clock: () => {
      now += 1;
      return now;
    },
  });
  const okami = (await test.call('staff.create', { name: '女将 山田' })).id as string;
  await test.call('staff.setCurrent', { id: okami });
  const front = (await test.call('staff.create', { name: 'フロント 鈴木' })).id as string;
  const nakai = (await test.call('staff.create', { name: '仲居 田中', roles: ['service'] })).id as string;
  // Who is chosen at the PC: entries() reads the log as the owner (the access log is the managers') and then
  // hands the PC back.
  let chosen: string | null = okami;
  const guest = (
    await test.call('guests.create', {
      fields: { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' },
    })
  ).id as string;
  const stay = (
    await test.call('stays.create', {
      fields: { guestId: guest, arrivalDate: '2026-12-03', departureDate: '2026-12-04', rooms: ['201'], adults: 1 },
    })
  ).id as string;
  return {
    ...test,
    okami,
    front,
    nakai,
    guest,
    stay,
    advance(ms) {
      now += ms;
    },
    async choose(staffId) {
      if (staffId === null) await test.call('staff.clearCurrent', {});
      else await test.call('staff.setCurrent', { id: staffId });
      chosen = staffId;
    },
    async entries(input = {}) {
      if (chosen !== okami) await test.call('staff.setCurrent', { id: okami });
      const { entries } = await test.call('accessLog.list', input);
      if (chosen === null) await test.call('staff.clearCurrent', {});
      else if (chosen !== okami) await test.call('staff.setCurrent', { id: chosen });
      return entries;
    },
  };
}
